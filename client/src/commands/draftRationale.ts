/**
 * clinlint.draftRationale: the coverage rationale of a claim (or note), drafted by the server,
 * as `<claim>.rationale.md` beside it, opened with the markdown preview.
 *
 * A file beside the claim, not an untitled buffer: a coder keeps the rationale with the claim
 * (attached to a prior-authorization request or an appeal), finds it again by name, and
 * `clinlint rationale <claim> -o <claim>.rationale.md` writes the same file from the CLI. A new
 * draft never silently discards the coder's own edits: when the file exists, the new text
 * replaces it as an edit in the editor (undo brings the previous draft back), saved only if the
 * document had no unsaved changes.
 */
import * as vscode from 'vscode';
import { RationaleRequest } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';
import { fetchReport } from './documentReports';

/** `2024-0117.claim` -> `2024-0117.rationale.md`, in the claim's folder. */
function rationaleUri(source: vscode.Uri): vscode.Uri {
  const name = source.path.replace(/^.*\//, '').replace(/\.(claim|note)$/i, '');
  return vscode.Uri.joinPath(source, '..', `${name}.rationale.md`);
}

export function registerDraftRationale(context: vscode.ExtensionContext, handle: ClientHandle): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('clinlint.draftRationale', async (arg?: vscode.Uri): Promise<string | undefined> => {
      const r = await fetchReport(handle, RationaleRequest, 'draft a rationale', arg);
      if (!r) return undefined;
      const { uri: source, markdown } = r;
      const target = source.scheme === 'file' ? rationaleUri(source) : undefined;
      const doc = target
        ? await writeDraft(target, markdown)
        : await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
      return markdown;
    }),
  );
}

async function writeDraft(target: vscode.Uri, markdown: string): Promise<vscode.TextDocument> {
  let exists = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    exists = false;
  }
  if (!exists) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
    return vscode.workspace.openTextDocument(target);
  }
  const doc = await vscode.workspace.openTextDocument(target);
  if (doc.getText() === markdown) return doc;
  const hadChanges = doc.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), markdown);
  await vscode.workspace.applyEdit(edit);
  if (!hadChanges) await doc.save();
  return doc;
}
