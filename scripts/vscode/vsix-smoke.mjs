#!/usr/bin/env node
// `npm run test:vsix`: the packaged extension installs and activates in the real VS Code server.
// Packages clinlint.vsix (`npm run package`), installs it with the server's own
// `--install-extension` into a scratch extensions dir, starts the server on that dir (no
// extensionDevelopmentPath), opens a claim with a known error in headless chromium and waits
// for its squiggle and its Problems row. `--no-package` reuses clinlint.vsix.
// Prints `vsix.size: N bytes`, `vsix.install: ok`, `vsix.activated: ok`; exits 1 on a failure.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install.mjs';
import {
  QUIET_SETTINGS, SERVER_PREREQS, UI_TIMEOUT, VSIX, freePort, installVsix, killGroup, launchBrowser, logger, makeScratch,
  openFile, openWorkbench, packageVsix, requireFiles, startServer, writeUserSettings,
} from './harness.mjs';

const CLAIM = 'claims/2024-1021-pump-partial-trial.claim'; // 62362: missing-documentation error
const EXTENSION_ID = 'clinlint.clinlint';
const MAX_BYTES = 2 * 1024 * 1024; // the limit for the package
const say = logger('vsix');

/** The extension host's activation line for ClinLint, from the server's logs. */
function activationLogLine(scratch) {
  const logs = join(scratch, 'user-data', 'logs');
  if (!existsSync(logs)) return undefined;
  for (const session of readdirSync(logs)) {
    const file = join(logs, session, 'exthost1', 'remoteexthost.log');
    if (!existsSync(file)) continue;
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID}`));
    if (line) return line.replace(/^.*?ExtensionService#/, '');
  }
  return undefined;
}

async function main() {
  requireFiles(SERVER_PREREQS);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (!process.argv.includes('--no-package')) {
    say('npm run package ...');
    packageVsix();
    say('packaged');
  }
  requireFiles([['clinlint.vsix', VSIX, 'npm run package']]);
  const vsixBytes = statSync(VSIX).size;
  console.log(`vsix.size: ${vsixBytes} bytes`);
  if (vsixBytes >= MAX_BYTES) throw new Error(`vsix.size: FAILED, ${vsixBytes} bytes is not under ${MAX_BYTES} (2 MB)`);

  const { scratch, env } = makeScratch('clinlint-vsix-');
  let ok = false;
  let server;
  let browser;
  try {
    const { out, listed } = installVsix(VSIX, scratch, env);
    const want = `${EXTENSION_ID}@${version}`;
    if (!listed.includes(want)) throw new Error(`vsix.install: FAILED, ${want} not listed (${out.replace(/\s+/g, ' ')}; listed: ${listed.join(', ') || 'none'})`);
    say(`${out.split('\n').pop()} (${want})`);
    console.log('vsix.install: ok');

    writeUserSettings(scratch, QUIET_SETTINGS);
    const workspace = join(scratch, 'examples');
    cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    const port = await freePort();
    server = startServer(port, scratch, env);
    await server.ready;
    say(`VS Code server listening on ${port}`);
    const launched = await launchBrowser(scratch);
    browser = launched.context;
    const page = launched.page;
    await openWorkbench(page, port, workspace);
    await openFile(page, CLAIM);
    try {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
      say('squiggle shown');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-documentation' }).first();
      await row.waitFor({ timeout: UI_TIMEOUT });
      say(`Problems: ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 100)}`);
    } catch (err) {
      throw new Error(`vsix.activated: FAILED, no ClinLint diagnostic in the workbench (${err.message.split('\n')[0]})`, { cause: err });
    }
    const activation = activationLogLine(scratch);
    if (activation) say(`extension host: ${activation}`);
    console.log('vsix.activated: ok');
    ok = true;
  } finally {
    await browser?.close().catch(() => {});
    killGroup(server?.child);
    if (ok) rmSync(scratch, { recursive: true, force: true });
    else console.log(`(logs kept in ${scratch})`);
  }
  say('done');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
