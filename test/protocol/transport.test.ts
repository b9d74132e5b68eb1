/**
 * The connection under hostile input: malformed frames resynchronise with a logged error
 * (F8), and malformed envelopes never put their body in the log unless the trace is verbose
 * (F10).
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver/node';
import { LspClient, positionOf, scratchWorkspace, SERVER } from './lsp';
import { ChecklistRequest } from '../../server/src/protocol';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Everything the server logged: window/logMessage notifications and stderr. */
function logged(c: LspClient): string {
  const messages = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  return [...messages, c.stderr].join('\n');
}

async function until(test: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (const t0 = Date.now(); !test(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}

/** A hover on the open claim's code, answered within 5 s (the server still reads messages). */
async function answers(c: LspClient, uri: string): Promise<void> {
  const position = positionOf(c.text(uri), '15773');
  const h = await Promise.race([
    c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the server did not answer within 5 s')), 5000)),
  ]);
  assert.ok(h && JSON.stringify(h.contents).includes('15773'));
}

describe('malformed frames (F8)', () => {
  const header = /malformed message header/;
  for (const [name, bad, expected] of [
    ['Content-Length: abc', 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":777,"method":"shutdown"}', header],
    ['a header line without a colon', 'hello there\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}', header],
    ['a Content-Length over the limit', 'Content-Length: 99999999999\r\n\r\n{}', header],
    ['garbage with no header end', 'x'.repeat(20_000), header],
    ['a body that is not JSON', frame('Zyxwv is not JSON at all'), /dropped a message whose body could not be read \(SyntaxError\)/],
  ] as const) {
    it(`${name}: logged as an error, and the next message is answered`, async () => {
      const c = await LspClient.start({ root: scratchWorkspace() });
      try {
        const claim = c.open('graft.claim');
        await c.diagnostics(claim, (d) => d.length > 0);
        c.proc.stdin!.write(bad);
        await answers(c, claim);
        const errors = c.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
        assert.ok(errors.some((n) => expected.test((n.params as { message: string }).message)), logged(c));
        assert.ok(!logged(c).includes('Zyxwv'), logged(c));
        // Twice more, to show the reader stays in step.
        c.proc.stdin!.write(bad);
        await answers(c, claim);
        assert.ok(c.alive());
      } finally {
        await c.stop();
      }
    });
  }
});

describe('the end of the input', () => {
  for (const [what, shutdown, code] of [['after shutdown', true, 0], ['without shutdown', false, 1]] as const) {
    it(`stdin closing ${what} ends the server with exit code ${code}`, async () => {
      const c = await LspClient.start({ root: scratchWorkspace() });
      try {
        if (shutdown) await c.request('shutdown', null);
        const exited = new Promise<number | null>((resolve) => c.proc.on('exit', resolve));
        c.proc.stdin!.end();
        assert.equal(await exited, code);
      } finally {
        await c.stop();
      }
    });
  }
});

describe('malformed envelopes (F10)', () => {
  const secret = 'Fictional patient Zyxwv Qrstu has a secret diagnosis';
  const envelope = JSON.stringify({
    jsonrpc: '2.0',
    id: {},
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: 'file:///tmp/secret.note', languageId: 'clinical-note', version: 1, text: secret } },
  });

  it('an "id": {} carrying a note is dropped and logged without the note, trace off', async () => {
    const c = await LspClient.start({ root: scratchWorkspace() });
    try {
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.length > 0);
      c.proc.stdin!.write(frame(envelope));
      c.proc.stdin!.write(frame(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: 1, message: secret } })));
      await answers(c, claim);
      // Both are logged (vscode-jsonrpc's own words, and ours, say "neither" and "without an id").
      await until(() => /neither/.test(logged(c)) && /without (an )?id/.test(logged(c)), 'both messages logged');
      assert.ok(!logged(c).includes('Zyxwv'), logged(c));
      assert.match(logged(c), /dropped a message for textDocument\/didOpen that is neither a request, a notification nor a response \(id: object/);
    } finally {
      await c.stop();
    }
  });

  it('over node IPC, as VS Code runs the server, the same envelope is dropped without the note', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const got: { id?: unknown; method?: string; params?: { message?: string } }[] = [];
    try {
      const answered = new Promise<void>((resolve) =>
        child.on('message', (m: (typeof got)[number]) => {
          got.push(m);
          if (m.id === 1) {
            child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
            child.send(JSON.parse(envelope));
            child.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
          } else if (m.id === 2) resolve();
          else if (m.method !== undefined && m.id !== undefined) child.send({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? [null] : null });
        }),
      );
      child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      await answered;
      const log = got.filter((m) => m.method === 'window/logMessage').map((m) => m.params!.message).join('\n');
      assert.match(log, /dropped a message for textDocument\/didOpen/);
      assert.ok(!JSON.stringify(got).includes('Zyxwv'), log);
    } finally {
      child.kill();
    }
  });

  it('with the trace verbose, the body is logged', async () => {
    const c = await LspClient.start({ root: scratchWorkspace(), settings: { trace: { server: 'verbose' } } });
    try {
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.length > 0);
      c.proc.stdin!.write(frame(envelope));
      await answers(c, claim);
      await until(() => logged(c).includes('Zyxwv'), 'the body in the verbose log');
    } finally {
      await c.stop();
    }
  });
});

describe('document versions (F9)', () => {
  const DOCUMENTED = 'She is unable to close her mouth fully.\n';
  const missing = (d: { code?: unknown }[]) => d.some((x) => x.code === 'missing-documentation');
  /**
   * Open, then wait for the second publish: the first answers didOpen, the second follows
   * the settings round trip after `initialized` (which re-checks every open document and
   * would otherwise re-check a change the test makes).
   */
  const opened = async (c: LspClient, rel: string) => {
    const uri = c.open(rel);
    await until(() => c.published.filter((p) => p.uri === uri).length >= 2, 'the settings re-check');
    assert.ok(missing(c.published.filter((p) => p.uri === uri).pop()!.diagnostics));
    return uri;
  };
  const change = (c: LspClient, uri: string, version: number, text: string) =>
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });

  it('a change repeating the current version is applied and re-checked', async () => {
    const c = await LspClient.start({ root: scratchWorkspace(), settings: { debounceMs: 0 } });
    try {
      const note = await opened(c, 'graft.note');
      const text = c.text(note);
      await change(c, note, 1, text + DOCUMENTED);
      await c.nextDiagnostics(note, (d) => !missing(d));
    } finally {
      await c.stop();
    }
  });

  it('an older version after a newer one is ignored and logged', async () => {
    const c = await LspClient.start({ root: scratchWorkspace(), settings: { debounceMs: 0 } });
    try {
      const note = await opened(c, 'graft.note');
      const text = c.text(note);
      await change(c, note, 5, text + '\n');
      await c.nextDiagnostics(note, (d, p) => p.version === 5);
      const published = c.published.length;
      await change(c, note, 3, text + DOCUMENTED);
      await until(() => /version 3 is older than the open document's 5/.test(logged(c)), 'the ignored change logged');
      // The text stays at version 5: its checklist still lacks the impairment, and nothing new was published.
      const checklist = await c.request(ChecklistRequest, { uri: note });
      assert.match(checklist.markdown, /missing/i);
      assert.ok(!checklist.markdown.includes('unable to close her mouth'), checklist.markdown);
      assert.equal(c.published.slice(published).filter((p) => p.uri === note).length, 0);
    } finally {
      await c.stop();
    }
  });
});
