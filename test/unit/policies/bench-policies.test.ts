/**
 * The bench's 1,000 synthetic policies are generated from the bundled policy folder. When the
 * folder gained `lexicon/` (files with neither `codes` nor an `id` of a concept), the generator
 * crashed and `npm run bench` printed no policy-scaling figure at all. This keeps the generator
 * loading cleanly beside whatever the bundled folder holds.
 *
 * The generator draws its words from MTSamples (../shared/data beside the repository); the test
 * is skipped, saying so, when that corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Engine } from '../../../server/src/engine';
import { MTSAMPLES_NOTES } from '../../../scripts/bench/corpus';
import { bundledPolicyFiles, syntheticPolicies } from '../../../scripts/bench/policies';

test('the bench synthetic policies load beside the bundled folder with no policy error', (t) => {
  if (!existsSync(MTSAMPLES_NOTES)) return t.skip(`MTSamples not found at ${MTSAMPLES_NOTES} (../shared/data beside the repository)`);
  const synthetic = syntheticPolicies(40);
  const engine = Engine.fromFiles([...bundledPolicyFiles(), ...synthetic]);
  assert.deepEqual(engine.policyErrors.map((e) => `${e.path}: ${e.message}`), []);
  const real = Engine.fromFiles(bundledPolicyFiles());
  assert.equal(engine.registry.policies.length, real.registry.policies.length + 40, 'every synthetic policy is loaded as a policy');
});
