#!/usr/bin/env node
// Runs the mocha suite in dist/test/e2e/suite inside a REAL VS Code extension host, offline:
// VS Code's own server (bundled by code-server, run under Node 24) + the web workbench in
// headless Debian chromium (playwright-core). See /work/shared/docs/real-vscode-tests.md.
// The test index writes its report to $CLINLINT_E2E_RESULT; its last line `N passed, N failed`
// is printed as this script's last line. Exit status: 0 only when every test passed.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install.mjs';
import { SERVER_PREREQS, freePort, killGroup, launchBrowser, logger, makeScratch, requireFiles, startServer, workbenchUrl } from './harness.mjs';
import { makeWorkspace } from './workspace.mjs';

const TIMEOUT_MS = Number(process.env.CLINLINT_E2E_TIMEOUT_MS ?? 300_000);
const TEST_INDEX = join(ROOT, 'dist/test/e2e/suite/index.js');
const say = logger('e2e');

async function main() {
  requireFiles([...SERVER_PREREQS, ['compiled test index', TEST_INDEX, 'npm run build']]);
  const { scratch, env } = makeScratch('clinlint-e2e-');
  const workspace = join(scratch, 'workspace');
  makeWorkspace(workspace);
  const resultFile = join(scratch, 'result.txt');
  Object.assign(env, { CLINLINT_E2E_RESULT: resultFile, CLINLINT_E2E_WORKSPACE: workspace });

  let server;
  let browser;
  let exitCode;
  try {
    const port = await freePort();
    server = startServer(port, scratch, env);
    await server.ready;
    say(`VS Code server listening on ${port}`);

    const { context, page } = await launchBrowser(scratch);
    browser = context;
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(TEST_INDEX)],
    ];
    const tPage = Date.now();
    await page.goto(workbenchUrl(port, workspace, payload));
    say('workbench opened; running the suite');
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
    const code = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    say(`suite ended (${code === 'timeout' ? `TIMEOUT after ${TIMEOUT_MS} ms` : `exit code ${code}`}) after ${((Date.now() - tPage) / 1000).toFixed(1)} s in the workbench`);
    exitCode = code === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    killGroup(server?.child);
  }

  const report = existsSync(resultFile) ? readFileSync(resultFile, 'utf8').trimEnd() : '';
  if (!report) {
    console.log(`no test report written (logs kept in ${scratch})`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const summary = report.split('\n').pop();
  const failed = Number(/(\d+) failed/.exec(summary)?.[1] ?? 1);
  if (exitCode === 0 && failed === 0) rmSync(scratch, { recursive: true, force: true });
  else console.log(`(logs kept in ${scratch})`);
  console.log(report);
  return exitCode === 0 && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
