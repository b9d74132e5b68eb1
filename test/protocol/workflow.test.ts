/**
 * The coder's fix workflow over the stdio server (SPEC 5, 6): the insert-prompt client command,
 * prompts planned on the note's current text, one gap one diagnostic between a claim and its
 * note, "disable for this line" once, and Check Workspace results that outlive open and close.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver/node';
import { LspClient, scratchWorkspace } from './lsp';
import { CheckFilesRequest, PlanPromptsRequest } from '../../server/src/protocol';

const INSERT = 'clinlint.insertPrompt';
const isMissing = (d: Diagnostic) => d.code === 'missing-documentation';

describe('fix workflow', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ root: scratchWorkspace(), clientCommands: [INSERT] });
  });
  after(() => c.stop());

  const actions = (uri: string, diagnostics: Diagnostic[]) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });

  it('from a claim, the prompt fix is the client command naming the linked note, with no edit', async () => {
    const claim = c.open('graft.claim');
    const gaps = (await c.diagnostics(claim, (d) => d.some(isMissing))).filter(isMissing);
    const fix = (await actions(claim, gaps)).find((a) => a.title.startsWith('Insert documentation prompt'));
    assert.ok(fix, 'a prompt fix');
    assert.equal(fix!.edit, undefined, 'the client inserts it, in the note editor');
    const cmd = fix!.command as Command;
    assert.equal(cmd.command, INSERT);
    const [args] = cmd.arguments as { uri: string; prompts: { snippet: string; section: string }[] }[];
    assert.equal(args.uri, c.uri('graft.note'));
    assert.equal(args.prompts.length, 1);
    assert.match(args.prompts[0].snippet, /\$\{1:/, 'a snippet with placeholders');
    assert.equal(args.prompts[0].section, 'assessment');
    c.close(claim);
  });

  it('the plan is made on the text the client sends now: after edits, no prompt inside a word', async () => {
    const edited = 'HPI:\nPain.\n\nASSESSMENT AND PLAN:\nPartial response to the trial, with words typed since the check.';
    const r = await c.request(PlanPromptsRequest, {
      uri: c.uri('graft.note'),
      prompts: [{ snippet: 'Trial: ${1:[result]}', section: 'procedure' }],
      text: edited,
    });
    assert.deepEqual(r.inserts, [{ position: { line: 4, character: edited.split('\n')[4].length }, snippet: '\nTrial: ${1:[result]}\n' }]);
    const crlf = await c.request(PlanPromptsRequest, {
      uri: c.uri('graft.note'),
      prompts: [{ snippet: 'A ${1:[a]}\nB ${2:[b]}', section: 'assessment' }],
      text: edited.replace(/\n/g, '\r\n') + '\r\n',
    });
    assert.equal(crlf.inserts[0].snippet, 'A ${1:[a]}\r\nB ${2:[b]}\r\n');
  });

  it('a claim and its note: the gap is an error on the claim, information on the note pointing at the claim line', async () => {
    const claim = c.open('graft.claim');
    const note = c.open('graft.note');
    const onClaim = (await c.diagnostics(claim, (d) => d.some(isMissing))).filter(isMissing);
    assert.ok(
      onClaim.every((d) => d.severity === 1),
      'errors on the claim',
    );
    const onNote = (await c.diagnostics(note, (d) => d.some(isMissing) && d.filter(isMissing).every((x) => x.severity === 3))).filter(
      isMissing,
    );
    assert.equal(onNote.length, onClaim.length);
    for (const d of onNote) {
      assert.equal(d.relatedInformation?.[0].location.uri, claim);
      assert.equal(d.relatedInformation?.[0].location.range.start.line, onClaim[0].range.start.line);
      assert.match(d.relatedInformation![0].message, /reported on the claim: graft\.claim line 11/);
    }
    // Closing the claim: the note reports its own mention as an error again.
    c.close(claim);
    await c.diagnostics(note, (d) => d.some(isMissing) && d.filter(isMissing).every((x) => x.severity === 1));
    c.close(note);
  });

  it('"Disable for this line" is offered once for a line with several diagnostics', async () => {
    c.open('tags.note', 'clinical-note', 'HPI:\nSkin tags of the neck.\n');
    const claim = c.open(
      'tags.claim',
      'claim-draft',
      'payer: Centene\nplan: commercial\ndate: 2025-01-10\nnote: tags.note\nline 1: 11200\n',
    );
    const d = await c.diagnostics(claim, (x) => x.filter(isMissing).length >= 2);
    const titles = (await actions(claim, d)).map((a) => a.title);
    assert.equal(titles.filter((t) => t === 'Disable missing-documentation for this line').length, 1, titles.join(' | '));
  });

  it('Check Workspace results stay when a file is opened and closed, until it changes or is deleted', async () => {
    const note = c.uri('complete.note');
    const claim = c.uri('draft.claim');
    await c.request(CheckFilesRequest, { uris: [claim, note] });
    const before = await c.diagnostics(claim, (d) => d.some((x) => x.code === 'no-note'));
    const opened = c.nextDiagnostics(claim);
    c.open('draft.claim');
    await opened;
    const closed = c.nextDiagnostics(claim);
    c.close(claim);
    const after = await closed;
    assert.deepEqual(
      after.map((x) => x.code),
      before.map((x) => x.code),
      'still there after open and close',
    );
    // Changed on disk: checked again. Deleted: cleared.
    writeFileSync(join(c.root, 'draft.claim'), 'payer: Anthem\nline 1: 1577\n');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: claim, type: 2 }] });
    await c.diagnostics(claim, (d) => d.some((x) => x.code === 'syntax') && !d.some((x) => x.code === 'no-note'));
    rmSync(join(c.root, 'draft.claim'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: claim, type: 3 }] });
    await c.diagnostics(claim, (d) => d.length === 0);
  });
});
