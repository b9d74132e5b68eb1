/**
 * Diagnostics: checked on open, debounced on change (stale versions dropped), cleared on close;
 * a changed note re-checks every open claim that links it. Policy files get policy-error
 * diagnostics from the loader.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { type CheckFilesParams, CheckFilesRequest, type CheckFilesResult, StatusNotification, type ServerStatus } from '../protocol';
import { policyErrorDiagnostic, toDiagnostic } from './convert';
import type { Session } from '../session';

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Version last checked per open URI, so a pending timer for an old version does nothing. */
  private readonly checkedVersion = new Map<string, number>();

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
    s.connection.onDidChangeWatchedFiles(s.safe('didChangeWatchedFiles', (p) => this.watched(p.changes.map((c) => c.uri))));
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
    this.checkedVersion.delete(uri);
    if (this.s.isPolicyFile(uri)) {
      // Closed without saving: back to the text on disk.
      if (this.s.policyBufferChanged(uri, text)) this.schedulePolicyReload(0);
      return;
    }
    if (!this.s.isClinical(uri, languageId)) return;
    this.s.results.delete(uri);
    this.publish(uri, []);
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
          if (!doc || this.checkedVersion.get(uri) === doc.version) return;
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
    this.checkedVersion.set(uri, doc.version);
    const diags = result ? (result.findings.map((f) => toDiagnostic(this.s, f)).filter(Boolean) as Diagnostic[]) : [];
    this.publish(uri, diags, doc.version);
    if (this.s.settings.trace !== 'off')
      this.s.log(
        `checked ${this.s.describe(uri)} v${doc.version}: ${diags.length} diagnostics in ${(performance.now() - t0).toFixed(1)} ms`,
      );
  }

  /** Files changed on disk: a policy file reloads the policies; a note re-checks its claims. */
  private watched(uris: string[]): void {
    if (uris.some((u) => this.s.isPolicyFile(u))) this.schedulePolicyReload(0);
    for (const uri of uris) if (/\.note$/i.test(uri) && !this.s.documents.get(uri)) this.recheckDependents(uri);
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
    this.checkedVersion.clear();
    for (const doc of this.s.documents.all()) this.run(doc.uri);
    this.sendStatus();
  }

  private checkFiles(p: CheckFilesParams): CheckFilesResult {
    let problems = 0;
    for (const uri of p.uris) {
      if (this.s.documents.get(uri)) {
        this.run(uri);
      } else {
        const text = this.s.host.readText(this.s.pathOf(uri));
        const result = text === undefined ? undefined : this.s.check(uri, text);
        this.publish(uri, result ? (result.findings.map((f) => toDiagnostic(this.s, f)).filter(Boolean) as Diagnostic[]) : []);
      }
      problems += this.s.problems.get(uri) ?? 0;
    }
    return { files: p.uris.length, problems };
  }

  private publishPolicyErrors(): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const e of this.s.policyErrors) {
      const d = policyErrorDiagnostic(this.s, e);
      if (!d) continue;
      const uri = this.s.uriOf(e.path);
      byUri.set(uri, [...(byUri.get(uri) ?? []), d]);
    }
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
