/**
 * The packaged extension: the project's `npm run package`, run in a temporary copy of the
 * project (its production build replaces dist/, which tests may be using), then the size of
 * the .vsix it makes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './corpus';
import { figure } from './stats';

/** Not copied: dependencies (linked instead), history, build output, editor test installs. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export function vsixFigures(): void {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.package) {
    figure('vsix.bytes', 'n/a (package.json has no "package" script)');
    return;
  }
  const copy = mkdtempSync(join(tmpdir(), 'clinlint-vsix-'));
  try {
    cpSync(ROOT, copy, {
      recursive: true,
      filter: (src) => {
        const rel = relative(ROOT, src);
        return !SKIP.has(rel.split(/[\\/]/)[0]) && !rel.endsWith('.vsix');
      },
    });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'], timeout: 150_000 });
    const vsix = readdirSync(copy).find((f) => f.endsWith('.vsix'));
    if (r.status !== 0 || !vsix) {
      const why = (r.stderr?.toString() || r.error?.message || `exit ${r.status}`).trim().split('\n').pop();
      figure('vsix.bytes', `n/a (npm run package failed: ${why})`);
      return;
    }
    figure('vsix.bytes', statSync(join(copy, vsix)).size);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
