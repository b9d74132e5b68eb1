// Shared pieces of the offline real-VS Code scripts (run-tests, screenshots, vsix-smoke):
// VS Code's own server (bundled by code-server, run under Node 24) and headless Debian chromium
// driven by playwright-core. See /work/shared/docs/real-vscode-tests.md.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { NODE24, ROOT, SERVER_MAIN, SYSTEM_CHROMIUM, cleanEnv } from './install.mjs';

/** Chromium: CHROMIUM_PATH, else a system Chromium (Debian's); install.mjs stops when there is none. */
export const CHROMIUM = SYSTEM_CHROMIUM ?? '/usr/bin/chromium';
export const VSIX = join(ROOT, 'clinlint.vsix');
const READY_TIMEOUT_MS = 60_000;
/** How long to wait for a workbench element (the machine may be loaded). */
export const UI_TIMEOUT = 60_000;

/** A logger prefixed with the seconds since `t0`. */
export function logger(tag, t0 = Date.now()) {
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  const say = (msg) => console.log(`[${tag} ${secs()} s] ${msg}`);
  say.secs = secs;
  return say;
}

/** Throws naming the fix when one of [what, path, fix] is missing. */
export function requireFiles(list) {
  for (const [what, path, fix] of list) {
    if (!existsSync(path)) throw new Error(`${what} missing at ${path}: run ${fix}`);
  }
}

export const SERVER_PREREQS = [
  ['VS Code server', SERVER_MAIN, 'node scripts/vscode/install.mjs'],
  ['Node 24', NODE24, 'node scripts/vscode/install.mjs'],
  ['chromium', CHROMIUM, 'node scripts/vscode/install.mjs'],
];

/**
 * A scratch folder with the server's folders (user-data, server-data, extensions, tmp, xdg,
 * browser) and the environment to run it in: TMPDIR and XDG_CONFIG_HOME inside the scratch
 * folder (the server leaves sockets in the temp dir; code-server writes ~/.config otherwise).
 */
export function makeScratch(prefix, extraEnv = {}) {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  for (const d of ['user-data', 'server-data', 'extensions', 'tmp', 'xdg', 'browser']) mkdirSync(join(scratch, d));
  const env = { ...process.env, TMPDIR: join(scratch, 'tmp'), XDG_CONFIG_HOME: join(scratch, 'xdg'), ...extraEnv };
  delete env.ELECTRON_RUN_AS_NODE;
  return { scratch, env };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The server's data folders inside `scratch` (as makeScratch made them). */
function dataArgs(scratch) {
  return [
    '--user-data-dir', join(scratch, 'user-data'),
    '--server-data-dir', join(scratch, 'server-data'),
    '--extensions-dir', join(scratch, 'extensions'),
  ];
}

/** Starts the VS Code server in its own process group; `ready` resolves once it listens. */
export function startServer(port, scratch, env) {
  const args = [
    SERVER_MAIN,
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    ...dataArgs(scratch),
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

/** Ends the server's process group (it spawns watcher and agent-host children). */
export function killGroup(child) {
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

/** Headless chromium with a fresh profile in scratch/browser; returns the context and its page. */
export async function launchBrowser(scratch, options = {}) {
  const context = await chromium.launchPersistentContext(join(scratch, 'browser'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLog = createWriteStream(join(scratch, 'browser-console.log'));
  page.on('console', (m) => consoleLog.write(`${m.type()}: ${m.text()}\n`));
  return { context, page };
}

/** `npm run package` (production build + vsce), quietly unless it fails; returns the vsix size. */
export function packageVsix() {
  try {
    execFileSync('npm', ['run', '-s', 'package'], { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}`);
    throw new Error('npm run package failed', { cause: err });
  }
  return statSync(VSIX).size;
}

/** Installs a .vsix into scratch/extensions with the server's own CLI (`--install-extension`). */
export function installVsix(vsix, scratch, env) {
  const args = [SERVER_MAIN, '--install-extension', vsix, '--force', '--accept-server-license-terms', ...dataArgs(scratch)];
  const out = execFileSync(NODE24, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const listed = execFileSync(NODE24, [SERVER_MAIN, '--list-extensions', '--show-versions', ...dataArgs(scratch)], {
    env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000,
  });
  return { out: out.trim(), listed: listed.trim().split('\n').filter(Boolean) };
}

/** The workbench URL that opens `folder` (and, with a payload, runs extension tests). */
export function workbenchUrl(port, folder, payload) {
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  return payload ? `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}` : url;
}

/** User settings that keep welcome pages, tips, chat and notifications out of the pictures. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.fontSize': 14,
};

/** Writes user settings where code-server's workbench keeps them: <user-data-dir>/User. */
export function writeUserSettings(scratch, settings) {
  const dir = join(scratch, 'user-data', 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Opens the workbench on `folder` and waits for its explorer. */
export async function openWorkbench(page, port, folder) {
  await page.goto(workbenchUrl(port, folder));
  await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: UI_TIMEOUT });
}

/** Quick Open (Ctrl+P) a workspace file; waits for its editor tab. */
export async function openFile(page, relPath) {
  const name = relPath.split('/').pop();
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(relPath);
  // Enter only once the file search has listed the file (the first rows may be recent files).
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${name}"], .tabs-container .tab:has-text("${name}")`).first().waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT });
}
