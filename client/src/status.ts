/**
 * The language status item: the CURRENT file's status ("2 gaps"), the policies loaded, the
 * server state. The file's figures come from its own ClinLint diagnostics, so they always
 * match what its Problems rows show (never a workspace total).
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { ServerStatus } from '../../server/src/protocol';

/** Rules whose diagnostics are a gap in the documentation (or a denial) of a billed code. */
const GAP_RULES = new Set(['missing-documentation', 'not-covered']);

interface FileStatus {
  gaps: number;
  other: number;
}

/** The status of one file from its ClinLint diagnostics (hints, e.g. criteria-met, do not count). */
function fileStatus(diagnostics: readonly vscode.Diagnostic[]): FileStatus {
  let gaps = 0;
  let other = 0;
  for (const d of diagnostics) {
    if (d.source !== 'clinlint' || d.severity === vscode.DiagnosticSeverity.Hint) continue;
    const rule = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    if (GAP_RULES.has(rule)) gaps++;
    else other++;
  }
  return { gaps, other };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subs: vscode.Disposable[] = [];
  private last: ServerStatus | undefined;
  private state: State = State.Starting;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('clinlint.status', selector);
    this.item.name = 'ClinLint';
    this.item.command = { title: 'Show Output', command: 'clinlint.showOutput' };
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.render();
      }),
    );
    this.render();
  }

  setState(state: State): void {
    this.state = state;
    this.render();
  }

  update(status: ServerStatus): void {
    this.last = status;
    this.render();
  }

  /** For tests and the output: what the item shows. */
  get text(): string {
    return `${this.item.text} | ${this.item.detail ?? ''}`;
  }

  private render(): void {
    const s = this.last;
    this.item.busy = this.state === State.Starting;
    if (this.state === State.Stopped) {
      this.item.text = '$(error) ClinLint stopped';
      this.item.detail = 'the language server is not running';
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    if (!s) {
      this.item.text = '$(sync~spin) ClinLint';
      this.item.detail = 'loading policies';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri;
    const file = fileStatus(uri ? vscode.languages.getDiagnostics(uri) : []);
    const parts = [file.gaps ? plural(file.gaps, 'gap', 'gaps') : 'no gaps'];
    if (file.other) parts.push(plural(file.other, 'other problem', 'other problems'));
    this.item.text = `$(checklist) ClinLint: ${parts.join(', ')}`;
    const detail = [`${plural(s.policies, 'policy', 'policies')} loaded`];
    if (s.policyErrors) detail.push(plural(s.policyErrors, 'policy file error', 'policy file errors'));
    this.item.detail = detail.join(', ');
    this.item.severity = s.policyErrors || file.gaps ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
    this.item.dispose();
  }
}
