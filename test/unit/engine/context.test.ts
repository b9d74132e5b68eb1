/**
 * Clinical context beyond one sentence per criterion: sections (a condition under Family
 * History is not the patient's), inline headings as MTSamples writes them, and the places
 * where a note's wording is easy to misread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNote, criterionIn, note, statusOf } from './helpers';

const front = { payer: 'Centene', plan: 'commercial', date: '2025-02-01' };

test('a condition under FAMILY HISTORY is not the patient\'s', () => {
  const f = criterionIn(note(front, 'FAMILY HISTORY:\nHIV in a maternal uncle. Mother with facial lipoatrophy.\n'), 'hiv-diagnosis');
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.reason, 'experiencer');
  const g = criterionIn(note(front, 'FAMILY HISTORY: Facial lipoatrophy.\n'), 'facial-lipodystrophy');
  assert.equal(g.met, undefined);
  assert.equal(g.miss?.reason, 'experiencer');
});

test('the same words under HPI are the patient\'s', () => {
  assert.ok(criterionIn(note(front, 'HPI:\nHIV since 2004. Facial lipoatrophy on exam.\n'), 'hiv-diagnosis').met);
});

test('an inline HISTORY OF PRESENT ILLNESS heading does not make its text historical', () => {
  const text = note({ payer: 'BCBS' }, 'HISTORY OF PRESENT ILLNESS: The pump is requested for intractable migraine headaches.\n');
  const f = criterionIn(text, 'headache-indication');
  assert.ok(f.met, `the words "history of" in the heading are not a historical trigger: ${JSON.stringify(f.miss)}`);
});

test('MTSamples style "HISTORY OF PRESENT ILLNESS:, The patient ..." reads its text', () => {
  const text = note({ payer: 'Anthem' }, 'HISTORY OF PRESENT ILLNESS:, The patient is unable to close her mouth fully.\n');
  assert.ok(criterionIn(text, 'functional-impairment').met);
});

test('"HPI: No ..." negates what follows the heading', () => {
  const f = criterionIn(note(front, 'HPI: No facial wasting on exam.\n'), 'facial-lipodystrophy');
  assert.equal(f.met, undefined, `"No" after an inline heading negates: ${JSON.stringify(f.met?.text)}`);
  assert.equal(f.miss?.reason, 'negated');
});

test('a negation word inside the words a pattern skips still negates', () => {
  const f = criterionIn(note({ payer: 'BCBS' }, 'MEDICATIONS:\nOral baclofen did not cause sedation and controls her tone.\n'), 'oral-baclofen-failed');
  assert.equal(f.met, undefined, JSON.stringify(f.met?.text));
});

test('negation inside a pattern itself is part of the mention ("unable to walk" is affirmed)', () => {
  assert.ok(criterionIn(note(front, 'HPI:\nShe is unable to walk more than one block.\n'), 'functional-impairment').met);
  assert.ok(criterionIn(note(front, 'HPI:\nPhysical therapy for 12 weeks did not help.\n'), 'conservative-therapy-failed').met);
});

test('a termination term ends a negation\'s scope ("no fever, but unable to chew")', () => {
  assert.ok(criterionIn(note(front, 'HPI:\nNo fever, but she is unable to chew solid food.\n'), 'functional-impairment').met);
});

const pump = (sentences: string) =>
  note(
    { payer: 'BCBS', plan: 'commercial', date: '2024-09-10' },
    `HPI:\nSevere chronic intractable low back pain after two fusions. Intrathecal morphine trial gave 70% pain relief.\n${sentences}\nPLAN:\nImplant programmable intrathecal pump, CPT 62362.\n`,
  );

test('headache named as the pump\'s indication excludes the implant (MP-442: refer to policy #314)', () => {
  const r = checkNote(pump('The pump is also intended to treat her chronic migraine.'));
  assert.equal(statusOf(r, '62362'), 'not-covered');
});

test('a denied headache does not exclude the implant', () => {
  assert.equal(statusOf(checkNote(pump('She denies headaches.')), '62362'), 'supported');
});

test('a return precaution about headache is not the pump\'s indication', () => {
  assert.equal(statusOf(checkNote(pump('Call the clinic if a severe headache develops after the trial.')), '62362'), 'supported');
});

test('a post-dural-puncture headache after the trial is not the pump\'s indication', () => {
  assert.equal(statusOf(checkNote(pump('She had a mild spinal headache after the trial, treated with fluids.')), '62362'), 'supported');
});

test('functional impairment as clinicians phrase it', () => {
  for (const s of [
    'She cannot walk more than one block.',
    "He can't chew solid food.",
    'He could not raise his arm above his shoulder.',
    'She has trouble gripping pans at work.',
    'She can no longer reach overhead.',
    'The tethered scar limits his shoulder abduction.',
    'Unable to bear weight on the left forefoot.',
  ]) {
    assert.ok(criterionIn(note(front, `HPI:\n${s}\n`), 'functional-impairment').met, s);
  }
  assert.equal(criterionIn(note(front, 'HPI:\nShe denies difficulty lifting or walking.\n'), 'functional-impairment').met, undefined);
});

test('repeated bleeding of a skin tag counted in occasions', () => {
  const f = criterionIn(note(front, 'HPI:\nThe axillary tags have bled on at least four occasions this month.\n'), 'skin-tag-irritation-bleeding');
  assert.ok(f.met, JSON.stringify(f.miss));
});

test('intractable pain of two sites joined by "and"', () => {
  const text = note({ payer: 'BCBS' }, 'HPI:\nSevere chronic intractable neck and left arm pain from cervical radiculopathy.\n');
  assert.ok(criterionIn(text, 'intractable-pain').met);
});

test('oral baclofen failure with the dose between the drug and the outcome', () => {
  for (const s of [
    'Oral baclofen was titrated to 80 mg/day without adequate control.',
    'PO baclofen 20 mg TID caused drowsiness.',
  ]) assert.ok(criterionIn(note({ payer: 'BCBS' }, `MEDICATIONS:\n${s}\n`), 'oral-baclofen-failed').met, s);
  assert.equal(criterionIn(note({ payer: 'BCBS' }, 'MEDICATIONS:\nOral baclofen 10 mg TID was started today.\n'), 'oral-baclofen-failed').met, undefined);
});
