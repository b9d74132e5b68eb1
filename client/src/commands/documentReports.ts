/** clinlint.showChecklist: the checklist of the current file, rendered (the rationale: draftRationale.ts). */
import * as vscode from 'vscode';
import { ChecklistRequest } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';

/** Read-only report documents (`clinlint-report:/Coverage checklist - x.claim.md`), shown rendered. */
const REPORT_SCHEME = 'clinlint-report';

class Reports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(name: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
    this.texts.set(uri.toString(), markdown);
    this.emitter.fire(uri); // an open preview of the same report refreshes
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The server's markdown report of the file given (else the active editor's), with its URI. */
export async function fetchReport(
  handle: ClientHandle,
  request: typeof ChecklistRequest,
  what: string,
  arg?: vscode.Uri,
): Promise<{ uri: vscode.Uri; markdown: string } | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage(`ClinLint: open a claim or note to ${what}.`);
    return undefined;
  }
  const client = await handle.ready();
  const { markdown } = await client.sendRequest(request, { uri: client.code2ProtocolConverter.asUri(uri) });
  return { uri, markdown };
}

export function registerDocumentReports(context: vscode.ExtensionContext, handle: ClientHandle): void {
  const reports = new Reports();
  context.subscriptions.push(
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    // The checklist is for reading: it opens rendered (the markdown preview), beside the file.
    vscode.commands.registerCommand('clinlint.showChecklist', async (arg?: vscode.Uri): Promise<string | undefined> => {
      const r = await fetchReport(handle, ChecklistRequest, 'show its checklist', arg);
      if (!r) return undefined;
      const name = `Coverage checklist - ${r.uri.path.replace(/^.*\//, '')}`;
      await vscode.commands.executeCommand('markdown.showPreviewToSide', reports.set(name, r.markdown));
      return r.markdown;
    }),
  );
}
