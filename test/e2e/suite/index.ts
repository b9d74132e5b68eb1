/**
 * Mocha entry loaded by the VS Code extension host (`extensionTestsPath`), under the offline
 * runner (scripts/vscode/run-tests.mjs) or @vscode/test-electron (run-desktop.mjs).
 * Writes a report ending in `N passed, N failed` to $CLINLINT_E2E_RESULT.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.CLINLINT_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((x) => x.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));

  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      lines.push(`${passed} passed, ${failed} failed`);
      const out = process.env.CLINLINT_E2E_RESULT;
      if (out) writeFileSync(out, lines.join('\n') + '\n');
      if (failed > 0) reject(new Error(`${failed} tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      passed++;
      lines.push(`  ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t, err: Error) => {
      failed++;
      lines.push(`  FAIL ${t.fullTitle()}`, ...String(err?.stack ?? err).split('\n').slice(0, 8).map((l) => `       ${l}`));
    });
  });
}
