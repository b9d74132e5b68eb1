/** clinlint.showChecklist and clinlint.draftRationale: markdown reports of the current file. */
import * as vscode from 'vscode';
import { ChecklistRequest, RationaleRequest } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';

export function registerDocumentReports(context: vscode.ExtensionContext, handle: ClientHandle): void {
  const report = (request: typeof ChecklistRequest, what: string) => async (arg?: vscode.Uri): Promise<string | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showWarningMessage(`ClinLint: open a claim or note to ${what}.`);
      return undefined;
    }
    const client = await handle.ready();
    const { markdown } = await client.sendRequest(request, { uri: client.code2ProtocolConverter.asUri(uri) });
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return markdown;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('clinlint.showChecklist', report(ChecklistRequest, 'show its checklist')),
    vscode.commands.registerCommand('clinlint.draftRationale', report(RationaleRequest, 'draft a rationale')),
  );
}
