/**
 * `npm run -s fuzz`: a longer campaign of the reliability properties of
 * test/unit/reliability/properties.test.ts (the same arbitraries and checks, from
 * scripts/fuzz/), over every core. Prints figures and exits 1 on any failure:
 *
 *   fuzz.cases: 100000
 *   fuzz.failures: 0
 *
 * Options (environment): FUZZ_CASES (total, default 100000), FUZZ_SEED (default: random,
 * printed), FUZZ_WORKERS (default: the number of cores). A failure prints the property, the
 * seed, the replay path and the shrunk counterexample.
 */
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine } from '../../server/src/engine';
import { parseClaim } from '../../server/src/engine/documents/claim';
import { parseNote } from '../../server/src/engine/documents/note';
import * as arb from './arbitraries';
import * as props from './properties';

/** Each property and its share of the cases (policy engines are slow to build: few of them). */
const PLAN: { name: string; share: number }[] = [
  { name: 'notes', share: 0.28 },
  { name: 'claims', share: 0.25 },
  { name: 'parsers', share: 0.15 },
  { name: 'roundtrip-valid', share: 0.13 },
  { name: 'roundtrip-any', share: 0.1 },
  { name: 'policy-load', share: 0.088 },
  { name: 'policy-engine', share: 0.002 },
];

/** The unit test that checks the same property (for the replay command). */
const TEST_NAMES: Record<string, string> = {
  notes: '^notes:',
  claims: '^claims: checking',
  parsers: '^the parsers',
  'roundtrip-valid': 'for generated valid claims',
  'roundtrip-any': 'mutated and malformed claims',
  'policy-load': '^policies: loading',
  'policy-engine': '^policies: an engine',
};

interface Job {
  name: string;
  runs: number;
  seed: number;
}

interface Outcome {
  name: string;
  runs: number;
  failed: boolean;
  report?: string;
  ms: number;
}

interface Summary {
  failed: boolean;
  numRuns: number;
  seed: number;
  counterexamplePath: string | null;
  counterexample: string;
  error: string;
}

function summarize<T>(d: fc.RunDetails<T>): Summary {
  return {
    failed: d.failed,
    numRuns: d.numRuns,
    seed: d.seed,
    counterexamplePath: d.counterexamplePath,
    counterexample: d.failed ? fc.stringify(d.counterexample) : '',
    error: d.failed ? (d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance)) : '',
  };
}

function runJob(job: Job): Outcome {
  const engines: [Engine, Engine] = [Engine.load({}), Engine.load({})];
  const plan = fc.constantFrom(undefined, 'commercial' as const, 'medicare' as const, 'medicaid' as const);
  const payer = fc.constantFrom(undefined, 'Anthem', 'Centene', 'BCBS', 'Nobody Mutual');

  const opts = { numRuns: job.runs, seed: job.seed };
  const t0 = Date.now();
  const details = ((): Summary => {
    switch (job.name) {
      case 'notes':
        return summarize(fc.check(
          fc.property(arb.noteText, plan, payer, (text, pl, py) => {
            props.checkDocument(engines, { path: props.NOTE_PATH, text }, props.memoryHost(), { plan: pl, payer: py });
          }),
          opts,
        ));
      case 'claims':
        return summarize(fc.check(
          fc.property(
            arb.claimText,
            fc.array(fc.tuple(fc.constantFrom(...arb.SEED_NOTES.map((n) => n.path)), arb.noteText), { maxLength: 2 }),
            plan,
            (text, notes, pl) => {
              props.checkDocument(engines, { path: props.CLAIM_PATH, text }, props.memoryHost(notes), { plan: pl });
            },
          ),
          opts,
        ));
      case 'parsers':
        return summarize(fc.check(
          fc.property(fc.oneof(arb.claimText, arb.noteText), (text) => {
            for (const doc of [parseClaim(text), parseNote(text)]) {
              const internal = doc.problems.filter((p) => p.message.startsWith('internal error'));
              if (internal.length) throw new Error(`a parser caught its own exception: ${internal[0].message}`);
            }
          }),
          opts,
        ));
      case 'roundtrip-valid':
        return summarize(fc.check(fc.property(arb.validClaim, (text) => props.assertRoundTrip(text, true)), opts));
      case 'roundtrip-any':
        return summarize(fc.check(fc.property(arb.claimText, (text) => props.assertRoundTrip(text, false)), opts));
      case 'policy-load':
        return summarize(fc.check(fc.property(arb.policySet, (set) => props.checkPolicyLoad(set.focus)), opts));
      case 'policy-engine':
        return summarize(fc.check(fc.property(arb.policySet, (set) => props.checkPolicyEngine(set.files, props.POLICY_ENGINE_DOCS)), opts));
      default:
        throw new Error(`unknown property ${job.name}`);
    }
  })();
  const ms = Date.now() - t0;
  if (!details.failed) return { name: job.name, runs: details.numRuns, failed: false, ms };
  return {
    name: job.name,
    runs: details.numRuns,
    failed: true,
    ms,
    report:
      `${job.name}: seed ${details.seed}, path ${JSON.stringify(details.counterexamplePath)}\n` +
      `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${JSON.stringify(details.counterexamplePath ?? '')} node --import tsx --test ` +
      `--test-name-pattern ${JSON.stringify(TEST_NAMES[job.name] ?? job.name)} test/unit/reliability/properties.test.ts\n` +
      `counterexample: ${details.counterexample}\n${details.error}`,
  };
}

if (!isMainThread) {
  const jobs = workerData as Job[];
  try {
    for (const job of jobs) parentPort!.postMessage(runJob(job));
  } catch (e) {
    parentPort!.postMessage({ name: 'worker', runs: 0, failed: true, ms: 0, report: String((e as Error)?.stack ?? e) } satisfies Outcome);
  }
  parentPort!.postMessage('done');
} else {
  void main();
}

async function main(): Promise<void> {
  const total = Number(process.env.FUZZ_CASES ?? 100_000);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? availableParallelism()));
  // Each property is cut into chunks, one seed each, spread round-robin over the workers.
  const jobs: Job[] = [];
  for (const { name, share } of PLAN) {
    const runs = Math.max(1, Math.round(total * share));
    const chunks = Math.min(workers, runs);
    for (let c = 0; c < chunks; c++) {
      const n = Math.floor(runs / chunks) + (c < runs % chunks ? 1 : 0);
      jobs.push({ name, runs: n, seed: seed + jobs.length });
    }
  }
  const perWorker: Job[][] = Array.from({ length: workers }, () => []);
  jobs.forEach((j, i) => perWorker[i % workers].push(j));

  const t0 = Date.now();
  console.log(`fuzz.seed: ${seed}`);
  console.log(`fuzz.workers: ${workers}`);
  const outcomes: Outcome[] = [];
  await Promise.all(
    perWorker.map(
      (list) =>
        new Promise<void>((resolve) => {
          if (list.length === 0) return resolve();
          // A worker does not inherit tsx's loader: register it (CommonJS) before loading this file.
          const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
          const w = new Worker(boot, { eval: true, workerData: list });
          w.on('message', (m: Outcome | 'done') => {
            if (m === 'done') {
              void w.terminate();
              resolve();
            } else outcomes.push(m);
          });
          w.on('error', (e) => {
            outcomes.push({ name: 'worker', runs: 0, failed: true, ms: 0, report: String(e?.stack ?? e) });
            resolve();
          });
          w.on('exit', () => resolve());
        }),
    ),
  );
  const byName = new Map<string, { runs: number; ms: number }>();
  for (const o of outcomes) {
    const e = byName.get(o.name) ?? { runs: 0, ms: 0 };
    byName.set(o.name, { runs: e.runs + o.runs, ms: e.ms + o.ms });
  }
  for (const [name, { runs, ms }] of byName) console.log(`fuzz.${name}.cases: ${runs} (${(runs / Math.max(1, ms / 1000)).toFixed(0)}/s per worker)`);
  const failures = outcomes.filter((o) => o.failed);
  for (const f of failures) console.log(`\nFAILURE ${f.report}\n`);
  console.log(`fuzz.cases: ${outcomes.reduce((n, o) => n + o.runs, 0)}`);
  console.log(`fuzz.failures: ${failures.length}`);
  console.log(`fuzz.seconds: ${((Date.now() - t0) / 1000).toFixed(1)}`);
  process.exitCode = failures.length ? 1 : 0;
}
