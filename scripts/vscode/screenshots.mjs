#!/usr/bin/env node
// `npm run screenshots`: packages the extension, installs the .vsix into the real VS Code server
// (as a user would, no extensionDevelopmentPath), opens examples/ in headless chromium and saves
// PNGs of the features into docs/images/:
//   problems.png  a claim with its squiggle and the Problems panel (Ctrl+Shift+M)
//   hover.png     the hover on a billed code: policy text and checklist
//   quickfix.png  the quick-fix menu on a missing-documentation diagnostic (Ctrl+.)
//   evidence.png  the claim's note: evidence sentences marked, a near miss underlined, its hover
// Waits on the workbench's own elements, not on fixed sleeps. `--no-package` reuses clinlint.vsix.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install.mjs';
import {
  QUIET_SETTINGS, SERVER_PREREQS, UI_TIMEOUT, VSIX, freePort, installVsix, killGroup, launchBrowser, logger, makeScratch,
  openFile, openWorkbench, packageVsix, requireFiles, startServer, writeUserSettings,
} from './harness.mjs';

const OUT = join(ROOT, 'docs/images');
const CLAIM = 'claims/2024-1021-pump-partial-trial.claim';
const CODE_AT = { line: 10, column: 9 }; // `62362` on `line 1:`, the missing-documentation error
const NOTE = 'notes/2024-10-07-pump-trial-partial.note';
const NEAR_MISS_AT = { line: 12, column: 60 }; // "Pain decreased from 8/10 to 5/10": 37.5%, not more than 50%
const VIEWPORT = { width: 1400, height: 900 };
const say = logger('screenshots');

/** Moves the cursor with Go to Line (Ctrl+G `line:column`). */
async function goTo(page, { line, column }) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Hovers the squiggled code, then drags the hover's east and south sashes to fit its content. */
async function showHover(page) {
  const box = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4, { steps: 5 });
  await page.locator('.monaco-hover:visible', { hasText: 'MP-442' }).first().waitFor({ timeout: UI_TIMEOUT });
  const sash = (which) => page.locator(`.monaco-resizable-hover .monaco-sash.${which}:not(.disabled)`).first().boundingBox();
  const drag = async (from, x, y) => {
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2, { steps: 5 });
    await page.mouse.down();
    await page.mouse.move(x, y, { steps: 10 });
    await page.mouse.up();
  };
  const east = await sash('vertical');
  await drag(east, VIEWPORT.width - 15, east.y + east.height / 2);
  const south = await sash('orthogonal-edge-south');
  await drag(south, south.x + south.width / 2, VIEWPORT.height - 40);
  // Back inside the hover, which stays while the mouse is on it.
  await page.mouse.move(south.x + south.width / 2, south.y - 100, { steps: 5 });
  await page.locator('.monaco-hover:visible').first().waitFor({ timeout: UI_TIMEOUT });
}

async function shoot(page, name) {
  const path = join(OUT, name);
  await page.screenshot({ path });
  say(`saved docs/images/${name}`);
}

async function main() {
  requireFiles(SERVER_PREREQS);
  if (!/emoji/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '')) {
    say('warning: no color emoji font, the checklist marks will show as boxes (apt-get install fonts-noto-color-emoji)');
  }
  if (!process.argv.includes('--no-package')) {
    say('npm run package ...');
    say(`packaged clinlint.vsix (${packageVsix()} bytes)`);
  }
  requireFiles([['clinlint.vsix', VSIX, 'npm run package']]);
  const { scratch, env } = makeScratch('clinlint-shots-');
  const { listed } = installVsix(VSIX, scratch, env);
  say(`installed: ${listed.join(', ')}`);
  writeUserSettings(scratch, QUIET_SETTINGS);
  const workspace = join(scratch, 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  mkdirSync(OUT, { recursive: true });

  let server;
  let browser;
  let ok = false;
  try {
    const port = await freePort();
    server = startServer(port, scratch, env);
    await server.ready;
    say(`VS Code server listening on ${port}`);
    const { context, page } = await launchBrowser(scratch, { viewport: VIEWPORT });
    browser = context;
    await openWorkbench(page, port, workspace);
    say('workbench open');
    await openFile(page, CLAIM);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
    say('squiggle shown');

    // 1. Problems panel
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-documentation' }).first().waitFor({ timeout: UI_TIMEOUT });
    await shoot(page, 'problems.png');

    // 2. Hover on the billed code: the panel and the side bar closed and the hover widened and
    //    lengthened by its sashes (as a person would drag them) so that the checklist fits.
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    for (let attempt = 1; ; attempt++) {
      try {
        await showHover(page);
        await page.locator('.monaco-hover:visible', { hasText: 'not documented' }).first().waitFor({ timeout: 10_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        say(`hover attempt ${attempt} failed (${err.message.split('\n')[0]}); again`);
        await page.mouse.move(5, VIEWPORT.height / 2);
        await page.keyboard.press('Escape');
      }
    }
    await shoot(page, 'hover.png');

    // 3. Quick-fix menu on the diagnostic (Ctrl+.)
    await page.mouse.move(5, VIEWPORT.height / 2);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(page, CODE_AT);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
    await shoot(page, 'quickfix.png');

    // 4. The claim's note: the sentences the claim's determination used are marked (extension
    //    decorations render as `ced-*` spans), the 37.5% trial dashed as a near miss, with its hover.
    await page.keyboard.press('Escape');
    await openFile(page, NOTE);
    await page.locator('.editor-instance .monaco-editor [class*="ced-"]').first().waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(page, NEAR_MISS_AT);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover:visible', { hasText: 'Does not document' }).first().waitFor({ timeout: UI_TIMEOUT });
    await shoot(page, 'evidence.png');
    ok = true;
  } finally {
    await browser?.close().catch(() => {});
    killGroup(server?.child);
    if (ok) rmSync(scratch, { recursive: true, force: true });
    else say(`logs kept in ${scratch}`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`screenshots: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
