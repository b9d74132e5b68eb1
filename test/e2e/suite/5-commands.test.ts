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
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
    assert.ok(shown, 'the checklist opens beside the claim');
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
    const bundled = vscode.Uri.joinPath(vscode.extensions.getExtension('clinlint.clinlint')!.extensionUri, 'policies');
    const files = (await vscode.workspace.fs.readDirectory(bundled)).filter(([name]) => name.endsWith('.json'));
    assert.deepStrictEqual(r, { policies: files.length, errors: 0 });
  });
});
