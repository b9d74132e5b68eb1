/** Hover, checklist, rationale and outline services over a real engine result (in process), on the frozen fixture policies. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { Engine } from '../../../server/src/engine';
import type { CheckResult } from '../../../server/src/engine/results';
import type { Catalog } from '../../../server/src/services/catalog';
import { renderChecklist } from '../../../server/src/services/checklist';
import { catalogFrom } from '../../../server/src/services/engineAdapter';
import { hoverAt } from '../../../server/src/services/hover';
import { draftRationale } from '../../../server/src/services/rationale';
import { outline } from '../../../server/src/services/symbols';
import { fixtureEngine, FIXTURE_POLICIES, ROOT } from '../engine/helpers';

const WS = resolve(__dirname, '../../e2e/workspace');
const files = new Map<string, string>();
const host = { readText: (p: string) => files.get(p) ?? (() => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } })() };

/** Checks `text` as `name` in the fixture folder; `|` marks the caret and is removed. */
function check(engine: Engine, name: string, text: string): { result: CheckResult; caret: number } {
  const caret = text.indexOf('|');
  const clean = caret >= 0 ? text.slice(0, caret) + text.slice(caret + 1) : text;
  const path = join(WS, name);
  files.set(path, clean);
  return { result: engine.check({ path, text: clean }, host), caret };
}

describe('editor services', () => {
  let engine: Engine;
  let catalog: Catalog;
  before(() => {
    engine = fixtureEngine();
    catalog = catalogFrom(engine.registry, engine.concepts);
  });

  it('the catalog knows policies, sections with file ranges, descriptors, payers and concepts', () => {
    assert.equal(catalog.policies.length, readdirSync(FIXTURE_POLICIES).filter((f) => f.endsWith('.json')).length);
    const s = catalog.section('MED.00132', 'II')!;
    assert.equal(s.policy.payer, 'Anthem Blue Cross Connecticut');
    assert.match(s.policy.file!, /anthem-med-00132\.json$/);
    assert.ok(s.range && s.range.start.line > 0);
    assert.ok(catalog.sectionsFor('15773').some((x) => x.policy.id === 'MED.00132'));
    assert.match(catalog.descriptor('15773')!, /autologous fat/i);
    assert.ok(catalog.payers().includes('BCBS'));
    assert.equal(catalog.concept('functional-impairment')?.label, 'significant functional impairment');
  });

  it('hover on a code (caret inside it): policy, section text, checklist', () => {
    const { result, caret } = check(engine, 'h.claim', 'payer: Anthem\nnote: graft.note\ndx A: M34.0\nline 1: 157|73 dx A\n');
    const h = hoverAt(result, catalog, caret)!;
    assert.match(h.markdown, /MED\.00132 §II/);
    assert.match(h.markdown, /❌ \*\*significant functional impairment\*\*/);
    assert.equal(result.document.text.slice(h.span.start, h.span.end), '15773');
  });

  it('hover elsewhere is nothing; on evidence it names the criterion', () => {
    const { result, caret } = check(engine, 'h.note', '---\npayer: Anthem\n---\nPLAN:\nFat grafting, CPT 15773, is expected to im|prove mouth closure.\n');
    const h = hoverAt(result, catalog, caret);
    assert.match(h?.markdown ?? '', /Documents \*\*expectation/);
    assert.equal(hoverAt(result, catalog, 1), undefined);
  });

  it('checklist and rationale of a supported claim', () => {
    const { result } = check(engine, 'complete.claim', readFileSync(join(WS, 'complete.claim'), 'utf8'));
    const list = renderChecklist(result, catalog, 'complete.claim');
    assert.match(list, /## 15773 \(line 11\): supported/);
    assert.match(list, /✅ \*\*significant functional impairment\*\*: "She is unable to close her mouth fully/);
    const memo = draftRationale(engine, result, host, catalog);
    assert.match(memo, /^# Coverage rationale: claim E2E-0004 \(complete\.claim\)/);
    assert.match(memo, /- 15773 \(claim line 1\): the documentation meets Anthem Blue Cross Connecticut MED\.00132 §II \(Autologous fat grafting\) \[1\]/);
    assert.match(memo, /- \*\*APPROVE\*\* 15773 \(claim line 1\) as medically necessary under Anthem Blue Cross Connecticut MED\.00132 §II/);
  });

  it("checklist of a near miss: why it does not count, in the engine's one near-miss wording", () => {
    const text = readFileSync(join(ROOT, 'examples', 'notes', '2024-10-07-pump-trial-partial.note'), 'utf8');
    const list = renderChecklist(check(engine, 'partial.note', text).result, catalog, 'partial.note');
    assert.match(list, /"Pain decreased from 8\/10 to 5\/10 during the trial\." at line \d+ does not count: 37\.5% pain reduction, not more than 50%/);
  });

  it('rationale of a claim with no codes, and of a not-covered code', () => {
    const draft = (name: string, text: string) => draftRationale(engine, check(engine, name, text).result, host, catalog);
    assert.match(draft('e.claim', 'payer: Anthem\n'), /No procedure codes to determine/);
    const memo = draft('l.claim', 'payer: Anthem\nnote: graft.note\ndx A: M79.671\nline 1: 0565T dx A\n');
    assert.match(memo, /0565T \(claim line 1\): not covered under Anthem Blue Cross Connecticut MED\.00132 §I /);
    assert.match(memo, /\*\*DENY\*\* 0565T/);
    assert.doesNotMatch(memo, /APPROVE/);
  });

  it('outline of a claim and of a note', () => {
    const claim = outline(check(engine, 'o.claim', 'payer: Anthem\ndx A: M34.0 Scleroderma\nline 1: 15773-RT dx A\n').result.document);
    assert.deepEqual(claim.map((i) => i.name), ['payer: Anthem', 'dx A: M34.0', 'line 1: 15773-RT']);
    const note = outline(check(engine, 'o.note', 'HPI:\nScleroderma.\nASSESSMENT AND PLAN:\nCPT 15773.\n').result.document);
    assert.deepEqual(note.map((i) => [i.name, i.children.map((c) => c.name)]), [['HPI', []], ['ASSESSMENT AND PLAN', ['15773']]]);
  });
});
