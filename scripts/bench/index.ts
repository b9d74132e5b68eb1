/**
 * `npm run -s bench`: the performance figures of SPEC 8, one `name: value` line each, the
 * unit in the name. Budgets are never asserted here; compare the figures with SPEC 8 and
 * docs/performance.md. The machine's load average is printed first: figures taken on a
 * busy machine are slower than the code.
 *
 *   npm run -s bench              all figures
 *   npm run -s bench -- engine    only some groups (engine, cli, server, vsix)
 */
import { loadavg } from 'node:os';
import { buildBundles } from './build';
import { cliFigures } from './cli';
import { engineFigures } from './engine';
import { serverFigures } from './server';
import { figure } from './stats';
import { vsixFigures } from './vsix';

const GROUPS = ['engine', 'cli', 'server', 'vsix'] as const;

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => (GROUPS as readonly string[]).includes(a));
  const want = (g: (typeof GROUPS)[number]) => asked.length === 0 || asked.includes(g);
  const t0 = Date.now();
  figure('bench.loadavg_1m', loadavg()[0]);
  if (want('cli') || want('server')) await buildBundles();
  if (want('engine')) engineFigures();
  if (want('cli')) cliFigures();
  if (want('server')) await serverFigures();
  if (want('vsix')) vsixFigures();
  figure('bench.wall_s', (Date.now() - t0) / 1000);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
