/**
 * `pump-trial-relief` reads numbers, it does not match them (SPEC 4): MORE than 50% pain
 * reduction, stated as a percentage or computed from pain scores. Exactly 50% fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNote, criterionIn, findingsOf, note, statusOf } from './helpers';

const doc = (sentence: string) =>
  note({ payer: 'BCBS', plan: 'commercial', date: '2024-09-10' }, `ASSESSMENT:\nSevere chronic intractable low back pain.\n${sentence}\nPLAN:\nImplant programmable pump, CPT 62362.\n`);

const relief = (sentence: string) => criterionIn(doc(sentence), 'pump-trial-relief');

test('exactly 50% stated fails', () => {
  const f = relief('Intrathecal morphine trial gave 50% pain relief.');
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.reason, 'numeric');
  assert.equal(f.miss?.value, 50);
});

test('exactly 50% from scores (8/10 to 4/10) fails', () => {
  const f = relief('Pain decreased from 8/10 to 4/10 during the intrathecal trial.');
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.value, 50);
});

test('62.5% from scores (8/10 to 3/10) passes', () => {
  const f = relief('Pain decreased from 8/10 to 3/10 during the intrathecal trial.');
  assert.ok(f.met, JSON.stringify(f.miss));
  assert.match(f.met.text, /8\/10 to 3\/10/);
});

test('37.5% from scores (8/10 to 5/10) fails, read as 37.5', () => {
  const f = relief('Pain decreased from 8/10 to 5/10 during the trial.');
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.reason, 'numeric');
  assert.equal(f.miss?.value, 37.5);
});

test('"greater than 50%" passes (the policy\'s own words), "about 50%" does not', () => {
  assert.ok(relief('The epidural trial produced greater than 50% reduction in pain.').met);
  assert.equal(relief('The epidural trial produced about 50% reduction in pain.').met, undefined);
});

test('a trial with 51% passes and one with 49% fails', () => {
  assert.ok(relief('Intrathecal trial: 51% pain relief.').met);
  assert.equal(relief('Intrathecal trial: 49% pain relief.').met, undefined);
});

test('a pain reduction with no trial in the sentence does not document the trial', () => {
  assert.equal(relief('Pain improved 70% with physical therapy last year.').met, undefined);
});

test('the diagnostic for 8/10 to 5/10 quotes the span and says 37.5%', () => {
  const r = checkNote(doc('Pain decreased from 8/10 to 5/10 during the trial.'));
  assert.equal(statusOf(r, '62362'), 'documentation-missing');
  const [f] = findingsOf(r, 'missing-documentation', '62362').filter((x) => x.criterion === 'pump-trial-relief');
  assert.ok(f, 'a missing-documentation finding for pump-trial-relief');
  assert.equal(f.severity, 'error');
  // The message fits one Problems row; the quote and the reading go to relatedInformation (SPEC 5).
  assert.ok(f.message.includes('MP-442'), f.message);
  assert.ok(!f.message.includes('8/10'), f.message);
  // relatedInformation points at the near-miss span, quoting it with the percentage read.
  assert.equal(f.related.length, 1);
  assert.equal(f.related[0].range.start.line, 7);
  assert.ok(f.related[0].message.includes('"Pain decreased from 8/10 to 5/10 during the trial."'), f.related[0].message);
  assert.ok(f.related[0].message.includes('37.5%'), f.related[0].message);
});

test('62.5% documented with intractable pain: the implant is supported', () => {
  const r = checkNote(doc('Pain decreased from 8/10 to 3/10 during the intrathecal trial.'));
  assert.equal(statusOf(r, '62362'), 'supported');
});

test('the trial named in one sentence and its result in the next still documents the trial', () => {
  // Clinicians often write the trial and its result as two sentences.
  const f = relief('Intrathecal trial on 8/27 with morphine 0.3 mg. Her NRS fell from 9/10 to 2/10 over 8 hours.');
  assert.ok(f.met, JSON.stringify(f.miss));
});

test('spasticity scores in a baclofen trial are not pain relief', () => {
  const f = relief('Intrathecal baclofen bolus trial: Ashworth fell from 4 to 1 within 4 hours.');
  assert.equal(f.met, undefined, `read as pain relief: ${JSON.stringify(f.met)}`);
});

test('a baseline and a result in two clauses of one sentence, across its semicolon, read as one pair', () => {
  const f = relief('Intrathecal ziconotide trial. Baseline VAS 9; at 8 h VAS 2, sustained next AM.');
  assert.match(f.met?.text ?? '', /Baseline VAS 9; at 8 h VAS 2/);
  assert.equal(relief('Intrathecal morphine trial. NRS 8 pre-injection; NRS 4 at 6 hours post-injection.').miss?.value, 50);
  // Without a baseline word, two measures either side of a semicolon are not a pair.
  assert.equal(relief('Intrathecal morphine trial. NRS 8 at rest; NRS 2 with medication.').met, undefined);
});

test('a share of the pain gone is relief, not pain denied: "more than half of her usual pain gone"', () => {
  const f = relief('Intrathecal hydromorphone infusion trial x 72 h - pt reports more than half of her usual pain gone by day 2.');
  assert.ok(f.met, JSON.stringify(f.miss));
  assert.equal(relief('Intrathecal trial: about half of his pain was gone.').met, undefined);
});

test('scores before the infusion and on a day after it: "VAS 82 mm before the infusion, 30 mm on day 3"', () => {
  assert.ok(relief('Intrathecal ziconotide trial. Result: VAS 82 mm before the infusion, 30 mm on day 3.').met);
  assert.equal(relief('Intrathecal ziconotide trial. VAS 80 mm before the infusion, 45 mm on day 2.').miss?.reason, 'numeric');
});
