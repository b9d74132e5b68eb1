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
          if (preview()) (clearTimeout(timer), sub.dispose(), resolve());
        });
      });
    }
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.languageId === 'markdown'), 'no raw markdown editor');
  });

  it('clinlint.draftRationale drafts the coverage rationale with evidence and citations', async () => {
    const md = await vscode.commands.executeCommand<string>('clinlint.draftRationale', fixture('complete.claim'));
    assert.match(md, /^# Coverage rationale: claim E2E-0004/);
    assert.match(md, /### Meets Anthem Blue Cross Connecticut MED\.00132 §II/);
    assert.match(md, /- Significant functional impairment: "She is unable to close her mouth fully[^"]*" \(complete\.note line \d+\) \[\d\] ✓/);
    assert.match(md, /APPROVE as medically necessary/);
    assert.match(md, /## Citations\n\n1\. Anthem Blue Cross Connecticut, MED\.00132/);
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
    assert.deepStrictEqual(r, { policies: 4, errors: 0 });
  });
});
