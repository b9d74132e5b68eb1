/**
 * Issue 13 through the stdio server: linked notes are read through the one bounded reader and
 * only from where notes may live; a hostile concept file is a policy-error, and the server keeps
 * answering (it exited on F3, and blocked forever on F2). Device and /proc files are whatever
 * this machine has: a test whose file is absent is skipped and says so.
 */
import assert from 'node:assert/strict';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LspClient, scratchWorkspace } from './lsp';
import { type ServerStatus, StatusNotification } from '../../server/src/protocol';

const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const notFound = (d: Diagnostic[]) => d.filter((x) => x.code === 'note-not-found').map(text);

/** A workspace whose claim links `notes` (as written); returns the claim's path relative to it. */
function withClaim(root: string, notes: string[]): string {
  writeFileSync(join(root, 'hostile.claim'), ['payer: Anthem', ...notes.map((n) => `note: ${n}`), 'line 1: 15773 x1'].join('\n') + '\n');
  return 'hostile.claim';
}

/** Whether the server still answers a request (a blocked event loop would not). */
async function answers(c: LspClient): Promise<void> {
  const r = await Promise.race([
    c.request('textDocument/documentSymbol', { textDocument: { uri: c.uri('hostile.claim') } }).then(() => 'answered'),
    new Promise((resolve) => setTimeout(() => resolve('no answer within 10 s'), 10_000)),
  ]);
  assert.equal(r, 'answered');
}

describe('linked notes through the bounded reader (F1, F2, F6)', () => {
  it('/proc/self/pagemap and /proc/kmsg in an allowed folder: note-not-found, and the server answers', async (t) => {
    const proc = ['/proc/self/pagemap', '/proc/kmsg'].filter((p) => existsSync(p));
    if (proc.length === 0) return t.skip('this machine has neither /proc/self/pagemap nor /proc/kmsg');
    const root = scratchWorkspace();
    const c = await LspClient.start({ root, settings: { allowedNoteFolders: ['/proc'] } });
    try {
      const claim = c.open(withClaim(root, proc));
      const msgs = notFound(await c.diagnostics(claim, (d) => notFound(d).length === proc.length, 20_000));
      for (const m of msgs) assert.match(m, /cannot be read: not a document/);
      await answers(c);
    } finally {
      await c.stop();
    }
  });

  it('a 2 GB linked note is refused from its size (it was read whole: 2.1 GB RSS)', async () => {
    const root = scratchWorkspace();
    const fd = openSync(join(root, 'huge.note'), 'w');
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const c = await LspClient.start({ root });
    try {
      const claim = c.open(withClaim(root, ['huge.note']));
      const [m] = notFound(await c.diagnostics(claim, (d) => notFound(d).length === 1, 20_000));
      assert.match(m, /too large \(2048 MB; the limit is 16 MB\)/);
      await answers(c);
    } finally {
      await c.stop();
      rmSync(join(root, 'huge.note'), { force: true });
    }
  });
});

describe('where notes may live (F7)', () => {
  function outsideWorkspace(): { root: string; outside: string } {
    const root = scratchWorkspace();
    const outside = mkdtempSync(join(tmpdir(), 'clinlint-outside-'));
    writeFileSync(join(outside, 'secret.note'), 'OUTSIDE-SECRET unable to chew food.\n');
    return { root, outside };
  }

  it('outside the workspace or absolute: refused, never quoted; allowed folders are read when trusted', async () => {
    const { root, outside } = outsideWorkspace();
    const links = [join(outside, 'secret.note'), '/proc/self/environ'];
    const c = await LspClient.start({ root });
    try {
      const claim = c.open(withClaim(root, links));
      const msgs = notFound(await c.diagnostics(claim, (d) => notFound(d).length === 2));
      assert.ok(msgs.every((m) => /is an absolute path, not read \(allow its folder in the clinlint\.allowedNoteFolders setting\)/.test(m)), msgs.join('\n'));
      assert.ok(!JSON.stringify(c.published).includes('OUTSIDE-SECRET'));
      await c.setSettings({ allowedNoteFolders: [outside] });
      const after = notFound(await c.diagnostics(claim, (d) => notFound(d).length === 1));
      assert.match(after[0], /environ/);
    } finally {
      await c.stop();
    }
  });

  it('in an untrusted workspace the allowed folders are ignored', async () => {
    const { root, outside } = outsideWorkspace();
    const c = await LspClient.start({ root, trusted: false, settings: { allowedNoteFolders: [outside] } });
    try {
      const claim = c.open(withClaim(root, [join(outside, 'secret.note')]));
      const [m] = notFound(await c.diagnostics(claim, (d) => notFound(d).length === 1));
      assert.match(m, /never allowed in an untrusted workspace/);
    } finally {
      await c.stop();
    }
  });

  it('a relative link out of the workspace is refused; one inside it is read', async () => {
    const root = scratchWorkspace();
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'inside.note'), 'She cannot close her lips.\n');
    const c = await LspClient.start({ root });
    try {
      const claim = c.open(withClaim(root, ['../elsewhere/secret.note', 'sub/inside.note']));
      const msgs = notFound(await c.diagnostics(claim, (d) => notFound(d).length > 0));
      assert.deepEqual(msgs.map((m) => m.replace(/ \(.*$/, '')), ['note "../elsewhere/secret.note" is outside the workspace, not read']);
    } finally {
      await c.stop();
    }
  });
});

describe('hostile policy files (F3, F14)', () => {
  it('a pattern nesting 2,000 parentheses: policy-error in the concept file, the server keeps serving', async () => {
    const root = scratchWorkspace();
    mkdirSync(join(root, 'my-policies', 'concepts'), { recursive: true });
    const file = join(root, 'my-policies', 'concepts', 'deep-thing.json');
    const concept = { id: 'deep-thing', label: 'deep', description: 'd', historical: 'counts', promptSection: 'end', prompt: 'x', patterns: ['('.repeat(2000) + 'walk' + ')'.repeat(2000)] };
    writeFileSync(file, JSON.stringify(concept, null, 2));
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const diags = await c.diagnostics(pathToFileURL(file).href, (d) => d.length > 0);
      assert.match(text(diags[0]), /nests \( \) and \[ \] more than 16 deep/);
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
      assert.equal(c.proc.exitCode, null, 'the server is running');
    } finally {
      await c.stop();
    }
  });

  it('a user policy overlapping a bundled one for the same payer: an information diagnostic on the user file', async () => {
    const root = scratchWorkspace();
    mkdirSync(join(root, 'my-policies'));
    const file = join(root, 'my-policies', 'local.json');
    const policy = { id: 'LOCAL-ALL', title: 'All', payer: 'BCBS', plans: ['commercial'], source: 'local', codes: {}, sections: [{ id: 'I', title: 'All', kind: 'investigational', text: 'All.', codes: ['00000-99999'] }] };
    writeFileSync(file, JSON.stringify(policy, null, 2));
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const [d] = await c.diagnostics(pathToFileURL(file).href, (x) => x.length > 0);
      assert.equal(d.severity, 3, 'information');
      assert.match(text(d), /policy LOCAL-ALL governs codes that the bundled policy MP-442/);
      const status = c.notifications.filter((n) => n.method === StatusNotification.method).pop()!.params as ServerStatus;
      assert.equal(status.policyErrors, 0, 'not counted as an error');
    } finally {
      await c.stop();
    }
  });
});
