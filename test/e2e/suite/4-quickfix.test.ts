import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { InsertPromptArgs } from '../../../server/src/protocol';
import { snippetToText } from '../../../server/src/services/text';
import { closeAll, codeActionsUntil, diagnostics, fixture, has, lacks, open, publishedAfter, ours, ruleOf } from './helpers';

describe('quick fixes', () => {
  after(closeAll);

  /** The claim's prompt fix for its first missing criterion, run as the light bulb would run it. */
  async function runPromptFix(claim: vscode.Uri): Promise<{ args: InsertPromptArgs; ran: boolean }> {
    const d = (await diagnostics(claim, has('missing-documentation'))).find((x) => ruleOf(x) === 'missing-documentation')!;
    const { actions, match: fix } = await codeActionsUntil(claim, d.range, (a) => a.title.startsWith('Insert documentation prompt'), vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.command, actions.map((a) => a.title).join(' | '));
    assert.ok(fix.isPreferred);
    const args = fix.command!.arguments![0] as InsertPromptArgs;
    const ran = await vscode.commands.executeCommand<boolean>(fix.command!.command, ...fix.command!.arguments!);
    return { args, ran };
  }

  async function revert(doc: vscode.TextDocument): Promise<void> {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }

  it('a fix run from the claim opens the note beside it with the snippet, cursor in the first placeholder; undo in the note restores it', async () => {
    const claim = fixture('graft.claim');
    const claimEditor = await open(claim);
    const note = await vscode.workspace.openTextDocument(fixture('graft.note'));
    const original = note.getText();
    const { args, ran } = await runPromptFix(claim);
    assert.ok(ran, 'the snippet was inserted');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), note.uri.toString(), 'the note editor is active');
    assert.notStrictEqual(editor.viewColumn, claimEditor.viewColumn, 'beside the claim');
    const plain = snippetToText(args.prompts[0].snippet);
    assert.ok(note.getText().includes(plain), `the prompt is in the note:\n${note.getText()}`);
    // It joins the Assessment/Plan section, on a line of its own, after the section's last line.
    assert.match(note.getText(), /ASSESSMENT AND PLAN:\nAutologous fat grafting[^\n]*\n[^\n]/);
    // The first placeholder is selected: typing replaces it.
    const first = /\$\{1:([^}]*)\}/.exec(args.prompts[0].snippet)?.[1];
    assert.ok(first, 'the prompt has a first placeholder');
    assert.strictEqual(editor.document.getText(editor.selection), snippetToText(first!));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(note.getText(), original, 'undo in the note restores it');
    await revert(note);
  });

  it('inserting a prompt does not clear the diagnostic; filling it in with documenting words does', async () => {
    const claim = fixture('graft.claim');
    await open(claim);
    const note = await vscode.workspace.openTextDocument(fixture('graft.note'));
    await diagnostics(note.uri, (d) => d.length > 0);
    await diagnostics(claim, has('missing-documentation'));
    // The claim is re-checked once the note holds the unfilled prompt: it still misses the criterion.
    const rechecked = publishedAfter(note.uri, claim);
    const { ran } = await runPromptFix(claim);
    assert.ok(ran);
    await rechecked;
    assert.ok(has('missing-documentation')(ours(claim)), 'an unfilled prompt documents nothing');
    // The clinician types in the first placeholder (documenting words written by this test).
    await vscode.commands.executeCommand('type', { text: 'she is unable to close her mouth fully, and food falls out of her mouth when she eats' });
    await diagnostics(claim, lacks('missing-documentation'));
    await revert(note);
    await diagnostics(claim, has('missing-documentation'));
  });

  it('in a CRLF note, the inserted prompt uses CRLF', async () => {
    const noteUri = fixture('crlf.note');
    const claimUri = fixture('crlf.claim');
    const bytes = (s: string) => new TextEncoder().encode(s);
    const noteText = (await vscode.workspace.fs.readFile(fixture('graft.note'))).toString().replace(/\r?\n/g, '\r\n');
    const claimText = (await vscode.workspace.fs.readFile(fixture('graft.claim'))).toString().replace('note: graft.note', 'note: crlf.note');
    await vscode.workspace.fs.writeFile(noteUri, bytes(noteText));
    await vscode.workspace.fs.writeFile(claimUri, bytes(claimText));
    try {
      await open(claimUri);
      const { ran } = await runPromptFix(claimUri);
      assert.ok(ran);
      const note = vscode.window.activeTextEditor!.document;
      assert.strictEqual(note.uri.toString(), noteUri.toString());
      assert.strictEqual(note.eol, vscode.EndOfLine.CRLF);
      await note.save();
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(noteUri));
      assert.ok(saved.length > noteText.length, 'the prompt was saved');
      assert.ok(!/[^\r]\n/.test(saved), 'every line ends with CRLF');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(noteUri);
      await vscode.workspace.fs.delete(claimUri);
    }
  });

  it('no-note: creates a note holding the prompts and links it to the claim', async () => {
    const uri = fixture('draft.claim');
    const editor = await open(uri);
    const d = (await diagnostics(uri, has('no-note'))).find((x) => ruleOf(x) === 'no-note')!;
    const { actions, match: fix } = await codeActionsUntil(uri, d.range, (a) => /Create and link note draft\.note/.test(a.title));
    assert.ok(fix.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.getText(), /^note: draft\.note$/m);
    const note = await vscode.workspace.openTextDocument(fixture('draft.note'));
    // The prompt's fixed wording before its first placeholder (data: the installed concept file).
    const ext = vscode.extensions.getExtension('clinlint.clinlint')!;
    const concept = JSON.parse(readFileSync(join(ext.extensionPath, 'policies/concepts/functional-impairment.json'), 'utf8')) as { prompt: string };
    const lead = concept.prompt.split('${')[0].trim();
    assert.ok(note.getText().includes(lead), note.getText());
    await diagnostics(uri, lacks('no-note'));
  });

  it('unknown payer: replaced by a known payer name', async () => {
    const uri = fixture('unknown-payer.claim');
    const editor = await open(uri);
    const d = (await diagnostics(uri, has('unknown-payer'))).find((x) => ruleOf(x) === 'unknown-payer')!;
    const { actions, match: fix } = await codeActionsUntil(uri, d.range, (a) => a.title === 'Change payer to "Anthem"');
    assert.ok(fix.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.lineAt(1).text, /^payer: Anthem$/);
    await diagnostics(uri, lacks('unknown-payer'));
  });
});
