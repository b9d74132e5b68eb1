/**
 * Uncertainty (issue 9, item 7), from the CLI: a criterion written only as possible or to be
 * evaluated does not count, and the JSON near miss names the uncertainty trigger the way it
 * names a negation or a hypothetical one (SPEC 7: reason "hypothetical", the trigger's words).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations } from '../runCli';

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

function policy(assessment: string) {
  // The first policy's determination, as the JSON gives it (its status included).
  return { ...claimDeterminations(CLAIM, note(assessment))[0].policies[0] };
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
