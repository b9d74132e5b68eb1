/**
 * Uncertainty (issue 9, item 7), from the CLI: a criterion written only as possible or to be
 * evaluated does not count, and the JSON near miss names the uncertainty trigger the way it
 * names a negation or a hypothetical one (SPEC 7: reason "hypothetical", the trigger's words).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../server/src/cli/main';

const CLAIM = [
  'claim: T-1',
  'payer: Centene',
  'plan: medicaid',
  'date: 2024-12-02',
  'note: ../notes/v.note',
  '',
  'dx A: B20      HIV disease',
  '',
  'line 1: Q2028 x40 dx A       ; Sculptra 0.5 mg units',
  '',
].join('\n');

const note = (assessment: string) =>
  [
    '---',
    'payer: Centene',
    'plan: medicaid',
    'date: 2024-12-02',
    '---',
    'HISTORY OF PRESENT ILLNESS:',
    '52-year-old man with HIV infection since 1998, on antiretroviral therapy.',
    '',
    'ASSESSMENT AND PLAN:',
    assessment,
    '',
  ].join('\n');

interface NearMiss {
  criterion: string;
  reason: string;
  trigger?: string;
}

function policy(assessment: string) {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-uncertain-'));
  mkdirSync(join(dir, 'claims'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'claims', 'c.claim'), CLAIM);
  writeFileSync(join(dir, 'notes', 'v.note'), note(assessment));
  let stdout = '';
  run(['--format', 'json', 'claims/c.claim'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: dir });
  const determination = JSON.parse(stdout).files[0].determinations[0];
  return { status: determination.status as string, ...(determination.policies[0] as { missing: string[]; nearMisses?: NearMiss[] }) };
}

test('"possible facial lipoatrophy" does not document it; the near miss names "possible"', () => {
  const p = policy('Possible facial lipoatrophy; refer to a dermatologist.');
  assert.equal(p.status, 'documentation-missing');
  assert.deepEqual(p.missing, ['facial-lipodystrophy']);
  assert.deepEqual(
    p.nearMisses?.map((m) => [m.criterion, m.reason, m.trigger]),
    [['facial-lipodystrophy', 'hypothetical', 'possible']],
  );
});

test('"evaluate for" is named like "possible"; the same finding stated plainly is documented', () => {
  const p = policy('Refer to evaluate for facial lipoatrophy.');
  assert.deepEqual(
    p.nearMisses?.map((m) => [m.criterion, m.reason, m.trigger]),
    [['facial-lipodystrophy', 'hypothetical', 'evaluate for']],
  );
  assert.deepEqual(policy('Marked facial lipoatrophy with buccal hollowing.').missing, []);
});
