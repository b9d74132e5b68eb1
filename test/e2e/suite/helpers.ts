/** Helpers for the real-VS Code suite: fixture URIs and waiting on diagnostics (never sleeping). */
import * as vscode from 'vscode';

export function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the e2e runner opens a workspace folder');
  return f.uri;
}

/** A file of our own fixtures (test/e2e/workspace, copied to e2e/ in the workspace). */
export function fixture(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'e2e', rel);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'clinlint');

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves with the file's ClinLint diagnostics once `pred` holds (now or after a change). */
export function diagnostics(uri: vscode.Uri, pred: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const now = ours(uri);
  if (pred(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.path} never matched; last: ${JSON.stringify(ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}`))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = ours(uri);
      if (!pred(d)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(d);
    });
  });
}

/** Resolves with the file's ClinLint diagnostics at their next publication (call before the change). */
export function nextChange(uri: vscode.Uri, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return publishedAfter(uri, uri, timeoutMs);
}

/**
 * Resolves once `then` is published in or after a publication of `first` (call before the
 * change): a claim re-checked after its note changed. The extension host merges close events.
 */
export function publishedAfter(first: vscode.Uri, then: vscode.Uri, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  let seen = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${then.path} was not published after ${first.path} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      seen ||= e.uris.some((u) => u.toString() === first.toString());
      if (!seen || !e.uris.some((u) => u.toString() === then.toString())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ours(then));
    });
  });
}

/**
 * The code actions offered on `range` once one of them matches `pred`. The markers a test reads
 * may still be an earlier publication's (a document closed by an earlier test and opened again),
 * and the light bulb offers ClinLint's fixes once the server answers for the text now open, so
 * this asks again until then, as a coder pressing Ctrl+. a moment later would. It fails with the
 * titles last offered.
 */
export async function codeActionsUntil(
  uri: vscode.Uri,
  range: vscode.Range,
  pred: (a: vscode.CodeAction) => boolean,
  kind?: string,
  timeoutMs = 10_000,
): Promise<{ actions: vscode.CodeAction[]; match: vscode.CodeAction }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    const match = actions.find(pred);
    if (match) return { actions, match };
    if (Date.now() > deadline) throw new Error(`no matching code action on ${uri.path}; offered: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const has = (rule: string) => (d: vscode.Diagnostic[]) => d.some((x) => ruleOf(x) === rule);
export const lacks = (rule: string) => (d: vscode.Diagnostic[]) => !d.some((x) => ruleOf(x) === rule);

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Position of the first occurrence of `needle` (+ delta characters). */
export function at(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in ${doc.uri.path}`);
  return doc.positionAt(i + delta);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
