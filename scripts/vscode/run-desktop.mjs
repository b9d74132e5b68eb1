#!/usr/bin/env node
// The same mocha suite under VS Code desktop, via @vscode/test-electron. It downloads VS Code
// from Microsoft's update server, so it only works on a machine that can reach it; offline,
// use run-tests.mjs (VS Code server + headless chromium).
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './install.mjs';
import { makeWorkspace } from './workspace.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'clinlint-desktop-'));
const workspace = join(scratch, 'workspace');
makeWorkspace(workspace);
const resultFile = join(scratch, 'result.txt');
let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'dist/test/e2e/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    extensionTestsEnv: { CLINLINT_E2E_RESULT: resultFile, CLINLINT_E2E_WORKSPACE: workspace },
  });
} catch (err) {
  console.error(`desktop e2e: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
}
const report = existsSync(resultFile) ? readFileSync(resultFile, 'utf8').trimEnd() : '0 passed, 1 failed';
console.log(report);
process.exit(code);
