/**
 * SPEC 4.1 from the CLI: a claim line whose description names a donor site that is itself
 * treated ("right thigh donor site contour") is that site's line, so the heel's sentences do not
 * document it and the thigh's own cosmetic sentence decides it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations } from '../runCli';

const CLAIM = [
  'payer: Anthem',
  'plan: commercial',
  'date: 2025-06-03',
  'note: ../notes/v.note',
  'line 1: 15773-LT x1 ; fat graft, plantar heel left foot',
  'line 2: 15771-RT x1 ; fat graft, right thigh donor site contour',
  '',
].join('\n');

const NOTE = [
  '---',
  'date: 2025-06-03',
  '---',
  'INDICATIONS: Since the burn, she is unable to bear weight on the left heel for more than a few minutes.',
  'Restoring padding under the left heel should allow her to stand through a full shift again.',
  'Separately, she requests the right thigh donor site depression be evened out because she dislikes how the thigh looks in shorts; this is purely aesthetic.',
  '',
].join('\n');

test('a treated donor site named on the line scopes it: the heel is supported, the thigh not covered as cosmetic', () => {
  const [heel, thigh] = claimDeterminations(CLAIM, NOTE);
  assert.equal(heel.status, 'supported');
  assert.equal(thigh.status, 'not-covered');
});
