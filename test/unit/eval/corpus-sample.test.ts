/**
 * The eval:corpus review sample (scripts/eval/sample.ts) is seeded: the same seed over the same
 * notes gives the same sample, so a reviewer and the lead read the same sentences, and a re-run
 * after tuning keeps the sentences that still match. A tiny in-memory corpus and concept, not
 * the shared data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../../server/src/engine';
import { collectMatches, renderSample, sampleMatches, type CorpusNote } from '../../../scripts/eval/sample';

const concept = {
  id: 'walking-trouble',
  label: 'trouble walking',
  description: 'A test concept.',
  patterns: ['unable to walk'],
  prompt: 'Walking (clinician to complete): ${1:[what]}',
};
const { compiled } = Engine.fromFiles([{ path: '/t/concepts/walking-trouble.json', text: JSON.stringify(concept) }]);

// 12 notes that document it, 2 that deny it, and one copy of note 3 filed again.
const notes: CorpusNote[] = [
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `n${String(i).padStart(2, '0')}.note`,
    text: `Patient ${i} is unable to walk ${i + 1} blocks.`,
  })),
  { id: 'd1.note', text: 'She is not unable to walk.' },
  { id: 'd2.note', text: 'Denies being unable to walk.' },
  { id: 'z-copy.note', text: 'Patient 3 is unable to walk 4 blocks.' },
];
const ids = (seed: number, from = notes) =>
  sampleMatches(collectMatches(compiled, from).counting.get('walking-trouble')!, 'walking-trouble', 5, seed).map((m) => m.doc);

test('the same seed gives the same sample, whatever order the notes come in', () => {
  const first = ids(7);
  assert.equal(first.length, 5);
  assert.deepEqual(ids(7), first);
  assert.deepEqual(ids(7, [...notes].reverse().map((n) => ({ ...n }))), first);
  // Distinct documenting notes only: no denial, no second copy of a text.
  assert.equal(new Set(first).size, 5);
  for (const id of first) assert.match(id, /^n\d\d\.note$/);
});

test('the seed chooses: another seed gives another sample, not the first notes in order', () => {
  const seeds = [1, 2, 3, 7, 11].map((s) => ids(s).join());
  assert.ok(new Set(seeds).size > 1, seeds.join(' | '));
  assert.ok(seeds.some((s) => s !== 'n00.note,n01.note,n02.note,n03.note,n04.note'), seeds.join(' | '));
});

test('a sentence that stops matching leaves the rest of the sample in place', () => {
  const before = ids(7);
  const without = notes.filter((n) => n.id !== before[0]);
  assert.deepEqual(ids(7, without).slice(0, 4), before.slice(1));
});

test('the rendered sample quotes the whole sentence, marks the words and names copies and counts', () => {
  const md = renderSample(compiled, collectMatches(compiled, notes), { perCriterion: 20, seed: 7, title: 't', notes: notes.length });
  assert.match(md, /13 note files \(12 distinct texts\) document it; 12 counting mentions, 2 rejected\./);
  assert.match(md, /`n03\.note` line 1 \(same text: z-copy\.note\)\n {3}> Patient 3 is \*\*unable to walk\*\* 4 blocks\./);
  assert.match(md, /engine: matched "unable to walk"; section none; counts/);
  assert.match(md, /engine: matched "unable to walk"; section none; negated "[^"]+"; not counted: negated/);
});
