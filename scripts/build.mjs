#!/usr/bin/env node
// Bundles the extension, the language server, the CLI and the e2e suite with esbuild.
//   node scripts/build.mjs              fast dev build (sourcemaps, no minify)
//   node scripts/build.mjs --production minified, no sourcemaps (for the .vsix)
// An entry whose source does not exist yet is skipped with a note.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const t0 = Date.now();

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's default entry is a UMD build whose dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  define: { CLINLINT_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
};

/** [source, output] pairs of the shipped bundles. */
const entries = [
  ['client/src/extension.ts', 'dist/extension.js', ['vscode']],
  ['server/src/server.ts', 'dist/server.js', []],
  ['server/src/cli/main.ts', 'dist/cli.js', []],
];

/** The real-VS Code suite: one file per test plus the mocha index (mocha stays external). */
function e2eEntries() {
  const dir = join(root, 'test/e2e/suite');
  if (production || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [relative(root, join(dir, f)), join('dist/test/e2e/suite', f.replace(/\.ts$/, '.js')), ['vscode', 'mocha']]);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
const jobs = [];
for (const [src, out, external] of [...entries, ...e2eEntries()]) {
  if (!existsSync(join(root, src))) {
    console.log(`build: skipping ${src} (not written yet)`);
    continue;
  }
  jobs.push(build({ ...common, entryPoints: [src], outfile: out, external }));
}
await Promise.all(jobs);
console.log(`build: ${jobs.length} bundles${production ? ' (production)' : ''} in ${Date.now() - t0} ms`);
