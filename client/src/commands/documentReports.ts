/** clinlint.showChecklist: the markdown checklist of the current file (the rationale: draftRationale.ts). */
import * as vscode from 'vscode';
import { ChecklistRequest, type MarkdownResult } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';

/** The server's markdown report of the file given (else the active editor's), with its URI. */
export async function fetchReport(handle: ClientHandle, request: string, what: string, arg?: vscode.Uri): Promise<{ uri: vscode.Uri; markdown: string } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage(`ClinLint: open a claim or note to ${what}.`);
    return undefined;
  }
  const client = await handle.ready();
  const { markdown } = await client.sendRequest<MarkdownResult>(request, { uri: client.code2ProtocolConverter.asUri(uri) });
  return { uri, markdown };
}

export function registerDocumentReports(context: vscode.ExtensionContext, handle: ClientHandle): void {
  const report = (request: string, what: string) => async (arg?: vscode.Uri): Promise<string | undefined> => {
    const r = await fetchReport(handle, request, what, arg);
    if (!r) return undefined;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return r.markdown;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('clinlint.showChecklist', report(ChecklistRequest, 'show its checklist')),
  );
}
