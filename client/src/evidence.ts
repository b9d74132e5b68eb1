/**
 * Marks evidence in visible notes: the server computes the ranges (clinlint/evidence), the
 * client decorates them, as vscode-eslint and rust-analyzer split the work. Sentences that
 * document a criterion get a soft background; near misses (negated, hypothetical, someone
 * else's, a number too low) a dashed underline. The server's hover over either names the
 * criterion and the code, so the decorations carry no hover of their own (no duplicate).
 *
 * Marks are refreshed when diagnostics change (every re-check publishes them, and a claim is
 * re-checked when its note changes) and when a note becomes visible.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EvidenceRequest, type EvidenceResult } from '../../server/src/protocol';

export interface AppliedMarks {
  version: number;
  met: vscode.Range[];
  near: vscode.Range[];
}

export class EvidenceDecorations implements vscode.Disposable {
  private readonly met = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('clinlint.evidenceBackground'),
    overviewRulerColor: new vscode.ThemeColor('clinlint.evidenceBackground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    borderRadius: '2px',
  });
  private readonly near = vscode.window.createTextEditorDecorationType({
    borderWidth: '0 0 1px 0',
    borderStyle: 'dashed',
    borderColor: new vscode.ThemeColor('clinlint.nearMissBorder'),
  });
  private readonly subs: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** What was applied per note URI (the extension's exports, for tests). */
  readonly applied = new Map<string, AppliedMarks>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidApply = this.changed.event;

  constructor(private readonly ready: () => Promise<LanguageClient>) {
    this.subs.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics(() => this.schedule(50)),
      vscode.workspace.onDidCloseTextDocument((d) => this.applied.delete(d.uri.toString())),
    );
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks for and applies the marks of every visible note. */
  async refresh(): Promise<void> {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.languageId === 'clinical-note');
    if (editors.length === 0) return;
    let client: LanguageClient;
    try {
      client = await this.ready();
    } catch {
      return;
    }
    const docs = new Map(editors.map((e) => [e.document.uri.toString(), e.document]));
    await Promise.all(
      [...docs.values()].map(async (doc) => {
        let r: EvidenceResult;
        try {
          r = await client.sendRequest(EvidenceRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
        } catch {
          return; // the server restarts or is stopping: the next refresh redoes it
        }
        // An answer for an older version would put marks on the wrong words: the next
        // diagnostics for the new version refresh again.
        if (r.version !== undefined && r.version !== doc.version) return;
        const ranges = (kind: 'met' | 'near') =>
          r.marks.filter((m) => m.kind === kind).map((m) => client.protocol2CodeConverter.asRange(m.range));
        const met = ranges('met');
        // A sentence that documents one criterion and misses another is shown as evidence.
        const near = ranges('near').filter((n) => !met.some((m) => m.isEqual(n)));
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document !== doc) continue;
          editor.setDecorations(this.met, met);
          editor.setDecorations(this.near, near);
        }
        this.applied.set(doc.uri.toString(), { version: doc.version, met, near });
        this.changed.fire(doc.uri);
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.met.dispose();
    this.near.dispose();
    this.changed.dispose();
  }
}
