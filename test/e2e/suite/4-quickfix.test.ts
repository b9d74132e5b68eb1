import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { closeAll, diagnostics, fixture, has, lacks, open, ruleOf } from './helpers';

describe('quick fixes', () => {
  after(closeAll);

  it('inserts the documentation prompt into the linked note; the diagnostic disappears', async () => {
    const uri = fixture('graft.claim');
    await open(uri);
    const d = (await diagnostics(uri, has('missing-documentation'))).find((x) => ruleOf(x) === 'missing-documentation')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Insert documentation prompt'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(fix!.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    const note = await vscode.workspace.openTextDocument(fixture('graft.note'));
    assert.match(note.getText(), /ASSESSMENT AND PLAN:\nAutologous fat grafting[^\n]*\nFunctional impairment: /);
    await diagnostics(uri, lacks('missing-documentation'));
    await diagnostics(note.uri, lacks('missing-documentation'));
    // Leave the fixture as it was for other tests.
    await vscode.window.showTextDocument(note);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnostics(uri, has('missing-documentation'));
  });

  it('no-note: creates a note holding the prompts and links it to the claim', async () => {
    const uri = fixture('draft.claim');
    const editor = await open(uri);
    const d = (await diagnostics(uri, has('no-note'))).find((x) => ruleOf(x) === 'no-note')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const fix = actions.find((a) => /Create and link note draft\.note/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(editor.document.getText(), /^note: draft\.note$/m);
    const note = await vscode.workspace.openTextDocument(fixture('draft.note'));
    assert.match(note.getText(), /Functional impairment:/);
    await diagnostics(uri, lacks('no-note'));
  });

  it('unknown payer: replaced by a known payer name', async () => {
    const uri = fixture('unknown-payer.claim');
    const editor = await open(uri);
    const d = (await diagnostics(uri, has('unknown-payer'))).find((x) => ruleOf(x) === 'unknown-payer')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const fix = actions.find((a) => a.title === 'Change payer to "Anthem"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(editor.document.lineAt(1).text, /^payer: Anthem$/);
    await diagnostics(uri, lacks('unknown-payer'));
  });
});
