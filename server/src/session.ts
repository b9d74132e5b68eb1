/**
 * The server's shared state: the loaded engine, settings, the latest result per document,
 * and the helpers every handler uses (paths <-> URIs, the document host, guarded handlers).
 */
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Connection, ResponseError, ErrorCodes, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  bundledPolicyDir,
  documentKind,
  Engine,
  readBounded,
  readOrWhy,
  type CheckResult,
  type ClaimLink,
  type NoteFolders,
  type Plan,
  type PolicyFileError,
} from './engine';
import { type Catalog, EMPTY_CATALOG } from './services/catalog';
import { catalogFrom } from './services/engineAdapter';
import { ruleEnabled, type SeverityOverrides } from './services/severity';

export interface Settings {
  policyPaths: string[];
  /** Folders outside the workspace where claims may link notes (trusted workspaces only). */
  allowedNoteFolders: string[];
  defaultPlan?: Plan;
  defaultPayer?: string;
  severity: SeverityOverrides;
  trace: 'off' | 'messages' | 'verbose';
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = { policyPaths: [], allowedNoteFolders: [], severity: {}, trace: 'off', debounceMs: 150 };

/** Largest document checked, in UTF-16 units; larger ones get no diagnostics (10 MB). */
const MAX_TEXT = 10 * 1024 * 1024;

const stamp = () => `[${new Date().toISOString().slice(11, 23)}]`;

/** A `.json` file inside one of the policy folders (not the generated schema/ folder). */
function isPolicyPath(path: string, dirs: string[]): boolean {
  if (!path.endsWith('.json')) return false;
  return dirs.some((d) => path.startsWith(d + sep) && !path.startsWith(join(d, 'schema') + sep));
}

/**
 * One output line per policy file with errors, naming the file (policy files are not patient
 * data): its problem count, and the first problem with its 1-based line.
 */
function policyFileReport(errors: readonly PolicyFileError[]): string[] {
  const byPath = new Map<string, PolicyFileError[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  return [...byPath].map(([path, es]) => {
    const first = es[0];
    const n = es.length === 1 ? '1 problem' : `${es.length} problems`;
    return `policy file failed to load: ${path} (${n}; line ${first.range.start.line + 1}: ${first.message.slice(0, 200)})`;
  });
}

export class Session {
  engine: Engine | undefined;
  catalog: Catalog = EMPTY_CATALOG;
  settings: Settings = DEFAULT_SETTINGS;
  trusted = true;
  workspaceFolders: string[] = [];
  /** Policy folders in use, for the status and to spot edits to policy files. */
  policyDirs: string[] = [];
  snippetEdits = false;
  /** Client-side commands the client declared (InitOptions.clientCommands). */
  clientCommands = new Set<string>();
  /**
   * Latest result per open document URI. Results of files that are not open (workspace
   * checks, a checklist of a closed file) are used once and never kept: memory stays bounded
   * whatever the number of files checked (a published claim leaves only its small ClaimLink).
   */
  readonly results = new Map<string, CheckResult>();
  /**
   * Claims whose diagnostics are published, by URI: the notes they link and the codes they bill.
   * A note's mention of a code such a claim bills shows as information pointing at the claim.
   */
  readonly claimLinks = new Map<string, ClaimLink>();
  /** Files Check Workspace published: their diagnostics stay until the file changes or is deleted. */
  readonly workspaceUris = new Set<string>();
  /** Published problem counts per URI (errors, warnings and infos) for the status item. */
  readonly problems = new Map<string, number>();
  /** URIs of policy files that carry policy-error diagnostics. */
  policyErrorUris = new Set<string>();
  private readonly uriByPath = new Map<string, string>();
  /** Called after policies load, so the status and diagnostics can refresh. */
  onReload: (() => void)[] = [];

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  // ---- paths and URIs -------------------------------------------------------------------

  pathOf(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        const p = fileURLToPath(uri);
        // Only URIs the client spells differently from Node are remembered (a workspace
        // check would otherwise keep one entry per file it ever saw).
        if (pathToFileURL(p).href !== uri) this.uriByPath.set(p, uri);
        return p;
      } catch {
        /* fall through */
      }
    }
    return uri;
  }

  uriOf(path: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !isAbsolute(path)) return path;
    return this.uriByPath.get(path) ?? pathToFileURL(path).href;
  }

  /** Open buffers first, then disk (what the engine reads linked notes through). */
  readonly host = {
    readText: (path: string): string | undefined => {
      const open = this.documents.get(this.uriOf(path));
      if (open) return open.getText();
      try {
        return readBounded(path);
      } catch {
        return undefined;
      }
    },
    readNote: (path: string): { text: string } | { why: string } => {
      const open = this.documents.get(this.uriOf(path));
      return open ? { text: open.getText() } : readOrWhy(path);
    },
  };

  /**
   * Where claims may link notes (SPEC 9): inside the workspace folders (none open: the claim's
   * folder), and in a trusted workspace the folders the user allowed.
   */
  noteFolders(claimPath: string): NoteFolders {
    const base = this.workspaceFolders[0];
    return {
      workspace: this.workspaceFolders.length ? this.workspaceFolders : [dirname(claimPath)],
      allowed: this.trusted ? this.settings.allowedNoteFolders.map((p) => (isAbsolute(p) || !base ? p : resolve(base, p))) : [],
      howToAllow: this.trusted ? 'allow its folder in the clinlint.allowedNoteFolders setting' : 'never allowed in an untrusted workspace',
    };
  }

  // ---- engine ---------------------------------------------------------------------------

  /**
   * (Re)loads the policies: bundled always; the user's folders only in a trusted workspace.
   * Open policy files count with their unsaved text, so edits show before they are saved.
   */
  loadPolicies(): void {
    const base = this.workspaceFolders[0];
    const dirs = this.trusted ? this.settings.policyPaths.map((p) => (isAbsolute(p) || !base ? p : resolve(base, p))) : [];
    const t0 = Date.now();
    const all = [bundledPolicyDir(), ...dirs].filter((d): d is string => !!d);
    const overrides = this.documents
      .all()
      .map((d) => ({ path: this.pathOf(d.uri), text: d.getText() }))
      .filter((f) => isPolicyPath(f.path, all) && f.text !== this.diskText(f.path));
    this.overridden = new Set(overrides.map((f) => f.path));
    let engine: Engine;
    try {
      engine = Engine.load({ policyDirs: dirs, bundled: true, overrides });
    } catch (err) {
      // Loading reports bad files as policy errors; should it still throw, serve on the bundled set.
      this.logError('loading the policy folders', err);
      engine = Engine.load({ bundled: true });
    }
    this.engine = engine;
    this.catalog = catalogFrom(engine.registry, engine.concepts);
    this.policyDirs = engine.policyDirs;
    this.results.clear();
    this.log(
      `loaded ${engine.registry.policies.length} policies in ${Date.now() - t0} ms${dirs.length ? ` from ${dirs.join(', ')} and the bundled folder` : ''}`,
    );
    for (const line of policyFileReport(engine.policyErrors)) this.log(line);
    for (const n of engine.policyNotices) this.log(`${n.path}: ${n.message}`);
    for (const f of this.onReload) f();
  }

  /** Policy files loaded from unsaved editor text (their buffers differ from disk). */
  overridden = new Set<string>();

  diskText(path: string): string | undefined {
    try {
      return readBounded(path);
    } catch {
      return undefined;
    }
  }

  /** Whether a policy buffer's text now differs from what the loaded policies were read from. */
  policyBufferChanged(uri: string, text: string | undefined): boolean {
    const path = this.pathOf(uri);
    return this.overridden.has(path) || (text !== undefined && text !== this.diskText(path));
  }

  isPolicyFile(uri: string): boolean {
    return isPolicyPath(this.pathOf(uri), this.policyDirs);
  }

  get policyErrors(): PolicyFileError[] {
    return this.engine?.policyErrors ?? [];
  }

  isClinical(uri: string, languageId?: string): boolean {
    return documentKind(uri, languageId) !== undefined;
  }

  /** Checks one text; undefined when there is no engine or the text is too large. */
  check(uri: string, text: string, languageId?: string): CheckResult | undefined {
    if (!this.engine) return undefined;
    if (text.length > MAX_TEXT) {
      this.log(`skipped ${this.describe(uri)}: ${text.length} characters is over the ${MAX_TEXT} limit`);
      return undefined;
    }
    const path = this.pathOf(uri);
    const kind = documentKind(path, languageId);
    const result = this.engine.check({ path, text, kind }, this.host, {
      payer: this.settings.defaultPayer,
      plan: this.settings.defaultPlan,
      includeCriteriaMet: ruleEnabled('criteria-met', this.settings.severity),
      noteFolders: this.noteFolders(path),
    });
    if (this.documents.get(uri)) this.results.set(uri, result);
    return result;
  }

  /**
   * Once a file that is not open has been checked and published, the engine forgets its text
   * and the texts of the notes it linked, unless an open document still uses them.
   */
  release(uri: string, linkedNotes: readonly string[] = []): void {
    if (!this.engine) return;
    const inUse = new Set<string>();
    for (const doc of this.documents.all()) {
      inUse.add(this.pathOf(doc.uri));
      for (const p of this.results.get(doc.uri)?.linkedNotes ?? []) inUse.add(p);
    }
    for (const path of [this.pathOf(uri), ...linkedNotes]) if (!inUse.has(path)) this.engine.forget(path);
  }

  /** The latest result of an open document, checking it first if needed. */
  resultFor(uri: string): CheckResult | undefined {
    const doc = this.documents.get(uri);
    const cached = this.results.get(uri);
    if (cached && (!doc || cached.document.text === doc.getText())) return cached;
    if (doc) return this.check(uri, doc.getText(), doc.languageId);
    const path = this.pathOf(uri);
    const text = this.host.readText(path);
    const result = text === undefined ? undefined : this.check(uri, text);
    if (result) this.release(uri, result.linkedNotes);
    return result;
  }

  /** The latest results of other documents (claims) that draw evidence from this note. */
  linkedResults(uri: string): CheckResult[] {
    const path = this.pathOf(uri);
    const out: CheckResult[] = [];
    for (const [other, r] of this.results) if (other !== uri && r.linkedNotes.includes(path)) out.push(r);
    return out;
  }

  /** A markdown link target for a line of a document: its URI with a `#L<line>` fragment (1-based). */
  readonly lineLink = (path: string, line: number): string => `${this.uriOf(path)}#L${line + 1}`;

  // ---- logging and guards ---------------------------------------------------------------

  get verbose(): boolean {
    return this.settings.trace === 'verbose';
  }

  /** A URI as logs may show it: the file name only unless tracing is verbose. */
  describe(uri: string): string {
    return this.verbose ? uri : uri.replace(/^.*[\\/]/, '');
  }

  log(message: string): void {
    this.connection.console.log(`${stamp()} ${message}`);
  }

  /** A malformed frame or envelope from the client (the message says what, never its body). */
  protocolError(message: string): void {
    this.connection.console.error(`${stamp()} protocol: ${message}`);
  }

  /** Logs an exception without document text (unless verbose). */
  logError(where: string, err: unknown): void {
    const e = err instanceof Error ? err : new Error(String(err));
    const stack = (e.stack ?? '').split('\n').slice(1, 6).join('\n');
    this.connection.console.error(`${where} failed: ${this.verbose ? e.message : e.name}\n${stack}`);
  }

  /** Wraps a request handler: exceptions are logged and answered as errors; serving goes on. */
  guard<P, R>(name: string, fn: (params: P) => R): (params: P) => R | ResponseError<void> {
    return (params: P) => {
      try {
        return fn(params);
      } catch (err) {
        this.logError(name, err);
        return new ResponseError(ErrorCodes.InternalError, `ClinLint: ${name} failed (see the ClinLint output)`);
      }
    };
  }

  /** Wraps a notification or event handler: exceptions are logged, never thrown. */
  safe<A extends unknown[]>(name: string, fn: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      try {
        fn(...args);
      } catch (err) {
        this.logError(name, err);
      }
    };
  }
}
