// The fixture workspace both e2e runners open.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install.mjs';

/** The fixture workspace: examples/ (when it has documents) plus our own fixtures in e2e/. */
export function makeWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  const examples = join(ROOT, 'examples');
  if (existsSync(examples) && readdirSync(examples).length > 0) cpSync(examples, dir, { recursive: true });
  cpSync(join(ROOT, 'test/e2e/workspace'), join(dir, 'e2e'), { recursive: true });
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  const settingsFile = join(dir, '.vscode/settings.json');
  const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  Object.assign(settings, {
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
  });
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

