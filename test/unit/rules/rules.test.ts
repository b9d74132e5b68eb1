/** The rule table from the user's side: the CLI's findings carry the rules a disable can name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../server/src/cli/main';
import { problemFindings } from '../../../server/src/engine/check/common';
import { internalError } from '../../../server/src/engine/documents/text';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import { RULES, ruleSeverity } from '../../../server/src/engine/rules';

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number } };
}

function lint(claim: string): JsonDiagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-rules-'));
  writeFileSync(join(dir, 'a.claim'), claim);
  let stdout = '';
  run(['--format', 'json', 'a.claim'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: dir });
  return JSON.parse(stdout).files[0].diagnostics;
}

test('an unknown header key is a syntax warning, silenced by `# clinlint-disable-line syntax` on its line', () => {
  const shown = lint('payer: Anthem\npayor: Anthem\n');
  const unknown = shown.filter((d) => d.message.startsWith('unknown key "payor"'));
  assert.deepEqual(unknown.map((d) => [d.rule, d.severity, d.range.start.line]), [['syntax', 'warning', 1]]);

  const silenced = lint('payer: Anthem\npayor: Anthem  # clinlint-disable-line syntax\n');
  assert.deepEqual(silenced, []);
});

test('`# clinlint-disable-line unknown-key` names no rule: it is reported and silences nothing', () => {
  const diags = lint('payer: Anthem\npayor: Anthem  # clinlint-disable-line unknown-key\n');
  assert.deepEqual(
    diags.map((d) => [d.rule, d.severity, d.message.replace(/;.*/, '')]),
    [
      ['syntax', 'warning', 'unknown rule "unknown-key" in clinlint-disable-line'],
      ['syntax', 'warning', 'unknown key "payor"'],
    ],
  );
});

test('a reader bug is an internal-error finding, never a syntax one', () => {
  const [f] = problemFindings(new LineIndex('x'), [internalError('claim', new Error('boom'))]);
  assert.equal(f.rule, 'internal-error');
  assert.equal(f.severity, ruleSeverity('internal-error'));
  assert.ok(RULES.includes('internal-error'));
});

test('severities come from the rule table, variants included', () => {
  assert.equal(ruleSeverity('missing-documentation'), 'error');
  assert.equal(ruleSeverity('missing-documentation', 'as-applicable'), 'warning');
  assert.equal(ruleSeverity('syntax', 'recovered'), 'warning');
  assert.equal(ruleSeverity('benefit-limitation'), 'information');
});
