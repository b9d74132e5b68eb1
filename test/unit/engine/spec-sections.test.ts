/**
 * SPEC 3.1's reading of the four policies, as the registry sees it: which section governs
 * which code, which alternatives of CP.MP.31 I.A fit a code, plans, dates and advisories.
 * (test/unit/policies/seeds.test.ts already checks that every code of the seeds' code tables
 * is in its policy with its descriptor and governed by some section; this checks the sections.
 * MED.00132's seed has no code table, so its codes come from SPEC 3.1 here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeFits } from '../../../server/src/engine/policies/registry';
import type { Requirement } from '../../../server/src/engine/policies/schema';
import { engine } from './helpers';

const sections = (code: string, policy: string) =>
  engine()
    .registry.sectionsFor(code)
    .filter((g) => g.policy.policy.id === policy)
    .map((g) => g.section.id);

function range(first: number, last: number, suffix = ''): string[] {
  const out: string[] = [];
  for (let n = first; n <= last; n++) out.push(String(n).padStart(4, '0') + suffix);
  return out;
}

test('MED.00132: §I 0489T, 0490T, 0565T, 0566T; §II 15769, 15771-15774; §III 11950-11954, G0429, Q2026, Q2028', () => {
  for (const c of ['0489T', '0490T', '0565T', '0566T']) assert.deepEqual(sections(c, 'MED.00132'), ['I'], c);
  for (const c of ['15769', ...range(15771, 15774)]) assert.deepEqual(sections(c, 'MED.00132'), ['II'], c);
  for (const c of [...range(11950, 11954), 'G0429', 'Q2026', 'Q2028']) assert.deepEqual(sections(c, 'MED.00132'), ['III'], c);
  const p = engine().registry.policy('MED.00132')!.policy;
  assert.equal(p.payer, 'Anthem Blue Cross Connecticut');
  assert.ok(p.aliases.includes('Anthem'));
  assert.deepEqual(p.plans, ['commercial']);
  assert.equal(p.sections.find((s) => s.id === 'I')!.kind, 'investigational');
});

function alternativesFitting(policy: string, code: string): string[] {
  const section = engine().registry.policy(policy)!.policy.sections.find((s) => s.id === 'I.A')!;
  const tree = section.requires as { any: Requirement[] };
  return tree.any
    .filter((n): n is Exclude<Requirement, string> & { id?: string; codes?: string[] } => typeof n !== 'string')
    .filter((n) => !('codes' in n) || !n.codes || codeFits(code, n.codes))
    .map((n) => ('id' in n ? n.id! : '?'));
}

test('CP.MP.31 I.A: the alternatives that fit each code (SPEC 3.1)', () => {
  assert.deepEqual(alternativesFitting('CP.MP.31', '11200'), ['I.A.1', 'I.A.2']);
  assert.deepEqual(alternativesFitting('CP.MP.31', '11201'), ['I.A.1', 'I.A.2']);
  for (const c of ['11400', '11406', '11426', '11446', '17110', '17111']) assert.deepEqual(alternativesFitting('CP.MP.31', c), ['I.A.1', 'I.A.3'], c);
  for (const c of ['19316', '19318', '19340', '19350', '19396', '19499', '11920', '11921', '11922']) {
    assert.deepEqual(alternativesFitting('CP.MP.31', c), ['I.A.1', 'I.A.4.a'], c);
  }
  for (const c of ['G0429', 'Q2026', 'Q2028', '15773', '15774']) assert.deepEqual(alternativesFitting('CP.MP.31', c), ['I.A.1', 'I.A.4.b'], c);
  for (const c of ['15877', '21230', '61550', '15220']) assert.deepEqual(alternativesFitting('CP.MP.31', c), ['I.A.1'], c);
});

test('CP.MP.31 §II: the cosmetic letters of SPEC 3.1', () => {
  const letter = (code: string) => sections(code, 'CP.MP.31').filter((s) => s.startsWith('II'));
  assert.deepEqual(letter('15877'), ['II.E']);
  assert.deepEqual(letter('19325'), ['II.D']);
  assert.deepEqual(letter('19316'), ['II.R']);
  assert.deepEqual(letter('19355'), ['II.S']);
  assert.deepEqual(letter('15775'), ['II.N']);
  assert.deepEqual(letter('15776'), ['II.N']);
  for (const c of ['15830', ...range(15832, 15839)]) assert.deepEqual(letter(c), ['II.A'], c);
  assert.deepEqual(letter('15847'), ['II.J']);
  for (const c of ['15788', '15789', '15792', '15793']) assert.deepEqual(letter(c), ['II.L'], c);
  for (const s of engine().registry.policy('CP.MP.31')!.policy.sections.filter((x) => x.id.startsWith('II'))) {
    assert.equal(s.kind, 'cosmetic', s.id);
    assert.ok(JSON.stringify(s.when).includes('cosmetic-intent'), `${s.id} applies only when the purpose is appearance`);
  }
});

test('CP.MP.31: Centene, commercial and medicaid, effective 2024-11-01, photographs "as applicable"', () => {
  const p = engine().registry.policy('CP.MP.31')!.policy;
  assert.equal(p.payer, 'Centene');
  assert.deepEqual([...p.plans].sort(), ['commercial', 'medicaid']);
  assert.equal(p.effective, '2024-11-01');
  assert.deepEqual(p.sections.find((s) => s.id === 'I.A')!.advisory, ['photographs']);
});

test('MC.CP.MP.31: medicare only, effective 2025-08-01, I.A.1-3 (I.A.4 removed in 08/25), no photographs advisory, one §II', () => {
  const p = engine().registry.policy('MC.CP.MP.31')!.policy;
  assert.deepEqual(p.plans, ['medicare']);
  assert.equal(p.effective, '2025-08-01');
  const ia = p.sections.find((s) => s.id === 'I.A')!;
  assert.deepEqual(alternativesFitting('MC.CP.MP.31', 'Q2028'), ['I.A.1']);
  assert.deepEqual(alternativesFitting('MC.CP.MP.31', '11200'), ['I.A.1', 'I.A.2']);
  assert.deepEqual(alternativesFitting('MC.CP.MP.31', '17110'), ['I.A.1', 'I.A.3']);
  assert.deepEqual((ia.requires as { any: { id: string }[] }).any.map((n) => n.id), ['I.A.1', 'I.A.2', 'I.A.3']);
  assert.ok(!ia.advisory || ia.advisory.length === 0);
  assert.deepEqual(sections('15877', 'MC.CP.MP.31'), ['I.A', 'II']);
  assert.ok(p.notes.some((n) => /procedure specific criteria/.test(n)), 'the "use only if no procedure-specific criteria" note is kept for hovers');
});

test('MP-442: implantation codes need a path; removal, refill and analysis codes do not', () => {
  for (const c of ['62350', '62351', '62360', '62361', '62362', 'E0782', 'E0783']) assert.deepEqual(sections(c, 'MP-442'), ['POLICY'], c);
  for (const c of ['62355', '62365', '62367', '62368', '62369', '62370', '95990', '95991', 'A4220', 'A4300', 'A4301', 'E0785', 'E0786']) {
    assert.deepEqual(sections(c, 'MP-442'), ['CODING'], c);
  }
  const p = engine().registry.policy('MP-442')!.policy;
  const policy = p.sections.find((s) => s.id === 'POLICY')!;
  assert.deepEqual((policy.requires as { any: { id: string; all: string[] }[] }).any.map((n) => [n.id, n.all]), [
    ['pain', ['intractable-pain', 'pump-trial-relief']],
    ['spasticity', ['spasticity-origin', 'oral-baclofen-failed']],
  ]);
  assert.ok(p.aliases.includes('BCBS'));
  assert.equal(p.sections.find((s) => s.id === 'CODING')!.requires, undefined);
});
