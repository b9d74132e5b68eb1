/**
 * A trial's result as the CLI reads it (SPEC 4: numbers in every form, placebo arms): a
 * baseline in one sentence and the scores in the next, and a blinded saline day whose result
 * follows it on its line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../runCli';

const note = (trialLines: string[]) =>
  [
    '---',
    'payer: BCBS',
    'plan: commercial',
    'date: 2026-05-02',
    '---',
    'INDICATIONS: 49M with chronic intractable lumbar radicular pain since 2019, refractory to all treatment.',
    'INTRATHECAL TRIAL REPORT',
    ...trialLines,
    'PLAN: permanent intrathecal catheter and programmable pump, CPT 62362, morphine.',
    '',
  ].join('\n');

function status(trialLines: string[]): { status: string; missing: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-arms-'));
  writeFileSync(join(dir, 'v.note'), note(trialLines));
  const r = runCli(['--format', 'json', 'v.note'], dir);
  const d = JSON.parse(r.stdout).files[0].determinations.find((x: { code: string }) => x.code === '62362');
  return { status: d.status, missing: d.policies[0].missing };
}

test('a baseline in one sentence is carried to the scores in the next ("Baseline NRS 8/10. At 4 h NRS 3/10, at 8 h NRS 3/10.")', () => {
  const trial = ['PROCEDURE: Single-shot intrathecal morphine 0.2 mg at L2-3.'];
  assert.equal(status([...trial, 'Baseline NRS 8/10. At 4 h NRS 3/10, at 8 h NRS 3/10.']).status, 'supported');
  assert.deepEqual(status([...trial, 'Baseline NRS 8/10. At 4 h NRS 6/10, at 8 h NRS 5/10.']).missing, ['pump-trial-relief']);
});

test('a saline day documents nothing, though its result stands in the next sentence of its line', () => {
  const r = status([
    'Day 1 (blinded): intrathecal normal saline 2 mL. VAS 9 before ... VAS 2 at 3 hours.',
    'Day 2 (blinded): intrathecal preservative free morphine 0.3 mg. VAS 9 before ... VAS 6 at peak effect.',
  ]);
  assert.deepEqual([r.status, r.missing], ['documentation-missing', ['pump-trial-relief']]);
});

test('a saline day\u2019s result on the line right after it is the saline\u2019s, and the active day\u2019s the active day\u2019s', () => {
  const saline = 'Agent today: preservative-free normal saline 1 mL intrathecal (placebo arm, pt blinded).';
  const morphine = 'Agent day 2: preservative-free intrathecal morphine 0.3 mg (active arm).';
  const r = status([saline, 'NRS 8/10 pre -> 3/10 at 4 h.', morphine, 'NRS 8/10 pre -> 5/10 at 4 h.']);
  assert.deepEqual([r.status, r.missing], ['documentation-missing', ['pump-trial-relief']]);
  // The active day's result on the next line is the active day's.
  assert.equal(status([saline, 'NRS 8/10 pre -> 8/10 at 4 h.', morphine, 'NRS 8/10 pre -> 2/10 at 4 h.']).status, 'supported');
});

test('an addendum that retracts a relief recorded above governs: the measured 50% decides, and the JSON says why', () => {
  const trial = [
    'PROCEDURE: Single-shot intrathecal morphine 0.2 mg at L2-3. The patient states the trial gave her ">60% relief".',
    'ADDENDUM: Reviewed the flowsheet. Pre-bolus NRS 8; lowest post-bolus NRS 4 at 3 h.',
    'The ">60% relief" recorded above was the patient\u2019s initial estimate and is retracted.',
  ];
  assert.deepEqual(status(trial).missing, ['pump-trial-relief']);
  // Without the retraction, the stated relief stands.
  assert.equal(status(trial.slice(0, 2)).status, 'supported');
});

test('a correction that calls a dictated figure an error withdraws it, though the figure alone read as no relief', () => {
  const trial = [
    'TRIAL: Intrathecal morphine trial, 0.3 mg single bolus. Dictated: relief of roughly 60 percent.',
    'ADDENDUM - CORRECTION: The "roughly 60 percent" figure in the trial paragraph above was a dictation error and should be disregarded.',
    'Flowsheet scores for the trial were VAS 8 at baseline and VAS 4 at peak effect.',
  ];
  assert.deepEqual(status(trial).missing, ['pump-trial-relief']);
});
