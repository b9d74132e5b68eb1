/**
 * clinlint.insertPrompt, the client side of a prompt fix (SPEC 6): opens the note (beside a
 * claim, or where it is already shown), asks the server where the prompts go in the note's text
 * at this moment, and inserts them as snippets. The cursor lands in the first placeholder and
 * the edit is the note editor's own, so the coder sees it and can undo it there.
 */
import * as vscode from 'vscode';
import { type InsertPromptArgs, InsertPromptCommand, PlanPromptsRequest } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';

/** A note that changes while the plan is on its way is planned again, this many times at most. */
const ATTEMPTS = 3;

export function registerInsertPrompt(context: vscode.ExtensionContext, handle: ClientHandle): void {
  context.subscriptions.push(vscode.commands.registerCommand(InsertPromptCommand, (args: InsertPromptArgs) => insertPrompt(handle, args)));
}

async function insertPrompt(handle: ClientHandle, args: InsertPromptArgs): Promise<boolean> {
  const client = await handle.ready();
  const uri = client.protocol2CodeConverter.asUri(args.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preview: false });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const version = doc.version;
    const { inserts } = await client.sendRequest(PlanPromptsRequest, { ...args, text: doc.getText() });
    if (doc.version !== version) continue;
    // Bottom first, so the positions above stay valid; the first placeholder of the topmost
    // insert is the one left selected.
    const ordered = [...inserts].sort((a, b) => b.position.line - a.position.line || b.position.character - a.position.character);
    let ok = true;
    for (const [i, ins] of ordered.entries()) {
      const at = new vscode.Position(ins.position.line, ins.position.character);
      ok &&= await editor.insertSnippet(new vscode.SnippetString(ins.snippet), at, {
        undoStopBefore: i === 0,
        undoStopAfter: i === ordered.length - 1,
      });
    }
    return ok;
  }
  void vscode.window.showWarningMessage('ClinLint: the note kept changing; the prompt was not inserted. Try the fix again.');
  return false;
}
