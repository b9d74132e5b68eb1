/** Hover, completion, definition, document symbols, checklist and rationale over the wire. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver/node';
import { run } from '../../server/src/cli/main';
import { LspClient, positionOf, scratchWorkspace } from './lsp';
import { ChecklistRequest, RationaleRequest } from '../../server/src/protocol';

describe('editor features', () => {
  let c: LspClient;
  let claim: string;
  let note: string;
  before(async () => {
    c = await LspClient.start({ root: scratchWorkspace() });
    claim = c.open('graft.claim');
    note = c.open('graft.note');
    await c.diagnostics(claim, (d) => d.length > 0);
    await c.diagnostics(note, (d) => d.length > 0);
  });
  after(() => c.stop());

  const hover = async (uri: string, needle: string, delta = 1) => {
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(c.text(uri), needle, delta) });
    return h ? (h.contents as MarkupContent).value : '';
  };

  it('hover on a code: descriptor, policy, verbatim section text, checklist', async () => {
    const md = await hover(claim, '15773');
    assert.match(md, /\*\*15773\*\*: Grafting of autologous fat/);
    assert.match(md, /Anthem Blue Cross Connecticut MED\.00132 §II/);
    assert.match(md, /plans: commercial/);
    assert.match(md, /^> /m, 'quotes the section text');
    assert.match(md, /❌ \*\*significant functional impairment\*\*: not documented/);
    // The evidence line links to the note line (1-based, as VS Code opens `#L11`).
    assert.match(md, /✅ \*\*expectation that the procedure will improve the functional impairment\*\*: "The grafting is expected to improve oral competence\." \(\[graft\.note line 11\]\(file:\/\/\/[^)]*\/graft\.note#L11\)\)/);
    // Status and checklist first, reachable without scrolling; the policy's own text after.
    assert.ok(md.indexOf('❌') < md.indexOf('\n> '), 'the checklist comes before the quoted section text');
    assert.ok(md.indexOf('MED.00132 §II**: documentation missing') < md.indexOf('---'), 'the status per policy comes first');
  });

  it('hover renders policy text as markdown: paired emphasis kept, no stray ** nor [®]', async () => {
    const uri = c.open('centene.claim', 'claim-draft', 'payer: Centene\nplan: commercial\ndate: 2025-01-02\nnote: graft.note\ndx A: M34.0\nline 1: 15877 dx A\n');
    await c.diagnostics(uri, (d) => d.length > 0);
    const md = await hover(uri, '15877');
    const quoted = md.split('\n').filter((l) => l.startsWith('> ')).join('\n');
    assert.match(quoted, /Centene Corporation® that \*reconstructive procedures\* are considered \*\*medically necessary\*\*/);
    assert.doesNotMatch(quoted, /\[®\]|\[™\]/, 'no bracketed marks');
  });

  it('hover on a code whose criterion is a conjunction quotes each part (CP.MP.31 I.A.3 scar symptoms)', async () => {
    const keloid = c.open(
      'keloid.note',
      'clinical-note',
      'HPI:\nLeft earlobe keloid after piercing. The keloid throbs daily despite three triamcinolone injections.\n' +
        'It has become infected three times this year and the surface keeps breaking down.\n',
    );
    const uri = c.open('keloid.claim', 'claim-draft', 'payer: Centene\nplan: commercial\ndate: 2025-05-20\nnote: keloid.note\nline 1: 11442 ; excision keloid, left earlobe\n');
    await c.diagnostics(keloid, () => true);
    await c.diagnostics(uri, () => true);
    const md = await hover(uri, '11442');
    assert.match(
      md,
      /✅ \*\*scar\/keloid pain unresponsive to conservative therapy and recurrent infection, instability or friability\*\*: "The keloid throbs daily despite three triamcinolone injections\." \(\[keloid\.note line 2\]\([^)]*\)\); and "It has become infected three times this year and the surface keeps breaking down\." \(\[keloid\.note line 3\]/,
    );
  });

  it('hover on a code mention in a note, and on evidence', async () => {
    assert.match(await hover(note, 'CPT 15773', 5), /MED\.00132 §II/);
    const ev = await hover(note, 'expected to improve');
    assert.match(ev, /Documents \*\*expectation that the procedure will improve/);
    assert.equal(await hover(note, 'Fictional', 0).then((m) => /Documents/.test(m) || m === ''), true);
  });

  it('completion: codes with descriptors after "line n:"', async () => {
    const uri = c.open('new.claim', 'claim-draft', 'payer: \nplan: \nnote: \ndx A: M34.0\nline 1: 157\nline 2: 15773 dx \n');
    const at = (line: number, character: number) =>
      c.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: { line, character } }).then((r) => (Array.isArray(r) ? r : r.items));
    const codes = await at(4, 11);
    const item = codes.find((i) => i.label === '15773');
    assert.ok(item, 'offers 15773');
    assert.match(item!.detail ?? '', /autologous fat/i);
    assert.ok(codes.some((i) => i.label === '62362'), 'codes of every loaded policy');
    const payers = (await at(0, 7)).map((i) => i.label);
    assert.ok(payers.includes('Anthem Blue Cross Connecticut') && payers.includes('Centene'), payers.join());
    assert.deepEqual((await at(1, 6)).map((i) => i.label), ['commercial', 'medicare', 'medicaid']);
    assert.ok((await at(2, 6)).some((i) => i.label === 'graft.note'), 'note paths');
    assert.deepEqual((await at(5, 17)).map((i) => i.label), ['A'], 'dx letters of the claim');
    const keys = (await at(6, 0)).map((i) => i.label);
    assert.ok(keys.includes('payer') && keys.includes('line') && keys.includes('dx'), keys.join());
  });

  it('definition: from a code to its section in the policy file', async () => {
    const locs = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: claim }, position: positionOf(c.text(claim), '15773', 2) });
    assert.ok(locs.length >= 1);
    const first = locs[0];
    assert.match(first.uri, /anthem-med-00132\.json$/);
    const line = readFileSync(fileURLToPath(first.uri), 'utf8').split('\n')[first.range.start.line];
    assert.match(line, /"id":\s*"II"/, `points at the section: ${line}`);
  });

  it('document symbols: claim headers, dx and lines; note sections', async () => {
    const cs = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: claim } });
    const names = cs.map((s) => s.name);
    assert.ok(names.includes('line 1: 15773'), names.join());
    assert.ok(names.includes('dx A: M34.0'), names.join());
    assert.ok(names.some((n) => n.startsWith('payer: Anthem')), names.join());
    const ns = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: note } });
    const sections = ns.map((s) => s.name);
    assert.ok(sections.includes('HISTORY OF PRESENT ILLNESS') && sections.includes('ASSESSMENT AND PLAN'), sections.join());
    const ap = ns.find((s) => s.name === 'ASSESSMENT AND PLAN')!;
    assert.deepEqual(ap.children?.map((x) => x.name), ['15773']);
  });

  it('checklist and rationale requests render markdown', async () => {
    const { markdown: list } = await c.request(ChecklistRequest, { uri: claim });
    assert.match(list, /^# Coverage checklist: claim E2E-0001/);
    assert.match(list, /## 15773 \(line 11\): documentation missing/);
    assert.match(list, /❌ \*\*significant functional impairment\*\*/);
    const { markdown: memo } = await c.request(RationaleRequest, { uri: claim });
    assert.match(memo, /^# Coverage rationale: claim E2E-0001 \(graft\.claim\)/);
    assert.match(memo, /"The grafting is expected to improve oral competence\." \(graft\.note line 11 \[2\]\)/);
    // A claim with a gap: each gap with its prompt, and no APPROVE line.
    assert.match(memo, /## What is missing\n\n### Significant functional impairment: 15773 \(claim line 1\)[^\n]*\n\n- ClinLint found no statement documenting it\.\n(?:- [^\n]*\n)*- Documentation prompt for the clinician/);
    assert.match(memo, /- \*\*PEND\*\* 15773 \(claim line 1\): documentation incomplete/);
    assert.doesNotMatch(memo, /APPROVE/);
    assert.match(memo, /## Citations\n\n1\. Anthem Blue Cross Connecticut, MED\.00132/);
    // One renderer: `clinlint rationale` on the same files prints the same text.
    let printed = '';
    const status = run(['rationale', fileURLToPath(claim)], { stdout: (t) => (printed += t), stderr: () => {}, cwd: dirname(fileURLToPath(claim)) });
    assert.equal(status, 1, 'the claim has a gap (an error)');
    assert.equal(printed, memo);
  });
});
