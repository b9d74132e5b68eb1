/** Quick fixes and the insert-all source action: apply the edit, re-check, the problem is gone. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { snippetToText } from '../../server/src/engine';
import { LspClient, ROOT, scratchWorkspace } from './lsp';

/** A concept's prompt as the policy folder holds it (prompt wording is data: opaque here). */
const promptOf = (id: string): string => JSON.parse(readFileSync(join(ROOT, 'policies/concepts', `${id}.json`), 'utf8')).prompt;
/** The prompt's fixed wording before its first placeholder. */
const leadOf = (id: string): string => promptOf(id).split('${')[0].trim();

describe('code actions', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ root: scratchWorkspace() });
  });
  after(() => c.stop());

  const actions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    });

  it('missing-documentation in a claim: the prompt goes into the linked note; it counts once filled in', async () => {
    const claim = c.open('graft.claim');
    const diags = await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
    const missing = diags.filter((x) => x.code === 'missing-documentation');
    const fixes = await actions(claim, missing);
    const fix = fixes.find((a) => a.title.startsWith('Insert documentation prompt'));
    assert.ok(fix, fixes.map((a) => a.title).join(' | '));
    assert.equal(fix!.kind, 'quickfix');
    assert.equal(fix!.isPreferred, true);
    assert.match(fix!.title, /significant functional impairment in graft\.note/);
    c.applyEdit(fix!.edit!);
    const note = c.uri('graft.note');
    const text = c.text(note);
    assert.match(text, /ASSESSMENT AND PLAN:\nAutologous fat grafting[^\n]*\n/);
    assert.ok(text.includes(`improve oral competence.\n${snippetToText(promptOf('functional-impairment'))}\n`), text);
    assert.ok(!text.includes('${'), 'placeholders become their default text without snippet support');
    // An unfilled prompt documents nothing (SPEC 4.2): the claim, re-checked, still misses it.
    await c.nextDiagnostics(claim);
    assert.ok(c.published.filter((p) => p.uri === claim).at(-1)!.diagnostics.some((x) => x.code === 'missing-documentation'));
    // The clinician's words in place of the placeholder document it.
    c.change(note, text.replace(/\[[^\]]*\]/, 'she is unable to close her mouth fully and food falls out when she eats'));
    await c.diagnostics(claim, (d) => !d.some((x) => x.code === 'missing-documentation'));
  });

  it('offers snippet edits to clients that support them', async () => {
    const s = await LspClient.start({
      root: scratchWorkspace(),
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
    });
    try {
      const note = s.open('graft.note');
      const d = await s.diagnostics(note, (x) => x.some((y) => y.code === 'missing-documentation'));
      const fix = (await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: note }, range: d[0].range, context: { diagnostics: d } })).find((a) => a.title.startsWith('Insert'));
      const edit = (fix!.edit!.documentChanges![0] as { edits: { snippet?: { value: string } }[] }).edits[0];
      assert.ok(edit.snippet!.value.includes(promptOf('functional-impairment')), edit.snippet!.value);
    } finally {
      await s.stop();
    }
  });

  it('source action: insert every missing prompt at once', async () => {
    const uri = c.open('liposuction.note', 'clinical-note', '---\npayer: Centene\nplan: commercial\ndate: 2025-02-20\n---\nHPI:\nAdult patient.\nASSESSMENT AND PLAN:\nLiposuction of the abdomen, CPT 15877.\n');
    const before = await c.diagnostics(uri, (d) => d.filter((x) => x.code === 'missing-documentation').length >= 2);
    const n = before.filter((x) => x.code === 'missing-documentation' && x.severity === 1).length;
    const acts = await actions(uri, [], ['source']);
    const all = acts.find((a) => a.kind === 'source.clinlint.insertAllPrompts');
    assert.ok(all, acts.map((a) => a.kind).join());
    c.applyEdit(all!.edit!);
    const after = await c.diagnostics(uri, (d, p) => p.version === 2);
    const left = after.filter((x) => x.code === 'missing-documentation' && x.severity === 1).length;
    // Every prompt is in the note, each once; unfilled, they change no finding (SPEC 4.2).
    const text = c.text(uri);
    for (const id of ['functional-impairment', 'reconstructive-cause', 'conservative-therapy-failed']) {
      assert.equal(text.split(snippetToText(promptOf(id))).length, 2, `${id} once in:\n${text}`);
    }
    assert.equal(left, n, `missing criteria went from ${n} to ${left}`);
  });

  it('no-note: creates the note with every prompt and links it', async () => {
    const claim = c.open('draft.claim');
    const d = await c.diagnostics(claim, (x) => x.some((y) => y.code === 'no-note'));
    const fix = (await actions(claim, d.filter((x) => x.code === 'no-note'))).find((a) => /note/.test(a.title) && a.isPreferred);
    assert.ok(fix, 'create-note fix');
    c.applyEdit(fix!.edit!);
    const notePath = join(c.root, 'draft.note');
    assert.ok(existsSync(notePath), 'note file created');
    assert.ok(c.text(c.uri('draft.note')).includes(leadOf('functional-impairment')));
    assert.match(c.text(claim), /^note: draft\.note$/m);
    await c.diagnostics(claim, (x) => !x.some((y) => y.code === 'no-note' || y.code === 'note-not-found'));
  });

  it('unknown-payer: replace with a known payer', async () => {
    const uri = c.open('unknown-payer.claim');
    const d = (await c.diagnostics(uri, (x) => x.some((y) => y.code === 'unknown-payer'))).filter((x) => x.code === 'unknown-payer');
    const fixes = await actions(uri, d);
    const anthem = fixes.find((a) => a.title === 'Change payer to "Anthem Blue Cross Connecticut"');
    assert.ok(anthem, fixes.map((a) => a.title).join(' | '));
    c.applyEdit(anthem!.edit!);
    assert.match(c.text(uri), /^payer: Anthem Blue Cross Connecticut$/m);
    await c.diagnostics(uri, (x) => !x.some((y) => y.code === 'unknown-payer'));
  });

  it('claims: disable a rule for one line', async () => {
    // An unsaved note buffer is evidence too (open documents come before disk).
    c.open('disable.note', 'clinical-note', 'HPI:\nScleroderma.\nPLAN:\nFat grafting is expected to improve mouth closure.\n');
    const uri = c.open('disable.claim', 'claim-draft', 'payer: Anthem\nplan: commercial\nnote: disable.note\ndx A: M34.0\nline 1: 15773 dx A # billed\n');
    const d = (await c.diagnostics(uri, (x) => x.some((y) => y.code === 'missing-documentation'))).filter((x) => x.code === 'missing-documentation');
    const fix = (await actions(uri, d)).find((a) => a.title === 'Disable missing-documentation for this line');
    assert.ok(fix);
    c.applyEdit(fix!.edit!);
    assert.match(c.text(uri), /line 1: 15773 dx A # billed {2}# clinlint-disable-line missing-documentation/);
    await c.diagnostics(uri, (x, p) => p.version === 2 && !x.some((y) => y.code === 'missing-documentation'));
  });

  it('claims: an unknown header key is a syntax warning, disabled for its line as syntax', async () => {
    const uri = c.open('header.claim', 'claim-draft', 'payer: Anthem\npayor: Anthem\n');
    const d = (await c.diagnostics(uri, (x) => x.some((y) => String(y.message).startsWith('unknown key')))).filter((x) => x.code === 'syntax');
    assert.deepEqual(d.map((x) => [x.severity, x.range.start.line]), [[2, 1]]);
    const fix = (await actions(uri, d)).find((a) => a.title === 'Disable syntax for this line');
    assert.ok(fix);
    c.applyEdit(fix!.edit!);
    assert.match(c.text(uri), /^payor: Anthem {2}# clinlint-disable-line syntax$/m);
    await c.diagnostics(uri, (x, p) => p.version === 2 && x.length === 0);
  });
});
