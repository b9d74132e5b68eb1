/**
 * Sentences and tokens as a note's layout gives them: a hard-wrapped long line broken after a
 * comma goes on, a salutation does not; a form's blank of underscores is one token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenText } from '../../../server/src/engine/evidence/tokenize';

const sentences = (text: string): string[] => {
  const t = tokenize(text);
  const out: string[][] = [];
  for (let i = 0; i < t.count; i++) (out[t.sentenceOf[i]] ??= []).push(tokenText(t, i));
  return out.filter(Boolean).map((s) => s.join(' '));
};

test('a long line broken after a comma goes on into the next line, whatever its case; a salutation ends', () => {
  const wrapped = sentences('52-year-old woman, left vagal paraganglioma resected en bloc with the vagus nerve (skull base team,\nJune 2025). Since then a paralysed L vocal fold.');
  assert.equal(wrapped.length, 2, JSON.stringify(wrapped));
  assert.match(wrapped[0], /team , june 2025/);
  const letter = sentences('Dear Dr Haddad,\nThank you for referring Mrs Lindqvist.');
  assert.equal(letter.length, 2, JSON.stringify(letter));
});

test('a run of underscores is one blank token', () => {
  const t = tokenize('RPR, HIV, __________ serologies.');
  const words = Array.from({ length: t.count }, (_, i) => tokenText(t, i));
  assert.deepEqual(words, ['rpr', ',', 'hiv', ',', '__________', 'serologies', '.']);
});

test('a line that runs on into a bracket opening on a lower-case word is one sentence; a bracketed heading is not', () => {
  const wrapped = sentences('His father could not tolerate baclofen tablets himself\n(too sleepy) and is wary of them.');
  assert.equal(wrapped.length, 1, JSON.stringify(wrapped));
  const list = sentences('Allergies: none\n(Reviewed today.)');
  assert.equal(list[0], 'allergies : none', JSON.stringify(list));
});
