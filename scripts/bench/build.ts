/**
 * Bundles the CLI and the language server for the bench into out/bench/, with the options
 * the .vsix ships (minified, no source maps): the shared dist/ is left alone, so a bench run
 * never pulls the bundles from under a test that is using them.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus';

export const BENCH_OUT = join(ROOT, 'out/bench');
export const BENCH_CLI = join(BENCH_OUT, 'cli.js');
export const BENCH_SERVER = join(BENCH_OUT, 'server.js');

/** Builds both bundles; one that fails to build is reported and left absent. */
export async function buildBundles(): Promise<void> {
  rmSync(BENCH_OUT, { recursive: true, force: true });
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node20',
    minify: true,
    logLevel: 'warning' as const,
    absWorkingDir: ROOT,
    mainFields: ['module', 'main'],
    define: { CLINLINT_VERSION: JSON.stringify(version) },
  };
  const bundles: [string, string][] = [
    ['server/src/cli/main.ts', BENCH_CLI],
    ['server/src/server.ts', BENCH_SERVER],
  ];
  const built = await Promise.allSettled(bundles.map(([src, out]) => build({ ...common, entryPoints: [src], outfile: out })));
  built.forEach((b, i) => {
    if (b.status === 'rejected') console.error(`bench: ${bundles[i][0]} does not build: ${(b.reason as Error).message.split('\n')[0]}`);
  });
}
