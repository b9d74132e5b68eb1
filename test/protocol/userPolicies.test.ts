/** A user's policy with a bundled policy's id replaces it (a newer revision), saying so. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Hover, type MarkupContent } from 'vscode-languageserver/node';
import { LspClient, positionOf, ROOT, scratchWorkspace } from './lsp';
import { type ServerStatus, StatusNotification } from '../../server/src/protocol';

/** A workspace whose policy folder holds a newer MED.00132 (and, optionally, a second copy). */
function workspace(copies: number): { root: string; files: string[] } {
  const root = scratchWorkspace();
  mkdirSync(join(root, 'my-policies'));
  const policy = JSON.parse(readFileSync(join(ROOT, 'policies', 'anthem-med-00132.json'), 'utf8'));
  policy.title = 'Fat grafting and fillers (2026 revision, fictional)';
  const files = Array.from({ length: copies }, (_, i) => join(root, 'my-policies', `med-00132-${i + 1}.json`));
  for (const f of files) writeFileSync(f, JSON.stringify(policy, null, 2));
  return { root, files };
}

describe('user policies and bundled ones', () => {
  it('a user policy with a bundled id replaces it: an information diagnostic at its id, the hover shows the new revision', async () => {
    const { root, files } = workspace(1);
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const diags = await c.diagnostics(pathToFileURL(files[0]).href, (d) => d.length > 0);
      const idLine = readFileSync(files[0], 'utf8').split('\n').findIndex((l) => l.includes('"id": "MED.00132"'));
      assert.deepEqual(diags.map((d) => [d.severity, d.code, d.range.start.line]), [[DiagnosticSeverity.Information, 'policy-error', idLine]]);
      assert.match(String(diags[0].message), /^policy MED\.00132 replaces the bundled policy of the same id \(.*policies\/anthem-med-00132\.json\)$/);
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
      const status = c.notifications.filter((n) => n.method === StatusNotification.method).pop()!.params as ServerStatus;
      assert.deepEqual([status.policies, status.policyErrors], [4, 0], 'four policies, no errors');
      const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: claim }, position: positionOf(c.text(claim), '15773', 1) });
      assert.match((h.contents as MarkupContent).value, /2026 revision, fictional/);
    } finally {
      await c.stop();
    }
  });

  it('two user policies with one id: the second is a policy-error', async () => {
    const { root, files } = workspace(2);
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const second = await c.diagnostics(pathToFileURL(files[1]).href, (d) => d.length > 0);
      assert.deepEqual(second.map((d) => [d.severity, d.code]), [[DiagnosticSeverity.Error, 'policy-error']]);
      assert.match(String(second[0].message), /duplicate policy id "MED\.00132" \(already loaded from .*med-00132-1\.json\)/);
    } finally {
      await c.stop();
    }
  });

  it('the CLI says so too, and it is not an error', () => {
    const { root } = workspace(1);
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/clinlint.js'), '--policies', join(root, 'my-policies'), join(root, 'complete.claim')], { encoding: 'utf8' });
    assert.match(run.stderr, /med-00132-1\.json:\d+:\d+ information policy MED\.00132 replaces the bundled policy of the same id/);
    assert.equal(run.status, 0, 'a supported claim with a replaced policy: exit 0');
  });

  it('the output names each policy file that failed to load, with its count', async () => {
    const { root } = workspace(0);
    const bad = join(root, 'my-policies', 'broken.json');
    writeFileSync(bad, '{\n  "id": "X-1",\n  "title": "Broken",\n  "payer": 42\n}\n');
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      await c.diagnostics(pathToFileURL(bad).href, (d) => d.length > 0);
      const logs = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      const line = logs.find((m) => m.includes('policy file failed to load'));
      assert.ok(line, logs.join('\n'));
      assert.match(line!, new RegExp(`policy file failed to load: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ problems?; line \\d+: `));
    } finally {
      await c.stop();
    }
  });
});
