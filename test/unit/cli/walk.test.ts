/** One skip rule for every walk: the CLI does not go into node_modules or hidden folders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../server/src/cli/main';

test('clinlint <folder> checks the notes and claims outside node_modules and hidden folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-walk-'));
  for (const sub of ['a', 'node_modules/pkg', '.git', '.vscode-test/x']) {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, 'n.note'), 'HPI:\nNothing billed.\n');
  }
  let stdout = '';
  run(['--format', 'json', '.'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: dir });
  assert.deepEqual(JSON.parse(stdout).files.map((f: { path: string }) => f.path), ['a/n.note']);
});
