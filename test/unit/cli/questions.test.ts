/**
 * A question asks; it does not document (SPEC 4). From the CLI: a reviewer's question about an
 * HIV diagnosis, or a form's question left unanswered or answered "no", leaves the criterion
 * missing, and the JSON near miss names the query mark; a form's question answered "yes" on its
 * line is the answer and counts. A clinic's name ("HIV/DERM CLINIC") is not a diagnosis.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations } from '../runCli';
import { criterionIn } from '../engine/helpers';

const CLAIM = [
  'claim: Q-1',
  'payer: Centene',
  'plan: commercial',
  'date: 2025-03-04',
  'note: ../notes/v.note',
  '',
  'dx A: E88.1    lipodystrophy',
  '',
  'line 1: G0429 x1 dx A       ; dermal filler, face',
  '',
].join('\n');

const note = (...lines: string[]) =>
  ['---', 'date: 2025-03-04', '---', 'HPI: 41F with marked loss of facial fat, cheeks and temples, progressive over 5 years.', ...lines, ''].join('\n');

function check(text: string) {
  const [d] = claimDeterminations(CLAIM, text);
  return { ...d.policies[0], status: d.status };
}

test('a reviewer\u2019s question about an HIV diagnosis is not one: hiv-diagnosis stays missing, and the near miss names "?"', () => {
  const r = check(note('Reviewer question: is there an HIV/AIDS diagnosis for the member? Records show a negative screen.'));
  assert.equal(r.status, 'documentation-missing');
  assert.deepEqual(r.missing, ['hiv-diagnosis']);
  assert.ok(
    r.nearMisses?.some((n) => n.criterion === 'hiv-diagnosis' && n.reason === 'hypothetical' && n.trigger === '?'),
    JSON.stringify(r.nearMisses),
  );
});

test('a form\u2019s question answered "Yes" on its line documents; answered "No" or left open, it does not', () => {
  assert.equal(check(note('HIV? Yes - on bictegravir/FTC/TAF since 2011.')).status, 'supported');
  assert.equal(check(note('HIV? No')).status, 'documentation-missing');
  assert.equal(check(note('HIV?')).status, 'documentation-missing');
});

test('a clinic\u2019s name is not a diagnosis: "HIV/DERM CLINIC - PROGRESS NOTE", "seen in the HIV clinic"', () => {
  for (const t of ['HIV/DERM CLINIC - PROGRESS NOTE 07/21/2026 (PrEP follow-up + derm)', 'Seen today in the HIV primary care clinic for PrEP follow-up.'])
    assert.equal(criterionIn(t, 'hiv-diagnosis').met, undefined, t);
  assert.ok(criterionIn('Followed in the HIV clinic for HIV infection, undetectable.', 'hiv-diagnosis').met);
});

test('a question ends only at its query mark: "Does she have difficulty chewing?" does not document, the answer after it does', () => {
  assert.equal(criterionIn('Does she have difficulty chewing?', 'functional-impairment').met, undefined);
  assert.ok(criterionIn('Does she have difficulty chewing? Yes, she can only manage soft food.', 'functional-impairment').met);
});
