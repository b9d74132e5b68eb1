/**
 * The CLI as a whole process over the MTSamples notes (start-up, policy load and automaton
 * compile included), and the floor: Debian's ripgrep looking for the same phrase set in the
 * same files, in one process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../server/src/engine';
import { BENCH_CLI } from './build';
import { MTSAMPLES_NOTES, ROOT } from './corpus';
import { phraseSet } from './phrases';
import { figure, median } from './stats';

/** Wall seconds of one run of a command; throws when it fails to run. */
function wall(command: string, args: string[], timeoutMs: number): number | undefined {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, timeout: timeoutMs });
  const s = (performance.now() - t0) / 1000;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return undefined;
  if (r.error) throw r.error;
  // clinlint: 0 clean, 1 findings; ripgrep: 0 matches, 1 none. 2 is an error for both.
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: ${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return s;
}

function ensureRipgrep(): boolean {
  if (spawnSync('rg', ['--version']).status === 0) return true;
  console.error('bench: installing ripgrep (apt-get install -y ripgrep)');
  if (spawnSync('apt-get', ['install', '-y', 'ripgrep'], { stdio: 'ignore' }).status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'ignore' });
    spawnSync('apt-get', ['install', '-y', 'ripgrep'], { stdio: 'ignore' });
  }
  return spawnSync('rg', ['--version']).status === 0;
}

export function cliFigures(): void {
  const files = readdirSync(MTSAMPLES_NOTES).filter((f) => f.endsWith('.note'));
  const bytes = files.reduce((n, f) => n + statSync(join(MTSAMPLES_NOTES, f)).size, 0);
  const cli = BENCH_CLI;
  if (!existsSync(cli)) {
    figure('cli.mtsamples.wall_s', 'n/a (the CLI bundle was not built)');
    return;
  }
  const runs = [0, 1, 2].map(() => wall(process.execPath, [cli, MTSAMPLES_NOTES], 120_000)!);
  const cliWall = median(runs);
  figure('cli.mtsamples.files', files.length);
  figure('cli.mtsamples.wall_s', cliWall);
  figure('cli.mtsamples.mb_per_s', bytes / 1e6 / cliWall);

  if (!ensureRipgrep()) {
    figure('floor.ripgrep.wall_s', 'n/a (ripgrep could not be installed)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-bench-'));
  const phrases = join(dir, 'phrases.txt');
  const set = phraseSet(Engine.load({ bundled: true }));
  writeFileSync(phrases, set.join('\n') + '\n');
  figure('floor.phrases', set.length);
  // The floor as specified: case-insensitive fixed strings. ripgrep 13 cannot use its literal
  // search for thousands of case-folded phrases and falls back to a regex engine, so this
  // is slow; the exact-case run below is the literal-scan lower bound.
  const folded = wall('rg', ['-c', '-i', '-F', '-f', phrases, MTSAMPLES_NOTES], 150_000);
  figure('floor.ripgrep.wall_s', folded ?? 'n/a (over 150 s)');
  if (folded !== undefined) figure('floor.ratio', cliWall / folded);
  const exact = median([0, 1, 2].map(() => wall('rg', ['-c', '-F', '-f', phrases, MTSAMPLES_NOTES], 60_000)!));
  figure('floor.ripgrep_exact_case.wall_s', exact);
  figure('floor.ratio_exact_case', cliWall / exact);
}
