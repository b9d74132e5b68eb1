/** Completion in claims, as a coder meets it: note paths, codes of the claim's payer, pump drugs; payer fixes ranked. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic } from 'vscode-languageserver/node';
import { LspClient, scratchWorkspace } from './lsp';

describe('completion in claims', () => {
  let c: LspClient;
  before(async () => {
    // The examples' layout: claims/ and notes/ side by side.
    const root = scratchWorkspace();
    mkdirSync(join(root, 'claims'));
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'visit.note'), 'PLAN:\nFictional.\n');
    c = await LspClient.start({ root });
  });
  after(() => c.stop());

  let n = 0;
  /** Labels offered at the end of the last line of `text` (a claim under claims/). */
  const labels = async (text: string) => {
    const uri = c.open(`claims/c${n++}.claim`, 'claim-draft', text);
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const r = await c.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position });
    const items = Array.isArray(r) ? r : r.items;
    return items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
  };

  it('note paths relative to the claim, ../ included, nearest first', async () => {
    const paths = await labels('payer: BCBS\nnote: ');
    assert.ok(paths.includes('../notes/visit.note'), paths.join());
    assert.ok(paths.includes('../graft.note'), paths.join());
    assert.ok(paths.every((p) => p.startsWith('../')), 'no note lives in claims/');
  });

  it("codes of the claim's payer only, and of its plan when it names one", async () => {
    const bcbs = await labels('payer: BCBS\nline 1: ');
    assert.ok(bcbs.includes('62362') && bcbs.includes('E0782'), bcbs.join());
    assert.ok(!bcbs.includes('15773'), 'no Anthem or Centene codes for a BCBS claim');
    const anthem = await labels('payer: Anthem Blue Cross Connecticut\nline 1: ');
    assert.ok(anthem.includes('15773') && !anthem.includes('62362'), anthem.join());
    assert.deepEqual(await labels('payer: BCBS\nplan: medicare\nline 1: '), [], 'MP-442 covers commercial plans only');
    const any = await labels('line 1: ');
    assert.ok(any.includes('15773') && any.includes('62362'), 'no payer: every policy');
  });

  it('pump drugs on an MP-442 line, none on other lines', async () => {
    assert.deepEqual((await labels('payer: BCBS\nline 1: 62362 dx A drug ')).sort(), ['baclofen', 'morphine', 'ziconotide']);
    assert.deepEqual((await labels('payer: BCBS\nline 1: 62362 dx A drug morphine, ')).sort(), ['baclofen', 'morphine', 'ziconotide']);
    assert.deepEqual(await labels('payer: Anthem\nline 1: 15773 dx A drug '), []);
  });

  it('an unknown payer: the closest known name is the first quick fix', async () => {
    const uri = c.open('claims/bcsb.claim', 'claim-draft', 'payer: BCSB\nnote: ../notes/visit.note\ndx A: G89.4\nline 1: 62362 dx A\n');
    const d = (await c.diagnostics(uri, (x) => x.some((y) => y.code === 'unknown-payer'))).filter((x: Diagnostic) => x.code === 'unknown-payer');
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d[0].range, context: { diagnostics: d } });
    const renames = actions.map((a) => a.title).filter((t) => t.startsWith('Change payer'));
    assert.equal(renames[0], 'Change payer to "BCBS"', renames.join(' | '));
  });
});
