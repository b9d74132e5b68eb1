import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadedPolicy } from '../../../server/src/engine/policies/load';
import { loadPolicyFiles, readPolicyDir } from '../../../server/src/engine/policies/load';
import { codeFits, normalizePayer, parseCodeRef, PolicyRegistry } from '../../../server/src/engine/policies/registry';
import type { Policy } from '../../../server/src/engine/policies/schema';
import { FIXTURE_POLICIES } from '../engine/helpers';

function fake(id: string, payer: string, aliases: string[], codes: string[], extra: Partial<Policy> = {}): LoadedPolicy {
  const policy: Policy = {
    id,
    title: id,
    payer,
    aliases,
    plans: ['commercial'],
    source: 'test',
    notes: [],
    codes: {},
    sections: [{ id: 'I', title: 'T', kind: 'coverage', text: 'x', codes }],
    ...extra,
  };
  return { policy, path: `/p/${id}.json`, sectionRanges: new Map() };
}

/** The frozen fixture policies: payer matching and code tables as a mechanism, not the bundled data. */
const frozen = () => {
  const { policies } = loadPolicyFiles(readPolicyDir(FIXTURE_POLICIES).files);
  return new PolicyRegistry(policies);
};

test('code refs: single codes and inclusive ranges of the same shape', () => {
  assert.ok(parseCodeRef('15773'));
  assert.ok(parseCodeRef('0489T-0490T'));
  assert.ok(parseCodeRef('E0782-E0783'));
  assert.equal(parseCodeRef('15774-15771'), undefined, 'reversed');
  assert.equal(parseCodeRef('15773-Q2028'), undefined, 'different shapes');
  assert.equal(parseCodeRef('0489T-04900'), undefined, 'different suffix');
  assert.equal(parseCodeRef('1-2-3'), undefined);
});

test('codeFits matches codes and range ends inclusively, never across prefixes or suffixes', () => {
  const refs = ['11400-11446', '17110', 'G0429', '0565T-0566T'];
  for (const c of ['11400', '11423', '11446', '17110', 'g0429', '0566T']) assert.ok(codeFits(c, refs), c);
  for (const c of ['11399', '11447', '17111', 'Q0429', '0566F', '05660', '15773']) assert.ok(!codeFits(c, refs), c);
  assert.ok(!codeFits('15773', []));
});

test('sectionsFor finds codes inside ranges and keeps load order', () => {
  const a = fake('A', 'Payer A', [], ['15771-15774', 'G0429']);
  const b = fake('B', 'Payer B', [], ['15773', 'E0782-E0783', '0489T-0490T']);
  const r = new PolicyRegistry([a, b]);
  assert.deepEqual(r.sectionsFor('15773').map((g) => g.policy.policy.id), ['A', 'B']);
  assert.deepEqual(r.sectionsFor('15771').map((g) => g.policy.policy.id), ['A']);
  assert.deepEqual(r.sectionsFor(' e0783 ').map((g) => g.policy.policy.id), ['B']);
  assert.deepEqual(r.sectionsFor('0490T').map((g) => g.section.id), ['I']);
  assert.deepEqual(r.sectionsFor('15775'), []);
  assert.deepEqual(r.sectionsFor('E0784'), []);
});

test('a very wide range is still found without being expanded', () => {
  const r = new PolicyRegistry([fake('W', 'Wide', [], ['10000-69999'])]);
  assert.equal(r.sectionsFor('45678').length, 1);
  assert.equal(r.sectionsFor('70000').length, 0);
});

test('descriptors come from the policy code tables', () => {
  const r = frozen();
  assert.match(r.descriptor('15773')!, /^Grafting of autologous fat harvested by liposuction technique to face/);
  assert.equal(r.descriptor('Q2028'), 'Injection, Sculptra, 0.5 mg');
  assert.match(r.descriptor('62351')!, /reservoir\/infusion pump; with laminectomy$/);
  assert.equal(r.descriptor('17110', 'MC.CP.MP.31')?.includes('curettement'), true);
  assert.equal(r.descriptor('17110', 'CP.MP.31')?.includes('curettment'), true, 'each policy keeps its own table text');
  assert.equal(r.descriptor('99999'), undefined);
  const all = r.allCodes();
  assert.ok(all.includes('0489T') && all.includes('E0786') && all.includes('61559'));
  assert.deepEqual(all, [...all].sort());
});

test('matchPayer: case-insensitive names and aliases, whole-word containment, first-named payer wins', () => {
  const r = frozen();
  const ids = (name: string) => r.matchPayer(name)?.map((p) => p.policy.id).sort();
  assert.deepEqual(ids('Anthem Blue Cross Connecticut'), ['MED.00132']);
  assert.deepEqual(ids('ANTHEM'), ['MED.00132']);
  assert.deepEqual(ids('Anthem Blue Cross'), ['MED.00132']);
  assert.deepEqual(ids('Anthem Blue Cross and Blue Shield'), ['MED.00132']);
  assert.deepEqual(ids('Blue Cross and Blue Shield of Alabama'), ['MP-442']);
  assert.deepEqual(ids('Blue Cross & Blue Shield'), ['MP-442']);
  assert.deepEqual(ids('BCBS of Texas'), ['MP-442']);
  assert.deepEqual(ids('centene'), ['CP.MP.31', 'MC.CP.MP.31']);
  assert.deepEqual(ids('Centene Corporation'), ['CP.MP.31', 'MC.CP.MP.31']);
  assert.equal(r.matchPayer('Anthemic Health'), undefined, 'whole words only');
  assert.equal(r.matchPayer('Aetna'), undefined);
  assert.equal(r.matchPayer('  '), undefined);
  assert.deepEqual(r.payers().slice(0, 2), ['Anthem Blue Cross Connecticut', 'Anthem']);
  assert.ok(r.payers().includes('BCBS') && r.payers().includes('Centene'));
});

test('an exact name beats a longer contained one', () => {
  const r = new PolicyRegistry([fake('X', 'Acme Health', ['Acme'], []), fake('Y', 'Acme Health Plus', [], [])]);
  assert.deepEqual(r.matchPayer('acme health')?.map((p) => p.policy.id), ['X']);
  assert.deepEqual(r.matchPayer('Acme Health Plus of Ohio')?.map((p) => p.policy.id), ['Y']);
  assert.equal(normalizePayer('Blue Cross & Blue Shield, Inc.'), 'blue cross and blue shield inc');
});
