/** Timing helpers: warm up, then time each iteration; medians and percentiles in ms. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p99: number;
  samples: number[];
}

export function time(fn: (i: number) => void, opts: { warmup: number; iterations: number; budgetMs?: number }): Timing {
  for (let i = 0; i < opts.warmup; i++) fn(i);
  const samples: number[] = [];
  const deadline = opts.budgetMs ? performance.now() + opts.budgetMs : Infinity;
  for (let i = 0; i < opts.iterations && performance.now() < deadline; i++) {
    const t0 = performance.now();
    fn(opts.warmup + i);
    samples.push(performance.now() - t0);
  }
  return { median: quantile(samples, 0.5), p99: quantile(samples, 0.99), samples };
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (xs: number[]) => quantile(xs, 0.5);

/** A figure as `name: value`, rounded to a sensible precision. */
export function figure(name: string, value: number | string): void {
  const v = typeof value === 'number' ? (Number.isFinite(value) ? round(value) : 'n/a') : value;
  console.log(`${name}: ${v}`);
}

function round(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
}
