/**
 * Pain relief read as a number (evidence/numbers): MP-442 needs MORE than 50% reduction in a
 * temporary trial by the planned route; 50% exactly fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceeds, readRelief } from '../../../server/src/engine/evidence/numbers';

const read = (sentence: string) => {
  const r = readRelief(sentence);
  assert.ok(r, `no relief read from ${JSON.stringify(sentence)}`);
  return r;
};
const passes = (sentence: string) => exceeds(read(sentence), 50);

test('62.5% passes, exactly 50% fails', () => {
  assert.equal(read('The intrathecal trial gave 62.5% pain relief.').percent, 62.5);
  assert.equal(passes('The intrathecal trial gave 62.5% pain relief.'), true);
  assert.equal(read('Epidural morphine trial: 50% pain relief.').percent, 50);
  assert.equal(passes('Epidural morphine trial: 50% pain relief.'), false);
  assert.equal(passes('About 50 percent relief of her pain with the trial.'), false);
});

test('a range reads as its lower bound: 60-70% is 60', () => {
  const r = read('The trial gave 60-70% pain relief.');
  assert.equal(r.percent, 60);
  assert.equal(r.quote, '60-70%');
  assert.equal(read('Pain relief of 50 to 60 percent with the trial.').percent, 50);
  assert.equal(passes('Pain relief of 50 to 60 percent with the trial.'), false);
});

test('"greater than 50 percent" and "more than half" pass; "less than 60%" is just under 60', () => {
  const g = read('Greater than 50 percent pain relief after the intrathecal morphine trial.');
  assert.equal(g.percent, 50);
  assert.equal(g.exclusive, true);
  assert.equal(exceeds(g, 50), true);
  const h = read('She reported more than half of her pain relieved during the trial.');
  assert.equal(h.exclusive, true);
  assert.equal(exceeds(h, 50), true);
  assert.equal(read('The trial gave less than 60% relief of pain.').percent < 60, true);
  assert.equal(passes('The trial gave at least 50% pain relief.'), false);
  assert.equal(read('Seventy percent pain relief with the epidural trial.').percent, 70);
});

test('scores: "from 8/10 to 3/10" is 62.5%, "to 5/10" 37.5%', () => {
  const r = read('Pain decreased from 8/10 to 3/10 during the trial.');
  assert.equal(r.percent, 62.5);
  assert.equal(r.how, 'scores');
  assert.deepEqual(r.scores, { before: 8, after: 3, scale: 10 });
  assert.equal(r.quote, 'from 8/10 to 3/10');
  assert.equal(read('Pain decreased from 8/10 to 5/10 during the trial.').percent, 37.5);
  assert.equal(read('Pain reduced to 3/10 from 8/10 after the bolus.').percent, 62.5);
  assert.equal(read('Pain improved from a 10 to a 4 after the intrathecal trial.').percent, 60);
  assert.equal(read('Pain 7/10 at baseline; after the trial 3/10.').percent, 57.1);
});

test('pain scales: "VAS 8 ... 4" is 50% (fails), "NRS of 8 to 3" 62.5%, VAS in mm', () => {
  const v = read('VAS 8 before the trial and 4 after.');
  assert.equal(v.percent, 50);
  assert.equal(exceeds(v, 50), false);
  assert.equal(read('VAS 8 before the trial, VAS 4 after.').percent, 50);
  assert.equal(read('NRS of 8 to 3 after the intrathecal bolus.').percent, 62.5);
  const mm = read('VAS 80 mm before the trial and VAS 30 mm after.');
  assert.equal(mm.percent, 62.5);
  assert.equal(mm.scores?.scale, 100);
});

test('what is not pain relief is not read', () => {
  assert.equal(readRelief('The trial gave no relief.'), undefined);
  // Another scale, a dose, a date, a percentage of something else.
  assert.equal(readRelief('Intrathecal baclofen bolus trial: Ashworth fell from 4 to 1 within 4 hours.'), undefined);
  assert.equal(readRelief('The trial reduced oxycodone from 8 to 3 mg daily.'), undefined);
  assert.equal(readRelief('InterStim trial with over 70% improvement in her urgency and frequency.'), undefined);
  const d = read('On 3/10/2024 the trial was done; pain reduced to 4/10 from 8/10.');
  assert.equal(d.percent, 50);
});

test('the largest relief a sentence states is its reading', () => {
  assert.equal(read('Relief was 40% at 2 hours and 75% at 6 hours after the intrathecal trial.').percent, 75);
});

test('scores written in words: "nine out of ten", and a word number after from or to', () => {
  assert.equal(read('His pain fell from nine out of ten before the injection to three out of ten.').percent, 66.7);
  assert.equal(read('Pain cut by two-thirds, from nine out of ten to three out of ten, lasting 14 h.').percent, 66.7);
  assert.equal(read('His pain went from a nine down to a four within 6 hours.').percent, 55.6);
  assert.equal(read('Pain 8 out of 10 before, 4 out of 10 after the bolus; pain relief about half.').percent, 50);
  // The quote is the sentence's own words, not the digits they were read as.
  const sentence = 'Pain fell from nine out of ten to three out of ten.';
  const r = read(sentence);
  assert.equal(sentence.slice(r.start, r.end), 'from nine out of ten to three out of ten');
  // Other number words are not scores.
  assert.equal(read('Seventy five percent pain relief with the trial.').percent, 75);
});

test('the label before each score: "VAS pre 80 mm, post 20 mm" is 75%, "NRS baseline 8, after 4" is 50%', () => {
  assert.equal(readRelief('VAS pre 80 mm, post 20 mm.')?.percent, 75);
  assert.equal(readRelief('NRS baseline 8, after 4.')?.percent, 50);
});
