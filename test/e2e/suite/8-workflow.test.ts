/**
 * The coder's view of results (SPEC 5, 6): one diagnostic per gap for a claim and its note in
 * the Problems panel, and Check Workspace results that survive opening and closing a file.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { closeAll, diagnostics, fixture, has, open, ours, root, ruleOf } from './helpers';

const example = (rel: string) => vscode.Uri.joinPath(root(), rel);
const CLAIM = 'claims/2024-1021-pump-partial-trial.claim';
const NOTE = 'notes/2024-10-07-pump-trial-partial.note';

describe('the coder\'s view of results', () => {
  after(closeAll);

  it('the Problems panel has exactly one diagnostic per gap for a claim and its note', async function () {
    const claim = example(CLAIM);
    const note = example(NOTE);
    if (!(await exists(claim))) this.skip();
    await open(claim);
    await open(note);
    const onClaim = await diagnostics(claim, has('missing-documentation'));
    const onNote = await diagnostics(note, (d) => d.some((x) => ruleOf(x) === 'missing-documentation' && x.severity === vscode.DiagnosticSeverity.Information));
    const gaps = onClaim.filter((d) => ruleOf(d) === 'missing-documentation');
    // Errors and warnings across both files: the claim's, once each.
    const problems = [...onClaim, ...onNote].filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(problems.map((d) => `${ruleOf(d)}: ${d.message}`).sort(), onClaim.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => `${ruleOf(d)}: ${d.message}`).sort());
    assert.strictEqual(gaps.length, 1, gaps.map((d) => d.message).join(' | '));
    // The note's mention points at the claim line.
    const pointer = onNote.find((d) => ruleOf(d) === 'missing-documentation')!;
    assert.strictEqual(pointer.relatedInformation?.[0].location.uri.toString(), claim.toString());
    assert.strictEqual(pointer.relatedInformation?.[0].location.range.start.line, gaps[0].range.start.line);
    for (const d of [...onClaim, ...onNote]) assert.ok(d.message.length <= 100, `one Problems row: ${d.message}`);
  });

  it('Check Workspace results survive opening and closing a file', async function () {
    this.timeout(60_000);
    await closeAll();
    // A file no earlier test opened.
    const source = example(NOTE);
    if (!(await exists(source))) this.skip();
    const uri = fixture('persist.note');
    await vscode.workspace.fs.copy(source, uri, { overwrite: true });
    try {
      await vscode.commands.executeCommand('clinlint.checkWorkspace');
      const before = await diagnostics(uri, (d) => d.length > 0);
      // The first publication after the document closed: the server's answer to didClose.
      const afterClose = within(20_000, 'the document closed and was published', new Promise<vscode.Diagnostic[]>((resolve) => {
        let closed = false;
        const onClose = vscode.workspace.onDidCloseTextDocument((d) => (closed ||= d.uri.toString() === uri.toString()));
        const onDiags = vscode.languages.onDidChangeDiagnostics((e) => {
          if (!closed || !e.uris.some((u) => u.toString() === uri.toString())) return;
          onClose.dispose();
          onDiags.dispose();
          resolve(ours(uri));
        });
      }));
      // Opened as a person opens it (vscode.open): an extension's openTextDocument would hold the
      // document for minutes after its editor closes.
      const opened = within(20_000, 'the editor opened', new Promise<void>((resolve) => {
        const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
          if (e?.document.uri.toString() !== uri.toString()) return;
          sub.dispose();
          resolve();
        });
      }));
      await vscode.commands.executeCommand('vscode.open', uri);
      await opened;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // The server answers the close by publishing the file as on disk: the same diagnostics.
      const after = await afterClose;
      assert.deepStrictEqual(after.map((d) => `${ruleOf(d)}@${d.range.start.line}`), before.map((d) => `${ruleOf(d)}@${d.range.start.line}`));
      assert.ok(ours(uri).length > 0);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
