/**
 * `clinlint test <folders...>` (SPEC 7), from the user's side: one line per disagreement, the
 * figures line, exit 1 on any disagreement, 0 when every expectation holds, 2 on no cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../runCli';

const CASES = join(__dirname, '..', '..', 'fixtures', 'cases');

const cli = (args: string[]) => runCli(args, CASES);

test('a case folder whose expectations hold: the figures line and exit 0', () => {
  const r = cli(['test', 'agree-pump']);
  assert.equal(r.stdout, 'cases: 1, statuses: 1/1, criteria: 1/1, diagnostics: 0/0\n');
  assert.equal(r.status, 0);
});

test('disagreements: one line each, naming the case, the code and what differs; exit 1', () => {
  const r = cli(['test', '.']);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), 'cases: 2, statuses: 1/2, criteria: 1/2, diagnostics: 0/1');
  assert.deepEqual(lines.slice(0, -1), [
    'disagree-tags: 11200: status documentation-missing, expected supported (missing [skin-tag-irritation-bleeding])',
    'disagree-tags: 11200: missing [skin-tag-irritation-bleeding], expected []',
    'disagree-tags: no not-covered diagnostic',
  ]);
  assert.equal(r.status, 1);
});

test('no case folder, or no folder at all, is a usage error (exit 2)', () => {
  assert.equal(cli(['test', join(CASES, '..', 'documents')]).status, 2);
  assert.equal(cli(['test', 'no-such-folder']).status, 2);
  assert.equal(cli(['test']).status, 2);
});
