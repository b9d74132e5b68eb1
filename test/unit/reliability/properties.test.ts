/**
 * Property-based tests (fast-check) of SPEC 9: generated and mutated claims, notes and policy
 * files never throw, every range lies inside its document, output is deterministic, and the
 * claim parse/print round trip holds. ~200 runs per property here; `npm run -s fuzz` runs the
 * same properties (scripts/fuzz/properties.ts) for 100,000+ cases.
 *
 * A failure prints fast-check's seed and shrunk counterexample; replay it with
 * FUZZ_SEED=<seed> (and FUZZ_PATH=<path>) in the environment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Engine } from '../../../server/src/engine';
import { parseClaim } from '../../../server/src/engine/documents/claim';
import { parseNote } from '../../../server/src/engine/documents/note';
import { claimText, noteText, policySet, SEED_CLAIMS, SEED_NOTES, validClaim } from '../../../scripts/fuzz/arbitraries';
import {
  assertRoundTrip,
  checkDocument,
  checkPolicyEngine,
  checkPolicyLoad,
  CLAIM_PATH,
  Lines,
  memoryHost,
  NOTE_PATH,
  POLICY_ENGINE_DOCS,
} from '../../../scripts/fuzz/properties';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({
  numRuns,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
  ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
});

const engines: [Engine, Engine] = [Engine.load({}), Engine.load({})];
const plan = fc.constantFrom(undefined, 'commercial' as const, 'medicare' as const, 'medicaid' as const);
const payer = fc.constantFrom(undefined, 'Anthem', 'Centene', 'BCBS', 'Nobody Mutual');

test('the bundled policies load without errors (the properties start from them)', () => {
  assert.deepEqual(engines[0].policyErrors, []);
  assert.ok(SEED_CLAIMS.length > 5 && SEED_NOTES.length > 5);
});

test('the independent line table agrees with LSP line breaks', () => {
  const l = new Lines('a\r\nbc\rd\n\ne');
  assert.deepEqual(l.starts, [0, 3, 6, 8, 9]);
  assert.deepEqual(l.lengths, [1, 2, 1, 0, 1]);
});

test('notes: checking never throws, ranges lie inside, output is deterministic', () => {
  fc.assert(
    fc.property(noteText, plan, payer, (text, pl, py) => {
      checkDocument(engines, { path: NOTE_PATH, text }, memoryHost(), { plan: pl, payer: py });
    }),
    params(),
  );
});

test('claims: checking never throws, ranges lie inside (evidence in its note), output is deterministic', () => {
  const linked = fc.array(fc.tuple(fc.constantFrom(...SEED_NOTES.map((n) => n.path)), noteText), { maxLength: 2 });
  fc.assert(
    fc.property(claimText, linked, plan, (text, notes, pl) => {
      checkDocument(engines, { path: CLAIM_PATH, text }, memoryHost(notes), { plan: pl });
    }),
    params(),
  );
});

test('the parsers never throw and report no internal error on any text', () => {
  fc.assert(
    fc.property(fc.oneof(claimText, noteText), (text) => {
      for (const doc of [parseClaim(text), parseNote(text)]) {
        const internal = doc.problems.filter((p) => p.message.startsWith('internal error'));
        assert.deepEqual(internal, [], 'a parser caught its own exception');
      }
    }),
    params(),
  );
});

test('claims: parseClaim(printClaim(parseClaim(t))) equals parseClaim(t) but for spans, for generated valid claims', () => {
  fc.assert(
    fc.property(validClaim, (text) => assertRoundTrip(text, true)),
    params(),
  );
});

test('claims: the round trip also holds for mutated and malformed claims', () => {
  fc.assert(
    fc.property(claimText, (text) => assertRoundTrip(text, false)),
    params(),
  );
});

test('policies: loading mutated policy and concept files never throws; every policy-error lies inside its file', () => {
  fc.assert(
    fc.property(policySet, (set) => checkPolicyLoad(set.focus)),
    params(),
  );
});

test('policies: an engine over mutated policy files loads and checks the examples (fewer runs: each builds an engine)', () => {
  fc.assert(
    fc.property(policySet, (set) => checkPolicyEngine(set.files, POLICY_ENGINE_DOCS)),
    params(Math.max(5, Math.round(RUNS / 8))),
  );
});
