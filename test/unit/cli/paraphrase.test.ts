/**
 * Paraphrase from the CLI (issue 9): a pump claim whose pain is "severe, chronic" and has
 * "defeated" the blocks tried is intractable, and a forearm graft the patient wants "so the arm
 * looks more normal", after "no functional problem and she", is denied as cosmetic; a graft
 * to a post-traumatic deficit carries the benefit-limitation caveat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimDeterminations, claimReport } from '../runCli';

const claim = (payer: string, line: string) => [`payer: ${payer}`, 'plan: commercial', 'date: 2025-11-03', 'note: ../notes/v.note', line, ''].join('\n');

test('intractable pain in its paraphrase: the pump line is supported, and says which words matched', () => {
  const note = [
    'HPI: 46 yo F with CRPS type I, R leg. Severe, chronic burning pain that has defeated sympathetic blocks, DRG stimulation and oral meds.',
    'TRIAL: Intrathecal morphine trial 10/28/25 - pain 9/10 before, 3/10 at 6 h.',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Blue Cross and Blue Shield', 'line 1: 62362 ; programmable intrathecal pump'), note);
  assert.equal(d.status, 'supported', JSON.stringify(d.policies[0]));
  const met = d.policies[0].met?.find((m) => m.criterion === 'intractable-pain');
  assert.ok(met && /defeated/.test(JSON.stringify(met)), JSON.stringify(d.policies[0].met));
});

test('"no functional problem and she wants it grafted so the arm looks more normal": the forearm line is not covered', () => {
  const note = 'Her left forearm skin is tethered; it causes her no functional problem and she wants it grafted purely so the arm looks more normal in short sleeves.\n';
  const [d] = claimDeterminations(claim('Anthem', 'line 1: 15771-LT ; fat grafting, left forearm'), note);
  assert.equal(d.status, 'not-covered', JSON.stringify(d.policies[0]));
  assert.equal(d.policies[0].excludedBy?.criterion, 'cosmetic-intent', JSON.stringify(d.policies[0]));
});

test('a post-traumatic lip deficit is a reconstructive cause: the graft line carries the benefit-limitation caveat', () => {
  const note = [
    'PREOPERATIVE DIAGNOSIS: Post-traumatic upper lip volume deficit.',
    'Because of the tethered upper lip, food and liquid leak out of his mouth while eating.',
    'Grafting to the upper lip is anticipated to restore lip closure.',
    '',
  ].join('\n');
  const report = claimReport(claim('Anthem', 'line 1: 15773 ; fat grafting, upper lip'), note);
  assert.equal(report.determinations[0].status, 'supported', JSON.stringify(report.determinations[0].policies[0]));
  assert.ok(
    report.diagnostics.some((d) => d.rule === 'benefit-limitation'),
    JSON.stringify(report.diagnostics.map((d) => d.rule)),
  );
});

test('a cause in one sentence and "has since" with its condition in the next: Centene I.A.1 is supported', () => {
  const note = [
    // surgery and radiotherapy name no condition: the cause is read with the next sentence's
    'He completed surgery and radiotherapy in 2022.',
    'The lower lip and chin soft tissue have since contracted and thinned; he is unable to keep food and fluids in his mouth.',
    'Six months of speech and swallow therapy gave no improvement.',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Centene', 'line 1: 15773 ; fat grafting, lower lip and chin'), note);
  assert.equal(d.status, 'supported', JSON.stringify(d.policies));
  const cause = d.policies[0].met.find((m) => m.criterion === 'reconstructive-cause');
  assert.ok(cause && /since/.test(cause.evidence.text), JSON.stringify(d.policies[0].met));
});

test('"his sole wish is to look less gaunt" names no foot: the cheek filler is denied as cosmetic under MC.CP.MP.31 §II', () => {
  const note = 'He has no difficulty eating, speaking or closing his eyes. His sole wish is to look less gaunt.\n';
  const medicare = ['payer: Centene', 'plan: medicare', 'date: 2025-10-02', 'note: ../notes/v.note', 'line 1: Q2028 x40 ; Sculptra, bilateral cheeks/temples', ''].join('\n');
  const [d] = claimDeterminations(medicare, note);
  assert.equal(d.status, 'not-covered', JSON.stringify(d.policies));
});

test('a benefit only reported for other patients leaves expected improvement missing: the hand graft is not supported', () => {
  const note = [
    "S: Pt can't do up buttons or open jars with either hand.",
    'P: Fat grafting has helped a number of scleroderma patients regain hand function in published series. I cannot promise any change in her grip.',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Anthem', 'line 1: 15773 ; fat grafting, both hands'), note);
  assert.equal(d.status, 'documentation-missing', JSON.stringify(d.policies[0]));
  assert.ok(d.policies[0].missing.includes('expected-improvement'), JSON.stringify(d.policies[0]));
});

test('a trial log titled as one, its scores many lines below the drug: the pump line is supported', () => {
  const note = [
    'INTRATHECAL TRIAL LOG',
    'HPI: 58 yo M, severe intractable axial back pain after three fusions.',
    'Fentanyl 25 mcg by lumbar puncture on 11/02/25.',
    'Hour 0: pain 9.',
    'Hour 2: pain 6.',
    'Hour 4: pain 3.',
    'Hour 8: pain 2.',
    'Overall: pain 9 pre / 2 post, slept through the night.',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Blue Cross and Blue Shield', 'line 1: 62362 drug fentanyl ; programmable intrathecal pump'), note);
  assert.equal(d.status, 'supported', JSON.stringify(d.policies[0]));
});

test('a trial that only meets 50% beside a general statement of >50% relief: the pump line is missing the trial', () => {
  const note = [
    'HPI: 61 yo F, severe intractable leg pain from arachnoiditis.',
    'Note: pumps are offered to pts whose pain resists oral opioids and who report > 60% relief on trial.',
    'Intrathecal morphine trial 10/30/25: NRS 8 before, NRS 4 at 6 h.',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Blue Cross and Blue Shield', 'line 1: 62362 drug morphine ; programmable intrathecal pump'), note);
  assert.equal(d.status, 'documentation-missing', JSON.stringify(d.policies[0]));
  assert.deepEqual(d.policies[0].missing, ['pump-trial-relief']);
});

test('"give back her grip" names no back: the hand graft\u2019s expected improvement is the hand\u2019s', () => {
  const note = [
    'HPI: scleroderma with loss of fingertip pulp, L hand. She cannot open jars or hold a pen for more than a minute.',
    'Plan: fat grafting to the L fingertips, which is expected to give back her grip for jars and pens.',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Anthem', 'line 1: 15773-LT ; fat grafting, left hand digits'), note);
  assert.equal(d.status, 'supported', JSON.stringify(d.policies[0]));
});

test('an eyelid finding named by the eye\u2019s own anatomy (lagophthalmos, cornea) documents only the eyelid line, not a thigh line', () => {
  const note = [
    'HPI: s/p parotidectomy with facial nerve sacrifice, and s/p excision of a thigh lipoma with a residual dent.',
    'Lagophthalmos 5 mm with corneal exposure; she cannot read for more than five minutes.',
    'Fat grafting to the lower lid is expected to restore lid closure over the cornea.',
    'Thigh: full ROM, walks without a limp. She would like the thigh dent evened out so it looks better in shorts.',
    '',
  ].join('\n');
  const [lid, thigh] = claimDeterminations(claim('Anthem', 'line 1: 15773-E3 ; fat graft R lower eyelid\nline 2: 15771-RT ; fat graft R thigh'), note);
  assert.equal(lid.status, 'supported', JSON.stringify(lid.policies[0]));
  assert.equal(thigh.status, 'not-covered', JSON.stringify(thigh.policies[0]));
  assert.equal(thigh.policies[0].excludedBy?.criterion, 'cosmetic-intent');
});

test('"Goal of procedure:" after a past history is a heading of its own: the appearance goal is read as now, and liposuction is cosmetic', () => {
  const note = [
    'Chief concern: flank fullness that does not shift with diet and exercise.',
    'Functional limitations: none - she swims three times a week.',
    'PMH: none. No trauma or surgery to the flanks.',
    'Goal of procedure: body contouring of both flanks to improve her silhouette in fitted dresses.',
    'Plan: suction lipectomy, trunk (flanks).',
    '',
  ].join('\n');
  const [d] = claimDeterminations(claim('Centene', 'line 1: 15877 ; suction assisted lipectomy, trunk (flanks)').replace('commercial', 'medicaid'), note);
  assert.equal(d.status, 'not-covered', JSON.stringify(d.policies[0]));
  const excluded = d.policies.find((p) => p.status === 'not-covered');
  assert.equal(excluded?.excludedBy?.criterion, 'cosmetic-intent', JSON.stringify(d.policies));
});
