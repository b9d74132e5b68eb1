/**
 * Engine figures, in process: a claim with its linked 10 KB note (the keystroke case: the
 * note text changes at every iteration, so nothing is answered from the per-text cache), the
 * same with a 1 MB note, and the 10 KB case with the four real policies vs 1,000 synthetic
 * ones added (policy scaling).
 */
import { Engine, type Host } from '../../server/src/engine';
import { buildNote, edited, fixture, type Fixture } from './corpus';
import { bundledPolicyFiles, syntheticPolicies } from './policies';
import { figure, median, time } from './stats';

/** A check of the claim whose linked note is edited at each call. */
function keystrokes(engine: Engine, f: Fixture): (i: number) => void {
  let note = f.noteText;
  const host: Host = { readText: (p) => (p === f.notePath ? note : undefined) };
  return (i) => {
    note = edited(f.noteText, i);
    const r = engine.check({ path: f.claimPath, text: f.claimText }, host);
    if (r.determinations.length === 0) throw new Error('bench: the claim was not checked');
  };
}

export function engineFigures(): void {
  const engine = Engine.load({ bundled: true });
  const note10k = fixture(buildNote(10 * 1024));
  const t10k = time(keystrokes(engine, note10k), { warmup: 300, iterations: 3000, budgetMs: 15_000 });
  figure('engine.note10k.median_ms', t10k.median);
  figure('engine.note10k.p99_ms', t10k.p99);

  const t1m = time(keystrokes(engine, fixture(buildNote(1024 * 1024))), { warmup: 3, iterations: 25, budgetMs: 20_000 });
  figure('engine.note1m.median_ms', t1m.median);

  // Policy scaling: the same note and claim; batches alternate so drift in machine load
  // falls on both sides alike.
  const real = bundledPolicyFiles();
  const four = Engine.fromFiles(real);
  const thousand = Engine.fromFiles([...real, ...syntheticPolicies(1000)]);
  if (thousand.policyErrors.length > 0) throw new Error(`bench: synthetic policies do not load: ${thousand.policyErrors[0].message}`);
  const a = keystrokes(four, note10k);
  const b = keystrokes(thousand, note10k);
  const sa: number[] = [];
  const sb: number[] = [];
  for (let batch = 0; batch < 10; batch++) {
    sa.push(...time(a, { warmup: batch === 0 ? 300 : 20, iterations: 200 }).samples);
    sb.push(...time(b, { warmup: batch === 0 ? 300 : 20, iterations: 200 }).samples);
  }
  figure('engine.policies4.median_ms', median(sa));
  figure('engine.policies1000.median_ms', median(sb));
  figure('engine.policy_scaling_ratio', median(sb) / median(sa));
}
