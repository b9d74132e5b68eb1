import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { closeAll, diagnostics, fixture, has, lacks, open, ruleOf } from './helpers';

describe('diagnostics', () => {
  after(closeAll);

  it('missing-documentation on the billed code, with its range, rule link and data', async () => {
    const uri = fixture('graft.claim');
    await open(uri);
    const diags = await diagnostics(uri, has('missing-documentation'));
    const d = diags.find((x) => ruleOf(x) === 'missing-documentation')!;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [10, 8, 10, 13]);
    assert.match(d.message, /^15773: no documentation of significant functional impairment \(Anthem MED\.00132 §II\)$/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/missing-documentation\.md$/);
    const info = diags.find((x) => ruleOf(x) === 'benefit-limitation');
    assert.strictEqual(info?.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(info?.relatedInformation?.some((r) => r.location.uri.path.endsWith('/graft.note')));
  });

  it('notes are checked on their code mentions', async () => {
    const uri = fixture('graft.note');
    const editor = await open(uri);
    const diags = await diagnostics(uri, has('missing-documentation'));
    const d = diags.find((x) => ruleOf(x) === 'missing-documentation')!;
    assert.strictEqual(editor.document.getText(d.range), '15773');
  });

  it('an unsaved edit to a note re-checks the open claim that links it', async () => {
    const claim = fixture('graft.claim');
    const note = await vscode.workspace.openTextDocument(fixture('graft.note'));
    await diagnostics(claim, has('missing-documentation'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(note.uri, new vscode.Position(note.lineCount, 0), 'She is unable to close her mouth fully and has difficulty chewing.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnostics(claim, lacks('missing-documentation'));
    // Undo: revert the buffer; the claim is missing the criterion again.
    await vscode.window.showTextDocument(note);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnostics(claim, has('missing-documentation'));
  });

  it('unknown payer: a warning on the payer value', async () => {
    const uri = fixture('unknown-payer.claim');
    const editor = await open(uri);
    const d = (await diagnostics(uri, has('unknown-payer'))).find((x) => ruleOf(x) === 'unknown-payer')!;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(editor.document.getText(d.range), 'Acme Health');
  });
});
