/** The language status item: policies loaded, problems, server state. */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { ServerStatus } from '../../server/src/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private last: ServerStatus | undefined;
  private state: State = State.Starting;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('clinlint.status', selector);
    this.item.name = 'ClinLint';
    this.item.command = { title: 'Show Output', command: 'clinlint.showOutput' };
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
    this.item.text = `$(checklist) ClinLint: ${s.policies} ${s.policies === 1 ? 'policy' : 'policies'}`;
    const parts = [`${s.problems} ${s.problems === 1 ? 'problem' : 'problems'}`];
    if (s.policyErrors) parts.push(`${s.policyErrors} policy file ${s.policyErrors === 1 ? 'error' : 'errors'}`);
    this.item.detail = parts.join(', ');
    this.item.severity = s.policyErrors ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
