/**
 * Seed 002_560bc3e4e36efff6.txt (the coverage rationale for a second fat-grafting session in
 * scleroderma) written as a note: front matter payer Anthem / plan commercial, the seed's text
 * as the body, and `CPT 15773` in a plan section. SPEC: it is the example of documentation
 * that satisfies the fat-grafting criteria, so 15773 is supported under MED.00132 §II.
 * The seed is read from ../shared/seeds at test time; the test is skipped when it is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNote, note, SHARED } from './helpers';

const SEED = join(SHARED, 'seeds', '002_560bc3e4e36efff6.txt');

test('seed 002 as a note: 15773 supported under Anthem MED.00132 §II', (t) => {
  if (!existsSync(SEED)) return t.skip(`seed not found at ${SEED} (../shared/seeds beside the repository)`);
  const body = readFileSync(SEED, 'utf8');
  const text = note({ patient: 'MRN 448812', payer: 'Anthem', plan: 'commercial', date: '2024-03-01' }, `${body}\nPLAN:\nSecond autologous fat grafting session to the face and feet, CPT 15773.\n`);
  const r = checkNote(text, {}, '/mem/seed-002.note');
  assert.equal(r.determinations.length, 1, `one code mention: ${JSON.stringify(r.determinations.map((d) => d.code))}`);
  const [d] = r.determinations;
  assert.equal(d.code, '15773');
  assert.equal(d.status, 'supported');
  assert.equal(d.policies.length, 1);
  const [p] = d.policies;
  assert.equal(p.policy, 'MED.00132');
  assert.equal(p.section, 'II');
  assert.equal(p.status, 'supported');
  assert.deepEqual(p.missing, []);
  const met = new Map(p.met.map((m) => [m.criterion, m.evidence]));
  assert.deepEqual([...met.keys()].sort(), ['expected-improvement', 'functional-impairment']);
  // The evidence quotes the seed's own sentences, with their lines in this note.
  for (const [criterion, ev] of met) {
    assert.equal(ev.path, '/mem/seed-002.note', criterion);
    const line = text.split('\n')[ev.line];
    assert.ok(line.includes(ev.text.slice(0, 30)), `${criterion}: evidence "${ev.text}" is on line ${ev.line}: "${line}"`);
  }
  assert.ok(!r.findings.some((f) => f.rule === 'missing-documentation' || f.rule === 'not-covered'), JSON.stringify(r.findings.map((f) => f.message)));
  // Scleroderma is a disease: the reconstructive benefit note is shown as information.
  assert.ok(r.findings.some((f) => f.rule === 'benefit-limitation' && f.severity === 'information'));
});

test('seed 002 as a note under Centene (commercial): the same documentation meets I.A.1', (t) => {
  if (!existsSync(SEED)) return t.skip(`seed not found at ${SEED}`);
  const body = readFileSync(SEED, 'utf8');
  const text = note({ payer: 'Centene', plan: 'commercial', date: '2025-03-01' }, `${body}\nPLAN:\nCPT 15773\n`);
  const [d] = checkNote(text).determinations;
  const [p] = d.policies;
  assert.equal(p.policy, 'CP.MP.31');
  assert.equal(p.alternative, 'I.A.1');
  assert.deepEqual(p.missing, [], 'functional impairment, disease and failed conservative management are all in the seed');
});
