/**
 * Checkboxes after a label, from the CLI (SPEC 2.2): "Functional limitation: [ ] Eating [ ]
 * Speech" leaves every box unchecked, so the label is a question nobody answered and documents
 * no impairment; a checked box on the line documents its item.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations } from '../runCli';

const CLAIM = ['payer: Anthem', 'plan: commercial', 'date: 2025-04-08', 'note: ../notes/v.note', 'line 1: 11950 x1 ; HA filler, upper and lower lip', ''].join('\n');

const note = (boxes: string) =>
  [
    '---',
    'date: 2025-04-08',
    '---',
    'Reason for visit: lip filler',
    boxes,
    'PLAN: filler to the lips is expected to restore her oral seal so she can eat without spilling.',
    '',
  ].join('\n');

test('a label whose boxes are all unchecked documents nothing: functional impairment stays missing', () => {
  const [d] = claimDeterminations(CLAIM, note('Functional limitation: [ ] Eating  [ ] Speech  [ ] Oral competence'));
  assert.equal(d.status, 'documentation-missing');
  assert.ok(d.policies[0].missing.includes('functional-impairment'), JSON.stringify(d.policies[0]));
});

test('the same label with a checked box documents its item', () => {
  const [d] = claimDeterminations(CLAIM, note('Functional limitation: [x] Eating - food spills from the lips  [ ] Speech'));
  assert.ok(!d.policies[0].missing.includes('functional-impairment'), JSON.stringify(d.policies[0]));
});
