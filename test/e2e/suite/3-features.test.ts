import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { at, closeAll, diagnostics, fixture, has, hoverText, open } from './helpers';

describe('hover, completion, symbols, definition', () => {
  after(closeAll);

  it('hover on a code shows the policy, its verbatim text and the checklist', async () => {
    const uri = fixture('graft.claim');
    const { document } = await open(uri);
    await diagnostics(uri, has('missing-documentation'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(document, '15773', 2));
    const text = hoverText(hovers);
    assert.match(text, /Anthem Blue Cross Connecticut MED\.00132 §II/);
    assert.match(text, /Autologous fat grafting is considered medically necessary when both of the following criteria have been met/);
    assert.match(text, /❌ \*\*significant functional impairment\*\*: not documented/);
    assert.match(text, /✅ \*\*expectation that the procedure will improve the functional impairment\*\*: "The grafting is expected to improve oral competence\." \(\[graft\.note line 11\]\(file:[^)]*graft\.note#L11\)\)/);
    assert.ok(text.indexOf('❌') < text.indexOf('\n> '), 'the checklist comes before the policy text');
  });

  it('hover on evidence in a note names the criterion it supports', async () => {
    const uri = fixture('graft.note');
    const { document } = await open(uri);
    await diagnostics(uri, has('missing-documentation'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(document, 'expected to improve', 3));
    assert.match(hoverText(hovers), /Documents \*\*expectation that the procedure will improve the functional impairment\*\* for 15773/);
  });

  it('completion offers codes with descriptors, payers and plans in a claim', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'claim-draft', content: 'payer: \nplan: \ndx A: M34.0\nline 1: 1577\n' });
    await vscode.window.showTextDocument(doc);
    const list = (pos: vscode.Position) => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const codes = await list(new vscode.Position(3, 12));
    const item = codes.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '15773');
    assert.ok(item, 'offers 15773');
    assert.match(String(item!.detail), /Grafting of autologous fat/);
    const payers = (await list(new vscode.Position(0, 7))).items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(payers.includes('Anthem Blue Cross Connecticut'), payers.join());
    const plans = (await list(new vscode.Position(1, 6))).items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(['commercial', 'medicare', 'medicaid'].every((p) => plans.includes(p)), plans.join());
  });

  it('document symbols outline claim lines and note sections', async () => {
    const claim = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', fixture('graft.claim'));
    assert.ok(claim.some((s) => s.name === 'line 1: 15773'), claim.map((s) => s.name).join());
    assert.ok(claim.some((s) => s.name === 'dx A: M34.0'));
    const note = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', fixture('graft.note'));
    assert.ok(note.some((s) => s.name === 'ASSESSMENT AND PLAN'), note.map((s) => s.name).join());
  });

  it('go to definition opens the governing section in the policy file', async () => {
    const uri = fixture('graft.claim');
    const { document } = await open(uri);
    const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, at(document, '15773', 1));
    assert.ok(locs.length > 0);
    const first = locs[0];
    const target = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetUri' in first ? first.targetRange : first.range;
    assert.match(target.path, /policies\/anthem-med-00132\.json$/);
    const policy = await vscode.workspace.openTextDocument(target);
    assert.match(policy.lineAt(range.start.line).text, /"id":\s*"II"/);
  });
});
