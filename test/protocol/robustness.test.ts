/** Policy files, trust, reloads and bad input: the server reports and keeps serving. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver/node';
import { LspClient, ROOT, scratchWorkspace } from './lsp';
import { bundledPolicyCount } from '../unit/engine/helpers';
import { ReloadPoliciesRequest, type ServerStatus, StatusNotification, TrustNotification } from '../../server/src/protocol';

/** A workspace with a user policy folder holding one broken policy file. */
function workspaceWithBadPolicy(): { root: string; bad: string } {
  const root = scratchWorkspace();
  mkdirSync(join(root, 'my-policies'));
  const bad = join(root, 'my-policies', 'broken.json');
  writeFileSync(bad, '{\n  "id": "X-1",\n  "title": "Broken",\n  "payer": 42\n}\n');
  return { root, bad };
}

describe('policies and trust', () => {
  it('policy-error diagnostics at the line of a bad policy file; the bundled policies still load', async () => {
    const { root, bad } = workspaceWithBadPolicy();
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const diags = await c.diagnostics(pathToFileURL(bad).href, (d) => d.length > 0);
      assert.ok(diags.every((d) => d.code === 'policy-error' && d.source === 'clinlint'));
      assert.ok(diags.some((d) => d.range.start.line === 3), JSON.stringify(diags.map((d) => [d.range.start.line, d.message])));
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
      const status = c.notifications.filter((n) => n.method === StatusNotification.method).pop()!.params as ServerStatus;
      assert.equal(status.policies, bundledPolicyCount());
      assert.ok(status.policyErrors >= 1);
      // Fix the file and reload: the policy-error diagnostics are cleared.
      writeFileSync(bad, JSON.stringify({ id: 'X-1', title: 'T', payer: 'Acme Health', plans: ['commercial'], source: 'test', codes: { '15773': 'Fat graft' }, sections: [{ id: 'I', title: 'All', kind: 'coverage', text: 'Covered.', codes: ['15773'] }] }));
      const r = await c.request(ReloadPoliciesRequest);
      assert.deepEqual(r, { policies: bundledPolicyCount() + 1, errors: 0 });
      await c.diagnostics(pathToFileURL(bad).href, (d) => d.length === 0);
    } finally {
      await c.stop();
    }
  });

  it('clinlint.severity.policy-error sets the severity of policy errors, and "off" hides them', async () => {
    const { root, bad } = workspaceWithBadPolicy();
    const uri = pathToFileURL(bad).href;
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      await c.diagnostics(uri, (d) => d.length > 0 && d.every((x) => x.code === 'policy-error' && x.severity === 1));
      const warn = c.nextDiagnostics(uri, (d) => d.length > 0 && d.every((x) => x.severity === 2));
      await c.setSettings({ policyPaths: ['my-policies'], severity: { 'policy-error': 'warning' } });
      await warn;
      const off = c.nextDiagnostics(uri, (d) => d.length === 0);
      await c.setSettings({ policyPaths: ['my-policies'], severity: { 'policy-error': 'off' } });
      await off;
    } finally {
      await c.stop();
    }
  });

  it('an untrusted workspace uses only the bundled policies', async () => {
    const { root, bad } = workspaceWithBadPolicy();
    const c = await LspClient.start({ root, trusted: false, settings: { policyPaths: ['my-policies'] } });
    try {
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
      assert.ok(!c.published.some((p) => p.uri === pathToFileURL(bad).href), 'the user folder was not read');
      const pending = c.diagnostics(pathToFileURL(bad).href, (d) => d.length > 0);
      await c.conn.sendNotification(TrustNotification, { trusted: true });
      await pending;
    } finally {
      await c.stop();
    }
  });
});

describe('files edited in the editor or on disk', () => {
  it('an unsaved policy buffer is loaded live; closing it goes back to disk', async () => {
    const { root, bad } = workspaceWithBadPolicy();
    const good = JSON.stringify({ id: 'X-1', title: 'T', payer: 'Acme Health', plans: ['commercial'], source: 'test', codes: { '15773': 'Fat graft' }, sections: [{ id: 'I', title: 'All', kind: 'coverage', text: 'Covered.', codes: ['15773'] }] });
    writeFileSync(bad, good);
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const uri = pathToFileURL(bad).href;
      const claim = c.open('unknown-payer.claim');
      await c.diagnostics(claim, (d) => !d.some((x) => x.code === 'unknown-payer'));
      c.open('my-policies/broken.json', 'json', good.replace('"payer":"Acme Health"', '"payer":7'));
      await c.diagnostics(uri, (d) => d.some((x) => x.code === 'policy-error'));
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'unknown-payer'));
      c.close(uri);
      await c.diagnostics(uri, (d) => d.length === 0);
      await c.diagnostics(claim, (d) => !d.some((x) => x.code === 'unknown-payer'));
    } finally {
      await c.stop();
    }
  });

  it('a note changed on disk re-checks the open claims that link it', async () => {
    const c = await LspClient.start({ root: scratchWorkspace() });
    try {
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
      const note = join(c.root, 'graft.note');
      writeFileSync(note, readFileSync(note, 'utf8') + 'She is unable to close her mouth fully.\n');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(note).href, type: 2 }] });
      await c.diagnostics(claim, (d) => !d.some((x) => x.code === 'missing-documentation'));
    } finally {
      await c.stop();
    }
  });
});

describe('standalone', () => {
  it('bin/clinlint-server.js speaks LSP over stdio with no arguments', async () => {
    const c = await LspClient.start({ root: scratchWorkspace(), args: [join(ROOT, 'bin/clinlint-server.js')] });
    try {
      assert.ok(c.capabilities.hoverProvider);
      const uri = c.open('graft.claim');
      await c.diagnostics(uri, (d) => d.some((x) => x.code === 'missing-documentation'));
    } finally {
      await c.stop();
    }
  });
});

describe('bad input', () => {
  it('binary, empty, huge and malformed documents get diagnostics or nothing, never a crash', async () => {
    const c = await LspClient.start({ root: scratchWorkspace() });
    try {
      const binary = c.open('binary.claim', 'claim-draft', '\u0000\u0001\uFFFD\uD800garbage\u0000line 1: \u0000');
      const empty = c.open('empty.note', 'clinical-note', '');
      const long = c.open('long.claim', 'claim-draft', Array.from({ length: 10_000 }, (_, i) => `line ${i}: 1577${i % 10} x0 dx Q ; ${'z'.repeat(i % 50)}`).join('\n'));
      const weird = c.open('weird.claim', 'claim-draft', 'line: \ndx : \nline 1:\nline 1: 15773 x-1 dx A,B,C,D,E\npayer:\nplan: space\nnote: ../../../../etc/passwd\nnote: \u0000\n');
      for (const uri of [binary, empty, long, weird]) await c.diagnostics(uri, () => true, 20_000);
      const syntax = await c.diagnostics(weird);
      assert.ok(syntax.some((d) => d.code === 'syntax'), JSON.stringify(syntax.map((d) => d.code)));
      // A request the handler cannot answer gets an error response; the server keeps serving.
      await assert.rejects(c.request('textDocument/hover', { textDocument: { uri: weird } }), /ClinLint: hover failed|Request textDocument\/hover failed/);
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: weird }, position: { line: 3, character: 10 } });
      assert.ok(h === null || typeof h === 'object');
      assert.ok(c.alive());
    } finally {
      await c.stop();
    }
  });
});
