/** clinlint/evidence and the evidence hover: a note's sentences as a linking claim weighed them. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { type EvidenceResult, EvidenceRequest } from '../../server/src/protocol';
import { LspClient, positionOf, scratchWorkspace } from './lsp';

// Fictional. The note names no code: its marks come from the claim that links it.
const NOTE = [
  'HISTORY OF PRESENT ILLNESS:',
  'Fictional patient with systemic sclerosis and loss of facial fat caused by the disease.',
  'She denies difficulty chewing.',
  'ASSESSMENT AND PLAN:',
  'The grafting is expected to improve oral competence.',
  '',
].join('\n');
const CLAIM = 'payer: Anthem Blue Cross Connecticut\nplan: commercial\nnote: ev.note\ndx A: M34.0\nline 1: 15773 dx A\n';

describe('evidence marks in a note', () => {
  let c: LspClient;
  let note: string;
  let claim: string;
  before(async () => {
    const root = scratchWorkspace();
    writeFileSync(join(root, 'ev.note'), NOTE);
    writeFileSync(join(root, 'ev.claim'), CLAIM);
    c = await LspClient.start({ root });
    note = c.open('ev.note');
    claim = c.open('ev.claim');
    await c.diagnostics(claim, (d) => d.length > 0);
  });
  after(() => c.stop());

  const marks = () => c.request(EvidenceRequest, { uri: note });
  const covered = (r: EvidenceResult, needle: string) => {
    const p = positionOf(NOTE, needle);
    return r.marks.filter(
      (m) => m.range.start.line === p.line && m.range.start.character <= p.character && m.range.end.character > p.character,
    );
  };

  it('marks the sentence that documents a criterion for the linking claim, and the near miss apart', async () => {
    const r = await marks();
    const met = covered(r, 'expected to improve');
    assert.deepEqual(
      met.map((m) => [m.kind, m.criterion, m.code]),
      [['met', 'expected-improvement', '15773']],
    );
    assert.equal(met[0].range.end.character, 'The grafting is expected to improve oral competence.'.length, 'the whole sentence');
    const near = covered(r, 'denies difficulty');
    assert.deepEqual(
      near.map((m) => [m.kind, m.criterion, m.reason]),
      [['near', 'functional-impairment', 'negated']],
    );
    assert.equal(covered(r, 'ASSESSMENT').length, 0, 'headings are not evidence');
  });

  it('the hover over a marked sentence names the criterion and the code, even with no code in the note', async () => {
    const hover = async (needle: string) => {
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: note }, position: positionOf(NOTE, needle, 2) });
      return h ? (h.contents as MarkupContent).value : '';
    };
    assert.match(
      await hover('expected to improve'),
      /✅ Documents \*\*expectation that the procedure will improve the functional impairment\*\* for 15773 on ev\.claim \(Anthem Blue Cross Connecticut MED\.00132 §II\)/,
    );
    assert.match(
      await hover('denies difficulty'),
      /❌ Does not document \*\*significant functional impairment\*\* for 15773 on ev\.claim: negated/,
    );
  });

  it('a claim is no note: no marks', async () => {
    assert.deepEqual((await c.request(EvidenceRequest, { uri: claim })).marks, []);
  });

  it('a stale mark never lands on other words: after an edit above, the marks move with the text', async () => {
    const edited = `Addendum line.\n${NOTE}`;
    c.change(note, edited);
    await c.nextDiagnostics(claim, () => true);
    const r = await marks();
    const met = r.marks.find((m) => m.kind === 'met' && m.criterion === 'expected-improvement');
    assert.equal(met?.range.start.line, 5);
  });
});
