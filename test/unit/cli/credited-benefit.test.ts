/**
 * A benefit credited to something other than the billed procedure does not count (SPEC 4), from
 * the CLI: when orthotics, a splint or a therapy programme is the subject of the expectation,
 * whatever it is expected to do, the graft's line still misses expected-improvement, and the
 * JSON's near miss quotes the words that credited it elsewhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations } from '../runCli';

const CLAIM = [
  'payer: Anthem',
  'plan: commercial',
  'date: 2025-05-06',
  'note: ../notes/v.note',
  'line 1: 15773-RT x1 ; fat grafting, plantar forefoot right',
  '',
].join('\n');

const note = (plan: string) =>
  [
    '---',
    'date: 2025-05-06',
    '---',
    'HPI: 62 yo, h/o 3rd degree burn R sole 2019. The fat pad under the metatarsal heads is gone; she cannot walk more than one block on the right foot before she has to stop.',
    `ASSESSMENT AND PLAN: ${plan}`,
    '',
  ].join('\n');

test('orthotics expected to offload the foot and improve walking: the graft\u2019s expected improvement is missing, and the near miss says why', () => {
  const [d] = claimDeterminations(CLAIM, note('Custom accommodative orthotics are expected to offload the metatarsal heads and improve her walking tolerance. Fat grafting to the R plantar forefoot (CPT 15773) scheduled.'));
  assert.equal(d.status, 'documentation-missing');
  assert.deepEqual(d.policies[0].missing, ['expected-improvement']);
  const near = d.policies[0].nearMisses?.find((n) => n.criterion === 'expected-improvement');
  assert.equal(near?.reason, 'scope');
  assert.match(near?.trigger ?? '', /orthotics are expected to/);
});

test('the same foot, the graft expected to restore the cushion so she can walk further: supported', () => {
  const [d] = claimDeterminations(CLAIM, note('Fat grafting to the R plantar forefoot (CPT 15773) is expected to restore the cushion so she can walk further.'));
  assert.equal(d.status, 'supported');
});
