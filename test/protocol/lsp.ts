/**
 * A small LSP client for the protocol tests: spawns `dist/server.js --stdio`, answers
 * workspace/configuration, records publishDiagnostics and lets tests wait on them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  createMessageConnection,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type RequestType,
  type RequestType0,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'dist/server.js');

/** A scratch copy of the fixture workspace (test/e2e/workspace). */
export function scratchWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-protocol-'));
  cpSync(join(ROOT, 'test/e2e/workspace'), dir, { recursive: true });
  return dir;
}

export interface StartOptions {
  root: string;
  settings?: Record<string, unknown>;
  trusted?: boolean;
  capabilities?: ClientCapabilities;
  /** Arguments for node instead of `dist/server.js --stdio` (e.g. the bin shim). */
  args?: string[];
  /** Client-side commands the client declares (InitOptions.clientCommands). */
  clientCommands?: string[];
}

const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
};

/** A text edit or a snippet edit (LSP 3.18), as a workspace edit carries them. */
type TextEditLike = {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText?: string;
  snippet?: { value: string };
};

type Waiter = { uri: string; pred: (d: PublishDiagnosticsParams) => boolean; resolve: (d: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly docs = new Map<string, TextDocument>();
  readonly notifications: { method: string; params: unknown }[] = [];
  private waiters: Waiter[] = [];
  settings: Record<string, unknown>;
  stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    readonly root: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(opts: StartOptions): Promise<LspClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} missing: run npm run build`);
    const proc = spawn(process.execPath, opts.args ?? [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new LspClient(proc, conn, opts.root, opts.settings ?? {});
    proc.stderr!.on('data', (b) => (c.stderr += b));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => c.onDiagnostics(p));
    conn.onNotification((method, params) => {
      c.notifications.push({ method, params });
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'clinlint' ? c.settings : null)),
    );
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    const rootUri = pathToFileURL(opts.root).href;
    const init = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      capabilities: opts.capabilities ?? CAPABILITIES,
      initializationOptions: { trusted: opts.trusted ?? true, settings: c.settings, clientCommands: opts.clientCommands },
    })) as { capabilities: Record<string, unknown> };
    c.capabilities = init.capabilities;
    await conn.sendNotification('initialized', {});
    return c;
  }

  capabilities: Record<string, unknown> = {};

  uri(rel: string): string {
    return pathToFileURL(join(this.root, rel)).href;
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    this.waiters = this.waiters.filter((w) => {
      if (w.uri !== p.uri || !w.pred(p)) return true;
      w.resolve(p);
      return false;
    });
  }

  /** The next publish for `uri` that satisfies `pred` (or the latest one already received). */
  diagnostics(
    uri: string,
    pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    const test = (p: PublishDiagnosticsParams) => pred(p.diagnostics, p);
    const latest = [...this.published].reverse().find((p) => p.uri === uri);
    if (latest && test(latest)) return Promise.resolve(latest.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = [...this.published].reverse().find((p) => p.uri === uri);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.map((d) => d.message))}\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push({ uri, pred: test, resolve: (p) => (clearTimeout(timer), resolve(p.diagnostics)) });
    });
  }

  /** Waits for the next publish for `uri` (ignoring those already received). */
  nextDiagnostics(
    uri: string,
    pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    const seen = this.published.length;
    return this.diagnostics(uri, (d, p) => this.published.indexOf(p) >= seen && pred(d, p), timeoutMs);
  }

  open(rel: string, languageId?: string, text?: string): string {
    const uri = this.uri(rel);
    const body = text ?? readFileSync(join(this.root, rel), 'utf8');
    const lang = languageId ?? (rel.endsWith('.claim') ? 'claim-draft' : 'clinical-note');
    this.docs.set(uri, TextDocument.create(uri, lang, 1, body));
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text: body } });
    return uri;
  }

  change(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, [{ text }], doc.version + 1);
    this.docs.set(uri, next);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
    return next.version;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)?.getText() ?? readFileSync(fileURLToPath(uri), 'utf8');
  }

  /** A request: ClinLint's own by its typed object from server/src/protocol.ts, LSP's by method name. */
  request<R>(type: RequestType0<R, void>): Promise<R>;
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  request<R>(method: string, params: unknown): Promise<R>;
  request<R>(type: string | RequestType0<R, void> | RequestType<unknown, R, void>, params?: unknown): Promise<R> {
    return this.conn.sendRequest(typeof type === 'string' ? type : type.method, params) as Promise<R>;
  }

  /** Applies a workspace edit as VS Code would: files are created, edited documents are opened. */
  applyEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<
      string,
      { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]
    >();
    const add = (uri: string, e: TextEditLike) =>
      byUri.set(uri, [...(byUri.get(uri) ?? []), { range: e.range, newText: e.newText ?? e.snippet!.value }]);
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) for (const e of edits) add(uri, e);
    for (const dc of edit.documentChanges ?? []) {
      if ('kind' in dc) {
        if (dc.kind !== 'create') throw new Error(`unsupported resource operation ${dc.kind}`);
        const path = fileURLToPath(dc.uri);
        mkdirSync(dirname(path), { recursive: true });
        if (!existsSync(path)) writeFileSync(path, '');
        continue;
      }
      for (const e of (dc as TextDocumentEdit).edits) add(dc.textDocument.uri, e as TextEditLike);
    }
    for (const [uri, edits] of byUri) {
      if (!this.docs.has(uri)) this.open(this.relOf(uri));
      const doc = this.docs.get(uri)!;
      const text = TextDocument.applyEdits(doc, edits);
      this.change(uri, text);
    }
  }

  relOf(uri: string): string {
    return fileURLToPath(uri).slice(this.root.length + 1);
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { clinlint: settings } });
  }

  alive(): boolean {
    return this.proc.exitCode === null && !this.proc.killed;
  }

  async stop(): Promise<void> {
    try {
      if (this.alive()) {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      }
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.alive()) this.proc.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Offset of the `n`th occurrence of `needle` in `text`, as an LSP position (+ delta chars). */
export function positionOf(text: string, needle: string, delta = 0, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return TextDocument.create('x:', 'x', 0, text).positionAt(at + delta);
}
