import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { diagnostics, fixture, open } from './helpers';

describe('activation', () => {
  it('maps *.claim and *.note to their languages and activates on them', async () => {
    const ext = vscode.extensions.getExtension('clinlint.clinlint');
    assert.ok(ext, 'extension clinlint.clinlint is loaded');
    const claim = await open(fixture('graft.claim'));
    assert.strictEqual(claim.document.languageId, 'claim-draft');
    const note = await vscode.workspace.openTextDocument(fixture('graft.note'));
    assert.strictEqual(note.languageId, 'clinical-note');
    await diagnostics(claim.document.uri, (d) => d.length > 0, 30_000);
    assert.ok(ext!.isActive);
  });

  it('contributes the four commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['clinlint.checkWorkspace', 'clinlint.showChecklist', 'clinlint.draftRationale', 'clinlint.reloadPolicies']) {
      assert.ok(all.includes(c), c);
    }
  });

  it('runs the server in a real extension host', () => {
    assert.ok(/^1\.\d+/.test(vscode.version), vscode.version);
    console.log(`VS Code ${vscode.version}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}`);
  });
});
