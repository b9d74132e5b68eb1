/**
 * CP.MP.31 §II, from the CLI: its list of cosmetic procedures is "not limited to" the letters it
 * names, so a scar excision done only for how the scar looks, with no I.A alternative met, is
 * not covered under §II itself; the palm keloid of the same note, symptomatic, is supported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations } from '../runCli';

const CLAIM = [
  'payer: Centene',
  'plan: commercial',
  'date: 2025-07-01',
  'note: ../notes/v.note',
  'line 1: 11422-RT x1 ; excision keloid, right palm 1.8 cm',
  'line 2: 11402-LT x1 ; excision scar, left forearm 1.5 cm',
  '',
].join('\n');

const NOTE = [
  '---',
  'date: 2025-07-01',
  '---',
  'HPI: keloid R palm after a laceration. The palm keloid is tender, has failed 4 rounds of intralesional steroid and silicone, and cracks open and gets infected over and over.',
  'Also a flat 1.5 cm scar on the L forearm; it is painless and does not limit her. She would like it removed because she does not like how the forearm scar looks.',
  'Pre-op photographs of both sites in the chart.',
  '',
].join('\n');

test('a scar excised only for its looks is not covered under CP.MP.31 §II; the symptomatic keloid is supported', () => {
  const [palm, forearm] = claimDeterminations(CLAIM, NOTE);
  assert.equal(palm.status, 'supported');
  assert.equal(forearm.status, 'not-covered');
  assert.ok(forearm.policies.some((p) => p.section === 'II' && p.status === 'not-covered'), JSON.stringify(forearm.policies));
});
