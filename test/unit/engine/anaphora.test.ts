/**
 * A concept's own words referring back (`anaphora` naming a lexical class): reconstructive-cause
 * reaches back with "since then" alone, so a cause in one sentence and the condition it left in
 * the next are one statement, while "this" or "it" reach back for nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileConcepts } from '../../../server/src/engine/evidence/compile';
import { analyzeText } from '../../../server/src/engine/evidence/analyze';
import type { Concept, LexicalClass } from '../../../server/src/engine/policies/schema';
import { eachMet } from './helpers';

test('a cause in one sentence and "since then", "has since" with the condition in the next document a reconstructive cause', () => {
  eachMet(
    'reconstructive-cause',
    [
      'He completed composite resection of a floor-of-mouth cancer with radiotherapy in 2022. The lower lip soft tissue has since contracted and thinned.',
      'Left vagal paraganglioma resected en bloc in June 2025, after which surgery was complicated. Since then a paralysed L vocal fold with a glottic gap.',
    ],
    true,
  );
  eachMet(
    'reconstructive-cause',
    [
      // "since then" alone, with no condition of its own
      'She underwent hip surgery in 2010. But since then she has done well.',
      // "this" is no anaphor of a cause
      'He had a wide resection in 2019. This scar, with a contour defect, is well healed.',
    ],
    false,
  );
});

const concept = (anaphora: boolean | string): Concept =>
  ({ id: 'c', label: 'c', description: 'c', prompt: 'c', patterns: [], together: [{ inOrder: ['cause word', 'effect word'] }], anaphora }) as unknown as Concept;
const lexicon: LexicalClass[] = [
  { id: 'anaphor', description: 'x', phrases: ['this'] },
  { id: 'later', description: 'x', phrases: ['since then'] },
] as LexicalClass[];
const metIn = (compiled: ReturnType<typeof compileConcepts>, text: string) =>
  (analyzeText(compiled, text).byConcept.get('c') ?? []).some((m) => m.counts);

test('anaphora names the class a concept reaches back with; true is the class anaphor; an unknown class is a policy error', () => {
  const own = compileConcepts([concept('later')], lexicon);
  assert.deepEqual(own.problems, []);
  assert.equal(metIn(own, 'A cause word here. Since then an effect word.'), true);
  assert.equal(metIn(own, 'A cause word here. This effect word.'), false);
  const general = compileConcepts([concept(true)], lexicon);
  assert.equal(metIn(general, 'A cause word here. This effect word.'), true);
  assert.equal(metIn(general, 'A cause word here. Since then an effect word.'), false);
  const unknown = compileConcepts([concept('nowhere')], lexicon);
  assert.match(unknown.problems.map((p) => `${p.field} ${p.message}`).join('\n'), /anaphora names lexical class @nowhere/);
});

test('the condition right after "since then" counts when the sentence names it again past the window', () => {
  eachMet(
    'reconstructive-cause',
    [
      'Assault in 2023 with an orbital floor fx, repaired the same year. Since then progressive R enophthalmos, Hertel 17 OD and 14 OS on the last two visits (3 mm enophthalmos OD).',
    ],
    true,
  );
  // Nothing the sentence names right after "since then" is a condition, and its one condition is past the window.
  eachMet(
    'reconstructive-cause',
    ['Assault in 2023 with an orbital floor fx, repaired the same year. Since then he has seen us for checks every six months with his wife, and he now has enophthalmos.'],
    false,
  );
});
