import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { closeAll, fixture, open } from './helpers';

describe('commands', () => {
  after(closeAll);

  it('clinlint.showChecklist renders the checklist of the current file', async () => {
    await open(fixture('graft.claim'));
    const md = await vscode.commands.executeCommand<string>('clinlint.showChecklist');
    assert.match(md, /^# Coverage checklist: claim E2E-0001/);
    assert.match(md, /❌ \*\*significant functional impairment\*\*/);
    // Rendered, not raw markdown: a markdown preview (a webview tab), and no markdown text editor.
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const preview = () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /Coverage checklist - graft\.claim/.test(t.label));
    if (!preview()) {
      // The preview's tab opens once the markdown extension has rendered it.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => (sub.dispose(), reject(new Error(`no checklist preview; tabs: ${tabs().map((t) => t.label).join(', ')}`))), 15_000);
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (!preview()) return;
          clearTimeout(timer);
          sub.dispose();
          resolve();
        });
      });
    }
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.languageId === 'markdown'), 'no raw markdown editor');
  });

  it('clinlint.draftRationale writes <claim>.rationale.md beside the claim and opens it with its preview', async () => {
    const target = fixture('complete.rationale.md');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    const md = await vscode.commands.executeCommand<string>('clinlint.draftRationale', fixture('complete.claim'));
    assert.match(md, /^# Coverage rationale: claim E2E-0004 \(complete\.claim\)/);
    assert.match(md, /### Significant functional impairment: documented\n\n- "She is unable to close her mouth fully[^"]*" \(complete\.note line \d+ \[2\]\)/);
    assert.match(md, /- \*\*APPROVE\*\* 15773 \(claim line 1\) as medically necessary under Anthem Blue Cross Connecticut MED\.00132 §II/);
    assert.match(md, /## Citations\n\n1\. Anthem Blue Cross Connecticut, MED\.00132/);
    // The file on disk, beside the claim, holds the text; it is open, and so is its preview.
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), md);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    assert.ok(doc, 'the rationale file is open');
    assert.strictEqual(doc.isDirty, false);
    const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('complete.rationale.md');
    const preview = await tabMatching(isPreview);
    assert.ok(preview, `a markdown preview of the rationale is open; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label))}`);
    // Drafting again replaces the draft as an undoable edit, and saves it (it had no unsaved changes).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target, new vscode.Position(0, 0), 'my notes\n');
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    assert.strictEqual(await vscode.commands.executeCommand<string>('clinlint.draftRationale', fixture('complete.claim')), md);
    assert.strictEqual(doc.getText(), md);
    assert.strictEqual(doc.isDirty, false);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), md);
  });

  it('clinlint.checkWorkspace checks every note and claim', async () => {
    const r = await vscode.commands.executeCommand<{ files: number; problems: number }>('clinlint.checkWorkspace');
    const all = await vscode.workspace.findFiles('**/*.{note,claim}');
    assert.strictEqual(r.files, all.length);
    assert.ok(r.problems > 0);
    const nonote = all.find((u) => u.path.endsWith('/e2e/graft.note'))!;
    assert.ok(vscode.languages.getDiagnostics(nonote).length > 0, 'unopened files get diagnostics');
  });

  it('clinlint.reloadPolicies reloads the bundled policies', async () => {
    const r = await vscode.commands.executeCommand<{ policies: number; errors: number }>('clinlint.reloadPolicies');
    const bundled = vscode.Uri.joinPath(vscode.extensions.getExtension('clinlint.clinlint')!.extensionUri, 'policies');
    const files = (await vscode.workspace.fs.readDirectory(bundled)).filter(([name]) => name.endsWith('.json'));
    assert.deepStrictEqual(r, { policies: files.length, errors: 0 });
  });
});

/** The first open tab matching `pred`, now or once the tabs change (undefined after `timeoutMs`). */
function tabMatching(pred: (t: vscode.Tab) => boolean, timeoutMs = 10_000): Promise<vscode.Tab | undefined> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(pred);
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(undefined);
    }, timeoutMs);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (!t) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(t);
    });
  });
}
