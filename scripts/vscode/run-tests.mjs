#!/usr/bin/env node
// Runs the mocha suite in dist/test/e2e/suite inside a REAL VS Code extension host, offline:
// VS Code's own server (bundled by code-server, run under Node 24) + the web workbench in
// headless Debian chromium (playwright-core). See /work/shared/docs/real-vscode-tests.md.
// The test index writes its report to $CLINLINT_E2E_RESULT; its last line `N passed, N failed`
// is printed as this script's last line. Exit status: 0 only when every test passed.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { NODE24, ROOT, SERVER_MAIN } from './install.mjs';
import { makeWorkspace } from './workspace.mjs';

const TIMEOUT_MS = Number(process.env.CLINLINT_E2E_TIMEOUT_MS ?? 300_000);
const READY_TIMEOUT_MS = 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEST_INDEX = join(ROOT, 'dist/test/e2e/suite/index.js');
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the VS Code server in its own process group; resolves once it listens. */
function startServer(port, scratch, env) {
  const args = [
    SERVER_MAIN,
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', join(scratch, 'user-data'),
    '--server-data-dir', join(scratch, 'server-data'),
    '--extensions-dir', join(scratch, 'extensions'),
  ];
  const child = spawn(NODE24, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(scratch, 'server.log'));
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen = (seen + chunk).slice(-4096);
      if (seen.includes('Extension host agent listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early with ${code}`));
    });
  });
  return { child, ready };
}

function killGroup(child) {
  if (!child?.pid) return;
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-child.pid, sig);
    } catch {
      return; // group already gone
    }
    if (sig === 'SIGTERM') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

async function main() {
  for (const [what, path, fix] of [
    ['VS Code server', SERVER_MAIN, 'node scripts/vscode/install.mjs'],
    ['Node 24', NODE24, 'node scripts/vscode/install.mjs'],
    ['chromium', CHROMIUM, 'apt-get install chromium'],
    ['compiled test index', TEST_INDEX, 'npm run build'],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} missing at ${path}: run ${fix}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'clinlint-e2e-'));
  for (const d of ['user-data', 'server-data', 'extensions', 'tmp', 'xdg', 'browser']) mkdirSync(join(scratch, d));
  const workspace = join(scratch, 'workspace');
  makeWorkspace(workspace);
  const resultFile = join(scratch, 'result.txt');
  const env = {
    ...process.env,
    TMPDIR: join(scratch, 'tmp'),
    XDG_CONFIG_HOME: join(scratch, 'xdg'),
    CLINLINT_E2E_RESULT: resultFile,
    CLINLINT_E2E_WORKSPACE: workspace,
  };
  delete env.ELECTRON_RUN_AS_NODE;

  let server;
  let browser;
  let exitCode = 1;
  try {
    const port = await freePort();
    server = startServer(port, scratch, env);
    await server.ready;
    say(`VS Code server listening on ${port}`);

    browser = await chromium.launchPersistentContext(join(scratch, 'browser'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleLog = createWriteStream(join(scratch, 'browser-console.log'));
    page.on('console', (m) => consoleLog.write(`${m.type()}: ${m.text()}\n`));
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(TEST_INDEX)],
    ]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
    const tPage = Date.now();
    await page.goto(url);
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
