/** The bundled policies encode SPEC 3.1: criteria, alternatives, cosmetic letters, notices. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledPolicyDir, loadPolicyFiles, readPolicyDir } from '../../../server/src/engine/policies/load';
import { PolicyRegistry } from '../../../server/src/engine/policies/registry';
import type { Requirement, Section } from '../../../server/src/engine/policies/schema';

const CRITERIA = [
  'functional-impairment', 'expected-improvement', 'reconstructive-cause', 'conservative-therapy-failed',
  'cosmetic-intent', 'skin-tag-location', 'skin-tag-irritation-bleeding', 'scar-symptoms',
  'post-mastectomy-asymmetry', 'hiv-diagnosis', 'facial-lipodystrophy', 'photographs', 'intractable-pain',
  'pump-trial-relief', 'headache-indication', 'spasticity-origin', 'oral-baclofen-failed', 'unapproved-drug',
];

const { policies, concepts } = loadPolicyFiles(readPolicyDir(bundledPolicyDir()!).files);
const registry = new PolicyRegistry(policies);
const policy = (id: string) => registry.policy(id)!.policy;
const section = (id: string, sid: string) => policy(id).sections.find((s) => s.id === sid)!;

function criteriaOf(r: Requirement | undefined, out = new Set<string>()): Set<string> {
  if (r === undefined) return out;
  if (typeof r === 'string') out.add(r);
  else if ('not' in r) criteriaOf(r.not, out);
  else for (const x of 'all' in r ? r.all : r.any) criteriaOf(x, out);
  return out;
}

function sectionCriteria(s: Section): Set<string> {
  const out = criteriaOf(s.requires);
  criteriaOf(s.when, out);
  for (const e of s.exclusions ?? []) criteriaOf(e.when, out);
  for (const n of s.notices ?? []) criteriaOf(n.when, out);
  for (const a of s.advisory ?? []) out.add(a);
  return out;
}

test('policies use only the SPEC 4 criterion ids, each defined by a concept file', () => {
  const defined = new Set(concepts.map((c) => c.concept.id));
  for (const p of policies) {
    for (const s of p.policy.sections) {
      for (const c of sectionCriteria(s)) {
        assert.ok(CRITERIA.includes(c), `${p.policy.id} ${s.id}: ${c} is a SPEC criterion`);
        assert.ok(defined.has(c), `${p.policy.id} ${s.id}: ${c} has a concept file`);
      }
    }
  }
});

test('every section code has a descriptor in its policy code table', () => {
  for (const p of policies) {
    for (const s of p.policy.sections) {
      for (const ref of s.codes) {
        for (const end of ref.split('-')) assert.ok(p.policy.codes[end], `${p.policy.id} ${s.id}: ${end} has a descriptor`);
      }
    }
  }
});

test('Anthem MED.00132: §I investigational, §II/§III functional criteria, cosmetic exclusion, benefit note', () => {
  const governing = (code: string) => registry.sectionsFor(code).filter((g) => g.policy.policy.id === 'MED.00132').map((g) => g.section.id);
  for (const c of ['0489T', '0490T', '0565T', '0566T']) assert.deepEqual(governing(c), ['I']);
  for (const c of ['15769', '15771', '15774']) assert.deepEqual(governing(c), ['II']);
  for (const c of ['11950', '11954', 'G0429', 'Q2026', 'Q2028']) assert.deepEqual(governing(c), ['III']);
  assert.equal(section('MED.00132', 'I').kind, 'investigational');
  assert.equal(section('MED.00132', 'I').requires, undefined);
  for (const sid of ['II', 'III']) {
    const s = section('MED.00132', sid);
    assert.deepEqual(s.requires, { all: ['functional-impairment', 'expected-improvement'] });
    assert.deepEqual(s.exclusions?.[0].when, { all: ['cosmetic-intent', { not: 'functional-impairment' }] });
    assert.equal(s.notices?.[0].rule, 'benefit-limitation');
    assert.equal(s.notices?.[0].when, 'reconstructive-cause');
  }
  assert.match(section('MED.00132', 'III').text, /lip enhancement/);
});

test('Centene CP.MP.31: I.A alternatives limited by code, photographs advisory, §II letters', () => {
  const ia = section('CP.MP.31', 'I.A');
  assert.equal(ia.kind, 'coverage');
  assert.deepEqual(ia.advisory, ['photographs']);
  const alts = (ia.requires as { any: { id: string }[] }).any.map((a) => a.id);
  assert.deepEqual(alts, ['I.A.1', 'I.A.2', 'I.A.3', 'I.A.4.a', 'I.A.4.b']);
  const letter = (code: string) =>
    registry.sectionsFor(code).filter((g) => g.policy.policy.id === 'CP.MP.31' && g.section.kind === 'cosmetic').map((g) => g.section.id);
  const expected: Record<string, string> = {
    '15877': 'II.E', '19325': 'II.D', '19316': 'II.R', '19355': 'II.S', '15775': 'II.N', '15776': 'II.N',
    '15830': 'II.A', '15839': 'II.A', '15847': 'II.J', '15788': 'II.L', '15793': 'II.L',
  };
  for (const [code, sid] of Object.entries(expected)) assert.deepEqual(letter(code), [sid], code);
  for (const s of policy('CP.MP.31').sections.filter((x) => x.kind === 'cosmetic')) {
    assert.ok(criteriaOf(s.when).has('cosmetic-intent'), `${s.id} applies on cosmetic intent`);
    assert.deepEqual(s.exclusions?.[0].when, s.when);
    assert.equal(s.exclusions?.[0].reason, 'cosmetic');
  }
  assert.equal(policy('CP.MP.31').effective, '2024-11-01');
  assert.deepEqual(policy('CP.MP.31').plans, ['commercial', 'medicaid']);
});

test('Centene MC.CP.MP.31: I.A.1-3 only, no photographs, cosmetic §II, procedure-specific note', () => {
  const p = policy('MC.CP.MP.31');
  assert.deepEqual(p.plans, ['medicare']);
  const ia = section('MC.CP.MP.31', 'I.A');
  assert.deepEqual((ia.requires as { any: { id: string }[] }).any.map((a) => a.id), ['I.A.1', 'I.A.2', 'I.A.3']);
  assert.equal(ia.advisory, undefined);
  assert.equal(section('MC.CP.MP.31', 'II').when, 'cosmetic-intent');
  assert.ok(p.notes.includes('This policy should only be used if there are no available procedure specific criteria.'));
});

test('BCBS MP-442: implantation paths, headache exclusion, unapproved-drug notice on every code', () => {
  const s = section('MP-442', 'POLICY');
  assert.deepEqual(s.requires, {
    any: [
      { id: 'pain', title: 'Severe, chronic, intractable pain', all: ['intractable-pain', 'pump-trial-relief'] },
      { id: 'spasticity', title: 'Severe spasticity of cerebral or spinal cord origin', all: ['spasticity-origin', 'oral-baclofen-failed'] },
    ],
  });
  assert.match(s.exclusions![0].message, /#314/);
  for (const code of ['62350', '62351', '62360', '62361', '62362', 'E0782', 'E0783']) {
    assert.deepEqual(registry.sectionsFor(code).map((g) => g.section.id), ['POLICY'], code);
  }
  for (const code of ['62355', '62365', '62367', '62370', '95990', '95991', 'A4220', 'A4300', 'A4301', 'E0785', 'E0786']) {
    const gov = registry.sectionsFor(code);
    assert.deepEqual(gov.map((g) => g.section.id), ['CODING'], code);
    assert.equal(gov[0].section.requires, undefined);
  }
  for (const sec of policy('MP-442').sections) {
    assert.equal(sec.notices?.[0].rule, 'unapproved-drug');
    assert.match(sec.notices?.[0].citation ?? '', /2018-11-14/);
  }
  assert.ok(policy('MP-442').notes.some((n) => /cancer/.test(n)));
});
