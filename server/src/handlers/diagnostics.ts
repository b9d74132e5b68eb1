/**
 * Diagnostics: checked on open, debounced on change (a text already checked is not re-checked),
 * cleared on close (unless Check Workspace published the file: then they stay, from disk, until
 * the file changes or is deleted); a changed note re-checks every open claim that links it. One
 * gap, one diagnostic: a note's mention of a code that a published claim linking it bills is
 * shown as information pointing at the claim. Policy files get policy-error diagnostics from the
 * loader. Texts and results of files that are not open are dropped once published.
 */
import { type Diagnostic, FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { claimLink, type CheckResult, foldIntoClaims, type PolicyFileError } from '../engine';
import { type CheckFilesParams, CheckFilesRequest, type CheckFilesResult, StatusNotification, type ServerStatus } from '../protocol';
import { policyErrorDiagnostic, toDiagnostic } from './convert';
import type { Session } from '../session';

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /**
   * The text each open document's diagnostics were last published for. Not the session's
   * result: other requests (evidence marks, hovers) may check a newer text first, and the
   * document must still be published and its claims re-checked for it.
   */
  private readonly publishedText = new Map<string, string>();

  constructor(private readonly s: Session) {}

  register(): void {
    const { s } = this;
    s.documents.onDidOpen(s.safe('didOpen', (e) => this.opened(e.document.uri)));
    s.documents.onDidChangeContent(
      s.safe('didChange', (e) => {
        const uri = e.document.uri;
        if (!s.isPolicyFile(uri)) this.schedule(uri, s.settings.debounceMs);
        else if (s.policyBufferChanged(uri, e.document.getText())) this.schedulePolicyReload();
      }),
    );
    s.documents.onDidClose(s.safe('didClose', (e) => this.closed(e.document.uri, e.document.getText(), e.document.languageId)));
    s.connection.onDidChangeWatchedFiles(s.safe('didChangeWatchedFiles', (p) => this.watched(p.changes)));
    s.connection.onRequest(
      CheckFilesRequest,
      s.guard('checkFiles', (p: CheckFilesParams) => this.checkFiles(p)),
    );
    s.onReload.push(() => this.recheckAll());
  }

  private opened(uri: string): void {
    const doc = this.s.documents.get(uri);
    if (!doc || !this.s.isClinical(uri, doc.languageId)) return;
    this.run(uri);
    this.recheckDependents(uri);
  }

  private closed(uri: string, text: string, languageId: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.publishedText.delete(uri);
    if (this.s.isPolicyFile(uri)) {
      // Closed without saving: back to the text on disk.
      if (this.s.policyBufferChanged(uri, text)) this.schedulePolicyReload(0);
      return;
    }
    if (!this.s.isClinical(uri, languageId)) return;
    const linked = this.s.results.get(uri)?.linkedNotes;
    this.s.results.delete(uri);
    this.s.release(uri, linked);
    // A file Check Workspace published keeps its diagnostics: those of the file as on disk.
    if (this.s.workspaceUris.has(uri)) this.runFromDisk(uri);
    else {
      this.publish(uri, []);
      this.linkClaim(uri, undefined);
    }
    // Claims that link this note now read it from disk.
    this.recheckDependents(uri);
  }

  schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(
        this.s.safe('debounced check', () => {
          this.timers.delete(uri);
          const doc = this.s.documents.get(uri);
          // Nothing to do when this exact text was checked already (on open, or for a linked
          // note). Texts, not versions: a change may repeat the current version number.
          if (!doc || this.publishedText.get(uri) === doc.getText()) return;
          this.run(uri);
          this.recheckDependents(uri);
        }),
        delay,
      ),
    );
  }

  /** Checks an open document at its current version and publishes. */
  run(uri: string): void {
    const doc = this.s.documents.get(uri);
    if (!doc || !this.s.isClinical(uri, doc.languageId)) return;
    const t0 = performance.now();
    const result = this.s.check(uri, doc.getText(), doc.languageId);
    this.publishedText.set(uri, doc.getText());
    const diags = this.diagnosticsOf(result);
    this.publish(uri, diags, doc.version);
    this.linkClaim(uri, result);
    if (this.s.settings.trace !== 'off')
      this.s.log(
        `checked ${this.s.describe(uri)} v${doc.version}: ${diags.length} diagnostics in ${(performance.now() - t0).toFixed(1)} ms`,
      );
  }

  /** Checks a file that is not open, as on disk, publishes, and drops its text and result. */
  private runFromDisk(uri: string): void {
    const text = this.s.host.readText(this.s.pathOf(uri));
    const result = text === undefined ? undefined : this.s.check(uri, text);
    this.publish(uri, this.diagnosticsOf(result));
    this.linkClaim(uri, result);
    // Published: the file is not open, so neither its text nor its result is kept.
    if (!this.s.documents.get(uri)) {
      this.s.results.delete(uri);
      if (result) this.s.release(uri, result.linkedNotes);
    }
  }

  /** A result's diagnostics; a note's mentions that a published claim bills point at the claim. */
  private diagnosticsOf(result: CheckResult | undefined): Diagnostic[] {
    if (!result) return [];
    const findings = result.kind === 'note' ? foldIntoClaims(result, this.s.claimLinks.values()) : result.findings;
    return findings.map((f) => toDiagnostic(this.s, f)).filter((d): d is Diagnostic => Boolean(d));
  }

  /**
   * Records what a published claim links and bills (undefined: it is no longer published). When
   * that changes, the notes it links (before or now) are published again, pointing at it or not.
   */
  private linkClaim(uri: string, result: CheckResult | undefined): void {
    const before = this.s.claimLinks.get(uri);
    const now = result ? claimLink(result) : undefined;
    if (JSON.stringify(before) === JSON.stringify(now)) return;
    if (now) this.s.claimLinks.set(uri, now);
    else this.s.claimLinks.delete(uri);
    for (const path of new Set([...(before?.notes ?? []), ...(now?.notes ?? [])])) {
      const note = this.s.uriOf(path);
      if (this.s.documents.get(note)) this.run(note);
      else if (this.s.workspaceUris.has(note)) this.runFromDisk(note);
    }
  }

  /**
   * Files changed on disk: a policy file reloads the policies; a note re-checks its claims; a
   * file Check Workspace published is checked again, or cleared when deleted.
   */
  private watched(changes: FileEvent[]): void {
    if (changes.some((c) => this.s.isPolicyFile(c.uri))) this.schedulePolicyReload(0);
    for (const { uri, type } of changes) {
      if (this.s.documents.get(uri) || !/\.(note|claim)$/i.test(uri)) continue;
      if (type === FileChangeType.Deleted && this.s.workspaceUris.delete(uri)) {
        this.s.results.delete(uri);
        this.publish(uri, []);
        this.linkClaim(uri, undefined);
      } else if (this.s.workspaceUris.has(uri)) this.runFromDisk(uri);
      if (/\.note$/i.test(uri)) this.recheckDependents(uri);
    }
  }

  private policyTimer: NodeJS.Timeout | undefined;
  /** Policy edits reload every policy (slower than a check), so they wait a little longer. */
  schedulePolicyReload(delay = Math.max(400, this.s.settings.debounceMs)): void {
    clearTimeout(this.policyTimer);
    this.policyTimer = setTimeout(
      this.s.safe('policy reload', () => this.s.loadPolicies()),
      delay,
    );
  }

  /** Every open claim whose last result drew evidence from `uri` (a note). */
  private recheckDependents(uri: string): void {
    const path = this.s.pathOf(uri);
    for (const doc of this.s.documents.all()) {
      if (doc.uri === uri) continue;
      const r = this.s.results.get(doc.uri);
      if (r?.linkedNotes.includes(path)) this.run(doc.uri);
    }
  }

  recheckAll(): void {
    this.publishPolicyErrors();
    for (const doc of this.s.documents.all()) this.run(doc.uri);
    this.sendStatus();
  }

  private checkFiles(p: CheckFilesParams): CheckFilesResult {
    let problems = 0;
    for (const uri of p.uris) {
      this.s.workspaceUris.add(uri);
      if (this.s.documents.get(uri)) this.run(uri);
      else this.runFromDisk(uri);
    }
    // Counted after the batch: a claim checked after its note has turned the note's gaps into
    // pointers at the claim.
    for (const uri of p.uris) problems += this.s.problems.get(uri) ?? 0;
    return { files: p.uris.length, problems };
  }

  private publishPolicyErrors(): void {
    const byUri = new Map<string, Diagnostic[]>();
    const add = (e: PolicyFileError, notice: boolean) => {
      const d = policyErrorDiagnostic(this.s, e, notice);
      if (!d) return;
      const uri = this.s.uriOf(e.path);
      byUri.set(uri, [...(byUri.get(uri) ?? []), d]);
    };
    for (const e of this.s.policyErrors) add(e, false);
    for (const e of this.s.engine?.policyNotices ?? []) add(e, true);
    for (const uri of this.s.policyErrorUris) if (!byUri.has(uri)) this.s.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) this.s.connection.sendDiagnostics({ uri, diagnostics });
    this.s.policyErrorUris = new Set(byUri.keys());
  }

  private publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.s.connection.sendDiagnostics({ uri, diagnostics, version });
    const count = diagnostics.filter((d) => (d.severity ?? 1) <= 3).length;
    if (count) this.s.problems.set(uri, count);
    else this.s.problems.delete(uri);
    this.sendStatus();
  }

  private lastStatus = '';
  sendStatus(): void {
    const status: ServerStatus = {
      policies: this.s.catalog.policies.length,
      policyErrors: this.s.policyErrors.length,
      problems: [...this.s.problems.values()].reduce((a, b) => a + b, 0),
      policyDirs: this.s.policyDirs,
      pid: process.pid,
    };
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.s.connection.sendNotification(StatusNotification, status);
  }
}
