/** What the coder sees: evidence marked in notes, read-only bundled policies, the status item, language defaults. */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, fixture, has, open } from './helpers';

interface Exports {
  evidence: {
    applied: Map<string, { version: number; met: vscode.Range[]; near: vscode.Range[] }>;
    onDidApply: vscode.Event<vscode.Uri>;
  };
  statusText(): string;
}
const api = () => vscode.extensions.getExtension<Exports>('clinlint.clinlint')!.exports;

/** Resolves once the marks applied to `uri` satisfy `pred` (now or after the next refresh). */
function marks(uri: vscode.Uri, pred: (m: { met: vscode.Range[]; near: vscode.Range[] }) => boolean, timeoutMs = 20_000) {
  const { evidence } = api();
  const now = evidence.applied.get(uri.toString());
  if (now && pred(now)) return Promise.resolve(now);
  return new Promise<{ met: vscode.Range[]; near: vscode.Range[] }>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`marks of ${uri.path} never matched; last: ${JSON.stringify(evidence.applied.get(uri.toString()))}`));
    }, timeoutMs);
    const sub = evidence.onDidApply((u) => {
      const m = evidence.applied.get(uri.toString());
      if (u.toString() !== uri.toString() || !m || !pred(m)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(m);
    });
  });
}

describe('what the coder sees', () => {
  after(closeAll);

  it('a sentence that documents a criterion is decorated in the note, and a negated one differently', async () => {
    await open(fixture('graft.claim'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('graft.note')), { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const doc = editor.document;
    const sentence = 'The grafting is expected to improve oral competence.';
    const start = at(doc, sentence);
    const want = new vscode.Range(start, start.translate(0, sentence.length));
    const m = await marks(doc.uri, (x) => x.met.some((r) => r.isEqual(want)));
    assert.ok(!m.near.some((r) => r.isEqual(want)));
    // Negate it: the sentence is now a near miss, marked apart, and the gap shows on the claim.
    const negated = 'The grafting is not expected to improve oral competence.';
    await editor.edit((b) => b.replace(want, negated));
    const after = new vscode.Range(start, start.translate(0, negated.length));
    const n = await marks(doc.uri, (x) => x.near.some((r) => r.isEqual(after)));
    assert.ok(!n.met.some((r) => r.isEqual(after)), 'no longer marked as evidence');
    await vscode.commands.executeCommand('undo');
    await marks(doc.uri, (x) => x.met.some((r) => r.isEqual(want)));
  });

  it('F12 on a code opens its bundled policy read-only', async () => {
    const uri = fixture('graft.claim');
    const claimEditor = await open(uri);
    const { document } = claimEditor;
    await diagnostics(uri, has('missing-documentation'));
    const pos = at(document, '15773', 1);
    const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, pos);
    const first = locs[0];
    const target = 'targetUri' in first ? first.targetUri : first.uri;
    assert.strictEqual(target.scheme, 'clinlint-bundled');
    assert.match(target.path, /policies\/anthem-med-00132\.json$/);
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem(target.scheme), false);
    // What F12 does: reveal the definition from the cursor; the editor it opens is the read-only file.
    claimEditor.selection = new vscode.Selection(pos, pos);
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && e.document.uri.scheme === 'clinlint-bundled') {
          sub.dispose();
          resolve(e);
        }
      });
    });
    // 15773 is governed by several sections: go to the first (the deciding one) instead of a peek.
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('gotoLocation.multipleDefinitions', 'goto', vscode.ConfigurationTarget.Global);
    let shown: vscode.TextEditor;
    try {
      await vscode.commands.executeCommand('editor.action.revealDefinition');
      shown = await opened;
    } finally {
      await editorConfig.update('gotoLocation.multipleDefinitions', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.strictEqual(shown.document.uri.toString(), target.toString());
    assert.match(shown.document.lineAt(shown.selection.active.line).text, /"id":\s*"II"/);
    // Typing into it does nothing, and nothing can be written over the installed file.
    const before = shown.document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.strictEqual(shown.document.getText(), before, 'typing does not change a bundled policy');
    assert.ok(!shown.document.isDirty);
    // (The same keystroke in a writable editor does type: the check above is not vacuous.)
    const scratch = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '' }));
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.strictEqual(scratch.document.getText(), 'x');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(target, new TextEncoder().encode('{}'))));
  });

  it('the status item shows the current file, not a workspace total', async () => {
    const claim = fixture('graft.claim');
    await open(claim);
    const d = await diagnostics(claim, has('missing-documentation'));
    const gaps = d.filter((x) => ['missing-documentation', 'not-covered'].includes(typeof x.code === 'object' ? String(x.code.value) : String(x.code))).length;
    const text = () => api().statusText();
    const want = `ClinLint: ${gaps} ${gaps === 1 ? 'gap' : 'gaps'}`;
    for (let i = 0; i < 50 && !text().includes(want); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(text(), new RegExp(want), text());
    assert.match(text(), /4 policies loaded/);
    await open(fixture('complete.claim'));
    for (let i = 0; i < 50 && !text().includes('no gaps'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(text(), /ClinLint: no gaps/, 'a supported claim beside one with gaps');
  });

  it('notes wrap and word suggestions stay out of snippet placeholders', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'clinical-note' });
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('wordBasedSuggestions'), 'off');
  });
});
