/**
 * Classes of phrasing (issue 9), each with sentences of the class that must and must not
 * document: lexical-class combinations in either order, statements about patients in general,
 * and pain scores in the forms clinicians write them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckResult } from '../../../server/src/engine';
import { sitesIn } from '../../../server/src/engine/evidence/analyze';
import { checkClaim, checkNote, criterionIn, eachMet, engine } from './helpers';

const met = (criterion: string, text: string) => Boolean(criterionIn(text, criterion).met);

/** A commercial claim of `payer` linking ../notes/v.note (or `note`), with its billed lines. */
const claimOf = (payer: string, date: string, lines: string[], note = '../notes/v.note') =>
  [`payer: ${payer}`, 'plan: commercial', `date: ${date}`, `note: ${note}`, ...lines, ''].join('\n');

test('oral baclofen and its failure in one sentence, in either order, however far apart within the window', () => {
  eachMet(
    'oral-baclofen-failed',
    [
      'Oral baclofen 20 mg TID for 6 months was not tolerated because of sedation.',
      'Baclofen titrated to 20 mg QID with no meaningful reduction in tone.',
      'Marked somnolence on baclofen 10 mg tablets, so it was tapered off.',
    ],
    true,
  );
  eachMet(
    'oral-baclofen-failed',
    [
      'Oral baclofen 20 mg TID is working well and is tolerated.',
      'He has not been on oral baclofen: it was held early because of confusion.',
      'Intrathecal baclofen trial: tone improved without sedation.',
    ],
    false,
  );
});

test('a breast operation and asymmetry in one sentence document post-mastectomy asymmetry', () => {
  assert.ok(met('post-mastectomy-asymmetry', 'She had a left mastectomy in 2022, with resulting breast asymmetry.'));
  assert.ok(met('post-mastectomy-asymmetry', 'Marked size difference since the right lumpectomy.'));
  assert.equal(met('post-mastectomy-asymmetry', 'No asymmetry after the lumpectomy.'), false);
});

test('a statement about patients in general documents nothing of this patient', () => {
  for (const t of [
    'Intrathecal baclofen is generally reserved for patients whose spasticity is not controlled by oral baclofen or who cannot take it because of side effects.',
    'Pumps are reserved for pain that has not responded to conservative care; oral baclofen failure is required.',
  ])
    assert.equal(met('oral-baclofen-failed', t), false, t);
});

test('pain scores in every form: arrows, pre/post, an ellipsis between two VAS scores, relieved', () => {
  const trial = 'Intrathecal morphine trial performed.\n';
  for (const [t, ok] of [
    ['Pain 9/10 -> 4/10 at 4 h.', true],
    ['VAS 9 → 2 at peak.', true],
    ['NRS 7 pre / 3 post on day 5.', true],
    ['VAS 9 before the injection ... VAS 3 at 3 h.', true],
    ['She had more than half of her pain relieved.', true],
    ['Pain 8/10 -> 4/10.', false],
    ['NRS 8 pre / 5 post.', false],
  ] as const)
    assert.equal(met('pump-trial-relief', trial + t), ok, t);
});

test('the trial may be named in the procedure a few sentences before its result', () => {
  const note = 'PROCEDURE:\nSingle-shot intrathecal trial w/ morphine 0.2 mg.\nOral oxycodone was not needed.\n\nFINDINGS:\nPain 9/10 -> 4/10 at 4 h.\n';
  assert.ok(met('pump-trial-relief', note));
});

test('checkboxes: a ticked item documents, an unticked one does not (SPEC 2.2)', () => {
  assert.ok(met('photographs', '[x] Photographs in chart'));
  assert.equal(met('photographs', '[ ] Photographs in chart'), false);
  assert.equal(met('functional-impairment', '- [ ] Significant functional impairment (describe):'), false);
  assert.equal(met('photographs', '[ ] Cosmetic   [x] Photographs in chart'), true);
});

test('a placebo or saline arm of a trial never documents the trial (a near miss out of scope)', () => {
  const f = criterionIn('Intrathecal trial. Day 1: intrathecal saline (placebo) - more than two-thirds relief of her pain.', 'pump-trial-relief');
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.reason, 'scope');
  assert.ok(met('pump-trial-relief', 'Intrathecal trial. Day 2: intrathecal morphine - more than two-thirds relief of her pain.'));
});

test('a result written onto its test is read: HIV-negative is not HIV', () => {
  assert.equal(met('hiv-diagnosis', 'HIV-negative on PrEP.'), false);
  assert.ok(met('hiv-diagnosis', 'HIV-positive since 2009, on ART.'));
});

test('SPEC 4.1: a sentence that names a site documents only the line billed for that site, and says so', () => {
  const note = [
    'HPI:',
    'Scleroderma. She is unable to walk more than one block because of pain in both feet.',
    'She cannot close her mouth fully and food escapes from her lips when she eats.',
    'PLAN:',
    'Fat grafting is expected to restore painless weight-bearing.',
    '',
  ].join('\n');
  const claim = claimOf('Anthem', '2025-03-01', ['line 1: 15773 x1 ; fat grafting, perioral', 'line 2: 15774 x1 ; fat grafting, plantar feet']);
  const r = checkClaim(claim, { '/mem/notes/v.note': note });
  const [face, feet] = r.determinations;
  const metText = (d: typeof face, c: string) => d.policies[0].met.find((m) => m.criterion === c)?.evidence.text;
  assert.match(metText(face, 'functional-impairment') ?? '', /close her mouth/);
  assert.match(metText(feet, 'functional-impairment') ?? '', /walk more than one block/);
  // The expected result names walking (the feet's), not the mouth: the face line lacks it.
  assert.equal(face.status, 'documentation-missing');
  assert.deepEqual(face.policies[0].missing, ['expected-improvement']);
  const miss = face.policies[0].nearMisses.find((m) => m.criterion === 'expected-improvement');
  assert.equal(miss?.reason, 'scope');
  assert.equal(feet.status, 'supported');
});

test('SPEC 4.1: a donor site or pump pocket in the description is not the treated site', () => {
  const note = 'HPI:\nHe cannot straighten the arm: he cannot reach the upper racks at work.\nPLAN:\nThe graft is expected to restore full reach.\n';
  const claim = claimOf('Centene', '2025-03-01', ['line 1: 15220-RT x1 ; full-thickness graft, groin donor']);
  const r = checkClaim(claim, { '/mem/notes/v.note': note });
  assert.ok(r.determinations[0].policies.some((p) => p.met.some((m) => m.criterion === 'functional-impairment')));
});

test('a finding marked absent is negated, so a screening checklist never denies a pump for headache', () => {
  assert.equal(met('headache-indication', 'Headache absent.'), false);
  assert.ok(met('headache-indication', 'The pain to be treated is chronic daily headache.'));
});

test('skin tags: being rubbed or caught and bleeding, or bleeding again and again, in one sentence, anchored to the tags', () => {
  const tags = (s: string) => `Three skin tags under the right bra strap.\n${s}\n`;
  assert.ok(met('skin-tag-irritation-bleeding', tags('The strap rubs them raw most days and they have bled onto her bras.')));
  assert.ok(met('skin-tag-irritation-bleeding', tags('They get caught under the duty belt every shift and bleed.')));
  assert.ok(met('skin-tag-irritation-bleeding', tags('Chafed and bleeding again and again.')));
  // Anchored: the same words with no skin tag named nearby are about something else.
  assert.equal(met('skin-tag-irritation-bleeding', 'The strap rubs her shoulder raw and the abrasion bled.\n'), false);
  assert.equal(met('skin-tag-irritation-bleeding', tags('They have never bled and are not irritated.')), false);
});

test('a reconstructive cause linked to the deformity by a cause word, however the two are worded', () => {
  assert.ok(met('reconstructive-cause', 'Heel fat pad atrophy b/l that developed after a series of eleven corticosteroid injections for plantar fasciitis.'));
  assert.ok(met('reconstructive-cause', 'Orbital volume loss s/p R enucleation in 2018 for choroidal melanoma.'));
  assert.ok(met('reconstructive-cause', 'Hand contractures, dx diffuse SSc 2021.'));
  assert.ok(met('reconstructive-cause', 'Work-related penetrating globe injury.'));
  assert.equal(met('reconstructive-cause', 'No history of trauma, surgery or radiation to the area.'), false);
  // Pregnancy, ageing and weight change alone are not a disease, an injury or its treatment.
  assert.equal(met('reconstructive-cause', 'Loose abdominal skin after two pregnancies.'), false);
});

test('MP-442: a trial by another route than the planned pump does not document the trial, and says which route', () => {
  const claim = (pumpLine: string) =>
    claimOf('BCBS', '2025-09-01', ['line 1: 62350 x1 ; tunneled intrathecal catheter', `line 2: ${pumpLine}`], '../notes/t.note');
  const note = (route: string) =>
    [
      'HPI: Failed back surgery syndrome with intractable low back and leg pain despite PT, medications and SCS.',
      `TRIAL (08/04-08/07): percutaneous ${route} catheter, continuous ${route} morphine infusion x 72 h.`,
      'Pain went from NRS 8 pre-trial to NRS 2 by day 2, roughly a 75% drop.',
      '',
    ].join('\n');
  const trial = (r: CheckResult, code: string) => r.determinations.find((d) => d.code === code)!.policies[0];
  const epidural = checkClaim(claim('62362 x1 ; programmable pump'), { '/mem/notes/t.note': note('epidural') });
  for (const code of ['62350', '62362']) {
    // The pump line names no route: it is the catheter's, intrathecal.
    const p = trial(epidural, code);
    assert.deepEqual(p.missing, ['pump-trial-relief'], code);
    const miss = p.nearMisses.find((m) => m.criterion === 'pump-trial-relief');
    assert.equal(miss?.reason, 'scope');
    assert.equal(miss?.trigger, 'epidural');
  }
  const intrathecal = checkClaim(claim('62362 x1 ; programmable pump'), { '/mem/notes/t.note': note('intrathecal') });
  assert.equal(trial(intrathecal, '62362').status, 'supported');
  // An epidural pump is planned: the epidural trial is by its route.
  const epiduralPump = checkClaim(claim('62362 x1 ; programmable pump, epidural').replace('tunneled intrathecal catheter', 'tunneled epidural catheter'), {
    '/mem/notes/t.note': note('epidural'),
  });
  assert.equal(trial(epiduralPump, '62362').status, 'supported');
});

test('a note code takes its site and route from its own sentence, not the rest of its line', () => {
  const text = [
    'HPI: intractable low back pain despite PT, medications and SCS.',
    'TRIAL: epidural catheter, morphine infusion; pain from 8/10 to 2/10.',
    'PLAN: Implant programmable pump with intrathecal catheter (CPT 62362). Dose from the epidural requirement.',
    '',
  ].join('\n');
  const r = checkNote(text);
  const d = r.determinations.find((x) => x.code === '62362')!;
  assert.deepEqual(d.routes, ['intrathecal']);
  assert.deepEqual(d.policies[0].missing, ['pump-trial-relief']);
});

test('intractable pain: a word of intractability and a pain word, or pain despite treatments, in one clause', () => {
  assert.ok(met('intractable-pain', 'Severe chronic intractable low back and b/l leg pain for 8 yrs.'));
  assert.ok(met('intractable-pain', 'Phantom limb and residual-limb pain after traumatic amputation, refractory to multimodal treatment.'));
  assert.ok(met('intractable-pain', 'Lumbosacral neuropathic pain, unresponsive to two spine surgeries and a failed spinal cord stimulator.'));
  assert.ok(met('intractable-pain', 'Leg pain persists despite PT, ESIs and gabapentin.'));
  assert.equal(met('intractable-pain', 'Moderate pain, well controlled on oral medication; not intractable.'), false);
});

test('the route of a trial is read from its sentence by the route classes, and a stage IV is not a route', () => {
  const routes = (s: string) => sitesIn(engine().compiled, s, 'route');
  assert.deepEqual(routes('The intrathecal trial gave 62.5% pain relief.'), ['intrathecal']);
  assert.deepEqual(routes('Epidural trial: pain from 9/10 to 2/10.'), ['epidural']);
  assert.deepEqual(routes('Pain score of 9/10 decreased to 2/10 following the IV trial.'), ['intravenous']);
  assert.deepEqual(routes('Intravenous lidocaine trial reduced pain by two thirds.'), ['intravenous']);
  assert.deepEqual(routes('Trial: 8/10 -> 2/10 with intrathecally administered morphine.'), ['intrathecal']);
  assert.deepEqual(routes('Stage IV cancer; the trial gave 70% pain relief.'), []);
});

test('a trial result in words documents the trial: "cut by two-thirds, from nine out of ten to three out of ten"', () => {
  const trial = 'TRIAL 01/21: single intrathecal bolus of morphine 0.1 mg at L3-4.\n';
  assert.ok(met('pump-trial-relief', trial + 'Pain cut by two-thirds, from nine out of ten to three out of ten, lasting 14 h.\n'));
  assert.equal(met('pump-trial-relief', trial + 'Pain went from eight out of ten to four out of ten.\n'), false);
});

test('failed conservative therapy in paraphrase: made no difference, no meaningful change despite, plateaued', () => {
  assert.ok(met('conservative-therapy-failed', 'A year of daily fluticasone and saline rinses made no difference.'));
  assert.ok(met('conservative-therapy-failed', 'No meaningful change despite full adherence to 12 weeks of skilled therapy and a daily home program.'));
  assert.ok(met('conservative-therapy-failed', 'He completed 7 months of OT with splinting and silicone sheeting; extension plateaued and no further gain was seen.'));
  assert.equal(met('conservative-therapy-failed', 'Plan: start silicone sheeting and a home program; recheck in 3 months.'), false);
});

test('a site word inside words that are not about the site does not scope the sentence ("hand therapy", "back to work")', () => {
  const sites = (s: string) => sitesIn(engine().compiled, s);
  assert.deepEqual(sites('He completed 7 months of hand therapy with splinting.'), []);
  assert.deepEqual(sites('She went back to work after the graft.'), []);
  assert.deepEqual(sites('Scar contracture of the right hand.'), ['hand']);
  // In a note, the elbow line is documented by the therapy sentence.
  const claim = claimOf('Centene', '2025-09-01', ['line 1: 15220 x1 ; full-thickness graft, L elbow']);
  const note = [
    'Scald burn to the L arm in 2023 (work injury). He cannot extend the L elbow past -45 degrees and cannot reach overhead shelves.',
    'He completed 7 months of hand/OT therapy with splinting and silicone sheeting; extension plateaued and no further gain was seen.',
    '',
  ].join('\n');
  const p = checkClaim(claim, { '/mem/notes/v.note': note }).determinations[0].policies[0];
  assert.ok(p.met.some((m) => m.criterion === 'conservative-therapy-failed'), JSON.stringify(p));
});

test('functional impairment: raising, straightening, distance limits, light duty and abnormal gaits', () => {
  assert.ok(met('functional-impairment', 'He cannot raise the left arm above shoulder height.'));
  assert.ok(met('functional-impairment', 'He can walk only about one block in boots before the shin is raw.'));
  assert.ok(met('functional-impairment', 'She is unable to fully straighten the right knee.'));
  assert.ok(met('functional-impairment', 'She walks with a flexed-knee gait.'));
  assert.ok(met('functional-impairment', 'He has been moved to light duty at the warehouse because of it.'));
  assert.equal(met('functional-impairment', 'She walks without difficulty and works full duty.'), false);
});

test('scar symptoms (SPEC 4, CP.MP.31 I.A.3): pain unresponsive to treatment AND a recurrently infected, unstable or friable scar, each anchored to the scar', () => {
  const keloid = 'Keloid of the L posterior earlobe after piercing in 2019.\n';
  const pain = 'The keloid hurts constantly (5/10, throbbing, worse w/ pressure from her phone) despite 4 triamcinolone injections.\n';
  const breakdown = 'It has become infected 3 times this year and needed antibiotics twice.\n';
  assert.ok(met('scar-pain-refractory', keloid + pain));
  assert.ok(met('scar-breakdown', keloid + breakdown));
  // Either alone is half of the criterion; both, in sentences of their own, document it.
  assert.equal(met('scar-symptoms', keloid + pain), false);
  assert.equal(met('scar-symptoms', keloid + breakdown), false);
  assert.ok(met('scar-symptoms', keloid + pain + breakdown));
  // A single infection is not recurrent; words about no scar anchor nothing.
  assert.equal(met('scar-breakdown', keloid + 'It got infected once in June.\n'), false);
  assert.equal(met('scar-breakdown', 'It has become infected 3 times this year.\n'), false);
  assert.ok(met('scar-breakdown', keloid + 'The surface is friable and weeps.\n'));
  assert.equal(met('scar-symptoms', keloid + 'It has never been infected and does not hurt.\n'), false);
});

test('an expected benefit credited to another treatment is out of scope for the billed procedure (SPEC 4)', () => {
  const f = criterionIn('Continue PT for gait training - PT is expected to improve his gait and walking endurance.', 'expected-improvement');
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.reason, 'scope');
  assert.match(f.miss?.trigger ?? '', /PT is expected to improve/);
  assert.equal(met('expected-improvement', 'Custom orthotics w/ met pads ordered today; these should improve his walking tolerance.'), false);
  assert.ok(met('expected-improvement', 'Fat grafting to the plantar pads is expected to improve his walking tolerance.'));
});

test('cosmetic intent: improving any word of the appearance class ("purely to improve her figure")', () => {
  assert.ok(met('cosmetic-intent', 'The flanks have bothered her for years and this is purely to improve her figure.'));
  assert.equal(met('cosmetic-intent', 'The graft is not to improve her appearance but to let her chew.'), false);
});

test('an HIV test, screen or prophylaxis is not a diagnosis of HIV', () => {
  assert.equal(met('hiv-diagnosis', 'Continue PrEP with ID; next HIV test due 10/2025.'), false);
  assert.equal(met('hiv-diagnosis', 'She was screened for HIV at the clinic.'), false);
  assert.equal(met('hiv-diagnosis', 'HIV prophylaxis (PrEP) since 2023 because her husband is positive.'), false);
  assert.ok(met('hiv-diagnosis', 'HIV diagnosed 2009, on ART, viral load undetectable.'));
});

test('anaphora: a sentence that refers back takes the drug or the treatments from the sentence before', () => {
  const baclofen = 'Oral medication: baclofen was started in 2021 and increased to 20 mg three times a day.\n';
  assert.ok(met('oral-baclofen-failed', baclofen + 'At that dose she slept through most of her school day, so we tapered it off in 2023.\n'));
  assert.ok(met('oral-baclofen-failed', baclofen + 'It did not loosen her legs enough to help with her care.\n'));
  // Without a word referring back, the next sentence is about something else.
  assert.equal(met('oral-baclofen-failed', baclofen + 'Her brother slept through the night.\n'), false);
  const tears = 'Since mid-2023 she has used artificial tears every hour, ointment at night and taping of the lid at bedtime.\n';
  assert.ok(met('conservative-therapy-failed', tears + 'Despite all of this the cornea keeps breaking down.\n'));
  // Two sentences back is too far.
  assert.equal(met('conservative-therapy-failed', tears + 'She lives alone.\nDespite all of this the cornea keeps breaking down.\n'), false);
  // A negation in the sentence that refers back still negates it.
  assert.equal(met('oral-baclofen-failed', baclofen + 'It did not cause sedation or dizziness.\n'), false);
});

test('SPEC 4.1: a donor site in the note sentence naming the code is not the treated site', () => {
  const text = [
    'Planned procedure: dermis-fat graft to L anophthalmic socket, donor L hip (CPT 15769)',
    '[x] Functional impairment: L ocular prosthesis will not stay seated and extrudes when she bends forward.',
    '[x] Expected benefit: restoring orbital volume is expected to let the socket hold the prosthesis securely.',
    '',
  ].join('\n');
  const d = checkNote(text, { payer: 'Anthem', plan: 'commercial' }).determinations.find((x) => x.code === '15769')!;
  // The socket is the face's, and its part the eye's (not the hip's).
  assert.deepEqual(d.sites, ['face', 'face-eye']);
  assert.equal(d.status, 'supported');
});

test('a dog bite to the cheek is a cause, not cheek biting', () => {
  assert.equal(met('functional-impairment', '[x] Deformity due to injury, disease, or congenital defect - dog bite, L cheek'), false);
  assert.ok(met('functional-impairment', 'He bites his left cheek when he chews.'));
});

test('CP.MP.31 I.A.4.b fits 15773/15774 only at a facial site (SPEC 3.1)', () => {
  const note = [
    'HIV diagnosed 2009, on ART. HIV-associated facial lipoatrophy of both cheeks.',
    'She cannot make a full fist with either hand.',
    '',
  ].join('\n');
  const claim = (line: string) => claimOf('Centene', '2025-03-01', [line]);
  const alternative = (line: string) => checkClaim(claim(line), { '/mem/notes/v.note': note }).determinations[0].policies[0];
  const face = alternative('line 1: 15773 x1 ; fat grafting, bilateral cheeks');
  assert.equal(face.status, 'supported');
  assert.equal(face.alternative, 'I.A.4.b');
  // At the hands, only I.A.1 fits: it lacks the cause and the failed conservative therapy.
  const hands = alternative('line 1: 15773 x1 ; fat grafting, both hands');
  assert.equal(hands.alternative, 'I.A.1');
  assert.equal(hands.status, 'documentation-missing');
  // A line that names no site is not a facial one either.
  assert.equal(alternative('line 1: 15773 x1 ; fat grafting').alternative, 'I.A.1');
});

test('a trial result over two sentences, baseline first, is read; a table row after an unlabelled one is not', () => {
  const trial = 'PROCEDURE: Single-shot intrathecal morphine trial.\nIntrathecal morphine 0.2 mg at L1-2.\nFINDINGS:\n';
  assert.ok(met('pump-trial-relief', trial + 'Baseline pain nine out of ten. At 4 h: two out of ten, sustained through 12 h.\n'));
  const saline = 'Blinded intrathecal trial.\nDAY 1 - 1 mL normal saline (placebo)\n08:00 NRS 8\n09:30 NRS 3\n';
  assert.equal(met('pump-trial-relief', saline), false);
});

test('an expected benefit credited to a physiotherapy programme ("which is expected to regain") is out of scope', () => {
  const f = criterionIn(
    'I have referred her back to physiotherapy for a dynamic flexion splint programme, which is expected to regain most of the lost flexion.',
    'expected-improvement',
  );
  assert.equal(f.met, undefined);
});

test('whose it is survives a relative clause; a finding said of patients in general is not this patient\'s', () => {
  const f = criterionIn(
    'Oral baclofen has not been tried: she is reluctant because her sister, who also has MS, could not tolerate oral baclofen (severe drowsiness).',
    'oral-baclofen-failed',
  );
  assert.equal(f.met, undefined);
  assert.equal(f.miss?.reason, 'experiencer');
  const g = criterionIn('Poly-L-lactic acid can restore function in patients whose facial fat loss interferes with chewing.', 'expected-improvement');
  assert.equal(g.met, undefined);
  assert.equal(g.miss?.reason, 'experiencer');
});

test('CP.MP.31 §II applies only when no I.A alternative is met (SPEC 3.1): a functional panniculectomy with an appearance wish is supported', () => {
  const note = [
    'Redundant abdominal pannus after Roux-en-Y gastric bypass for morbid obesity, with massive weight loss.',
    'She is unable to walk more than about 100 feet before the fold chafes raw.',
    'Intertrigo has persisted despite eight months of nystatin powder and a support garment.',
    'She would also love a flatter stomach in clothes.',
    '',
  ].join('\n');
  const claim = claimOf('Centene', '2025-07-22', ['line 1: 15830 x1 ; panniculectomy']);
  const d = checkClaim(claim, { '/mem/notes/v.note': note }).determinations[0];
  assert.equal(d.status, 'supported');
  assert.deepEqual(d.policies.map((p) => p.section), ['I.A']);
  // Without the functional indication, §II decides: cosmetic.
  const cosmetic = checkClaim(claim, { '/mem/notes/v.note': 'She wants a flatter stomach; this is purely to improve her figure.\n' }).determinations[0];
  assert.equal(cosmetic.status, 'not-covered');
});

test('a code takes the route of its own comma part when the sentence names two', () => {
  const text = [
    'HPI: severe, chronic, intractable radicular pain from arachnoiditis despite surgery and SCS.',
    'TRIAL: Epidural catheter trial with fentanyl infusion. NRS 7 pre / 2 post on day 2.',
    'PLAN: intrathecal programmable pump (CPT 62362) with morphine, converting from the epidural trial dose.',
    '',
  ].join('\n');
  const d = checkNote(text, { payer: 'BCBS', plan: 'commercial' }).determinations.find((x) => x.code === '62362')!;
  assert.deepEqual(d.routes, ['intrathecal']);
  assert.deepEqual(d.policies[0].missing, ['pump-trial-relief']);
});

test('SPEC 4.1: a donor site that is itself treated ("donor site depression") is the line\'s site', () => {
  const note = [
    'He cannot make a full fist with the right hand.',
    'Grafting fat beneath the right hand scar is expected to improve his right hand grip.',
    'The left thigh is painless and does not interfere with walking.',
    'Correction of the left thigh is for appearance only.',
    '',
  ].join('\n');
  const claim = claimOf('Anthem', '2025-03-01', [
    'line 1: 15773-RT x1 ; fat grafting beneath burn scar, dorsum of right hand',
    'line 2: 15771-LT x1 ; fat grafting, left thigh skin graft donor site depression',
  ]);
  const [hand, thigh] = checkClaim(claim, { '/mem/notes/v.note': note }).determinations;
  assert.equal(hand.status, 'supported');
  assert.deepEqual(thigh.sites, ['leg']);
  assert.equal(thigh.status, 'not-covered');
});

test('a cause word names a reconstructive cause only before the cause, and not when it explains an event or a choice', () => {
  eachMet(
    'reconstructive-cause',
    ['Left cheek atrophy secondary to scleroderma.', 'Contour deficit of the chin as a result of a dog bite in 2019.', 'Radiation-induced fibrosis of the neck.'],
    true,
  );
  eachMet(
    'reconstructive-cause',
    [
      // The disease word is what is explained, not the cause: an inOrder combination.
      'The tumor was very difficult due to its size.',
      'Currently off HAART x 3 weeks because of noncompliance.',
      // A cause word explaining a referral, a stay or a choice of approach.
      'She was referred to physical therapy secondary to low back pain and degenerative disk disease.',
      'He was at the hospital, secondary to his stroke, where he had a swallow study.',
      'Due to the comminuted nature of her tibia fracture, a staged surgery is planned.',
    ],
    false,
  );
});

test('a time word names a cause only for the event it governs: "status post fall", not "after the screws were placed, the fracture"', () => {
  eachMet(
    'reconstructive-cause',
    [
      'Status post fall.',
      'Fracture of the right hip from a fall in 2005.',
      'Heel fat pad atrophy b/l that developed after a series of eleven corticosteroid injections for plantar fasciitis.',
      // an injury the patient sustained is a cause by itself
      'He sustained a laceration from glass to the right ring finger.',
      'The massive weight loss has left a redundant abdominal pannus.',
    ],
    true,
  );
  eachMet(
    'reconstructive-cause',
    [
      // the time word orders steps of an operation, or gives a direction
      'After the distal screws were placed, the fracture was reduced and held with K-wires.',
      'Following traction, there was adequate alignment of the fracture fragments.',
      'He presented to me direct from ED with a distracted condyle fracture.',
      // "since" governs what follows it, not the infection before it
      'Subsequently, she developed a wound infection, which has since healed.',
      // one word is not both the abnormality and its cause
      'On discharge he has a right facial palsy from the eye below.',
    ],
    false,
  );
});

test('a differential lists candidates, not findings: "Possibilities include ... vascular malformation", "suggestive of"', () => {
  eachMet(
    'reconstructive-cause',
    ["Possibilities include Meckel's diverticulum, polyp, infection and vascular malformation.", 'A well circumscribed lesion suggestive of vascular malformation.'],
    false,
  );
  assert.ok(met('reconstructive-cause', 'Hand-sized congenital vascular malformation on the left lateral thigh.'));
});

test('an uncertainty or a plan inside the words a combination skips decides the mention ("due to concern for infection")', () => {
  for (const t of ['Due to concern for infection, he was started on Keflex.', 'After re-inspecting the wound, the plan was for possible debridement.'])
    assert.equal(met('reconstructive-cause', t), false, t);
  // Someone else's, inside the skipped words, is not this patient's cause.
  assert.equal(met('reconstructive-cause', 'She is reluctant because of a family history of breast cancer.'), false);
  // A history inside the skipped words still documents (SPEC 4: a past failure is a failure),
  // and a reporter is not the experiencer.
  assert.ok(met('oral-baclofen-failed', 'Oral baclofen in 2019 was not tolerated because of sedation.'));
  assert.ok(met('conservative-therapy-failed', 'Physical therapy, per mom\'s report, did not help.'));
});

test('a negation ends where a comma, a conjunction and a new subject start a clause', () => {
  const t =
    'Fat grafting is anticipated to rebuild the cushion so that the mucosa is no longer drawn between the teeth, and she should be able to chew on the left side again.';
  assert.ok(met('expected-improvement', t));
  assert.equal(met('expected-improvement', 'Fat grafting is not expected to let her chew on the left side again.'), false);
});

test('a disease "with" a deformity names its cause; "with" a finding that is not a deformity does not', () => {
  assert.ok(met('reconstructive-cause', 'Seropositive rheumatoid arthritis x 20 years, with bilateral forefoot deformity and fat pad atrophy.'));
  assert.ok(met('reconstructive-cause', 'HIV w/ marked facial lipoatrophy.'));
  assert.equal(met('reconstructive-cause', 'End-stage renal disease with failing AV dialysis fistula.'), false);
  assert.equal(met('reconstructive-cause', "Parkinson's disease with depression."), false);
});

test('expectations and functions in the words clinicians use: "so that she regains a lip seal", "can no longer wear the aid"', () => {
  assert.ok(met('expected-improvement', 'The graft is anticipated to widen her oral aperture so that she regains a competent lip seal when eating.'));
  assert.ok(met('functional-impairment', 'The keloid pushes her hearing aid off, so she can no longer wear the aid and struggles to follow conversations.'));
  // The examiner's own limits are not the patient's.
  assert.equal(met('functional-impairment', 'I could not hear a murmur today.'), false);
});

test('an expectation in doubt is not a reasonable expectation: "?functional benefit", "possibly"', () => {
  assert.ok(met('expected-improvement', 'Fat grafting is expected to improve her chewing.'));
  for (const t of ['Fat grafting: ?functional benefit - may mostly restore contour.', 'Fat grafting will possibly improve her chewing.'])
    assert.equal(met('expected-improvement', t), false, t);
  // The query mark is a word of the pattern language standing alone, as the plus sign is.
  assert.equal(met('hiv-diagnosis', 'Weight loss, ?HIV - serology sent.'), false);
});

test('a probable cause is not a documented one ("probably secondary to lung cancer"); a drug that "did not benefit" failed', () => {
  assert.equal(met('reconstructive-cause', 'Moderate effusion with early tamponade, probably secondary to lung cancer.'), false);
  assert.equal(met('reconstructive-cause', 'Peripheral neuropathy of her left foot is most likely secondary to her chemo.'), false);
  assert.ok(met('reconstructive-cause', 'Peripheral neuropathy of her left foot secondary to her chemo.'));
  assert.ok(met('oral-baclofen-failed', 'She was tried on baclofen by Dr. X, but again it did not benefit her and made her feel dizzy.'));
});

test('a procedure\'s name is not its indication: "Right nipple reconstruction." documents no mastectomy', () => {
  assert.equal(met('post-mastectomy-asymmetry', 'Right nipple reconstruction.'), false);
  assert.ok(met('post-mastectomy-asymmetry', '54 y/o F s/p L total mastectomy 03/2024 for invasive ductal carcinoma.'));
});

test('"the pain has not let up despite injections" is pain unresponsive to treatment, not a negated pain', () => {
  const keloid = 'The right earlobe keloid started after a piercing in 2019 and throbs most nights; ';
  assert.ok(met('scar-pain-refractory', keloid + 'the earlobe pain has not let up despite four intralesional triamcinolone injections.'));
  assert.ok(met('scar-pain-refractory', 'Keloid of the chest. The pain has not responded to silicone gel.'));
  assert.equal(met('scar-pain-refractory', 'Keloid of the chest, not painful.'), false);
});

test('cosmetic intent: "dislikes how it looks", "appearance concern only"', () => {
  assert.ok(met('cosmetic-intent', 'She wants the chest keloid removed because she dislikes how it looks in V-neck tops.'));
  assert.ok(met('cosmetic-intent', 'Presternal chest keloid, appearance concern only.'));
});

test('an expectation in the first person: "I do expect that grafting ... will widen her mouth enough that she can eat normally again"', () => {
  assert.ok(
    met(
      'expected-improvement',
      'Microstomia from scleroderma, and I do expect that grafting fat into the perioral tissues will loosen the skin and widen her mouth opening enough that she can eat normally again.',
    ),
  );
  assert.equal(met('expected-improvement', 'I do not expect that grafting will let her eat normally again.'), false);
  assert.ok(met('expected-improvement', 'Fat grafting is expected to soften the tissue and enlarge his mouth opening enough to eat and seat his denture.'));
});

test('round 10 classes: masticate, a widened mouth opening, an operation as a cause, a contact burn, "half of her pain gone"', () => {
  assert.ok(met('expected-improvement', 'Restoring buccal volume in the L cheek should let her masticate on that side again.'));
  assert.ok(met('expected-improvement', 'Perioral grafting is expected to loosen the perioral skin and widen her oral aperture.'));
  assert.ok(met('reconstructive-cause', 'Anterior chest keloid arose in her sternotomy incision after CABG in 2021.'));
  assert.ok(met('reconstructive-cause', 'Contact burn (hot oil) to the L lower face 2024.'));
  const trial = 'Intrathecal morphine trial performed.\n';
  assert.ok(met('pump-trial-relief', trial + 'During the intrathecal trial she reported more than half of her pain gone.'));
  assert.equal(met('pump-trial-relief', trial + 'During the intrathecal trial about half of her pain was gone.'), false);
  // Pregnancy is not a disease (SPEC 4), nor is a mood a deformity.
  assert.equal(met('reconstructive-cause', 'Significant for postpartum depression after her last baby as well as a cesarean.'), false);
});

test('seed-29 corpus classes: a persistent symptom is no failed therapy, nor is tolerating a drug well; a bare pain syndrome is not intractable', () => {
  assert.equal(met('conservative-therapy-failed', 'She was admitted because of the persistent vomiting, but there was concern about the weight loss.'), false);
  assert.equal(met('conservative-therapy-failed', 'She is tolerating the medication well and has had no seizure.'), false);
  assert.ok(met('conservative-therapy-failed', 'Pain persisted despite 12 weeks of physical therapy and NSAIDs.'));
  assert.equal(met('intractable-pain', 'Chronic pain syndrome.'), false);
  assert.equal(met('intractable-pain', 'Complex Regional Pain Syndrome, right upper extremity.'), false);
  assert.equal(met('intractable-pain', 'Post laminectomy syndrome, stable.'), false);
  assert.ok(met('intractable-pain', 'Failed back surgery syndrome with constant low back and leg pain.'));
  assert.equal(met('reconstructive-cause', 'We will obtain an orthopedic consult secondary to her fall to evaluate her x-rays.'), false);
  assert.equal(met('reconstructive-cause', 'Her past medical history apart from the tibia-fibular fracture is significant for varicella.'), false);
});

test('biting the cheek in the bite is a functional deficit; biting the tongue in a seizure is not', () => {
  assert.ok(met('functional-impairment', 'Because the buccal fat has gone she bites her inner cheek at most meals.'));
  assert.equal(met('functional-impairment', 'He had a generalized seizure, biting her tongue.'), false);
});

test('seed-41 corpus classes: an option, a condition ("barring"), a choice between approaches, one of two causes', () => {
  eachMet(
    'reconstructive-cause',
    [
      'The patient was given the option of amputation as a treatment for the chronic resistant osteomyelitis.',
      'I decided to perform a craniotomy rather than burr hole drainage because of the enhancing membranes.',
      'Her weakness is either due to the tumor or other psychiatric problems.',
    ],
    false,
  );
  assert.equal(met('functional-impairment', 'A CT will define the alignment, and barring any problems, she will be ambulating with the halo on.'), false);
  assert.ok(met('reconstructive-cause', 'Below-knee amputation for chronic osteomyelitis in 2019, with a painful stump deformity.'));
});

test('the vocabulary of functions and expectations clinicians use: stairs, rising from a chair, "I believe ... will let her", "should be able to"', () => {
  eachMet('functional-impairment', ['She cannot get up one flight of stairs.', 'He cannot rise from the chair without using his arms.', 'She has difficulty pushing a cart.'], true);
  eachMet(
    'expected-improvement',
    [
      'I believe fat grafting will allow her to chew on the left again.',
      'After grafting she should be able to walk a full shift without pain.',
      'Grafting would let her wear shoes comfortably.',
    ],
    true,
  );
  eachMet(
    'expected-improvement',
    [
      // A wish, a question and a technique are not an expected outcome.
      'She would like the plate removed, so that she can eat and drink better.',
      'Pt asks whether grafting would let her stand longer; outcomes are variable.',
      'In order to better grasp the splinter, the nail plate was lifted.',
    ],
    false,
  );
});

test('a drug reaction in the allergy list is not the headache treated; an organ\'s failure is no failed therapy', () => {
  const allergy = criterionIn('ALLERGIES:\nSulfa drugs (headache), morphine (nausea).\n', 'headache-indication');
  assert.equal(allergy.met, undefined);
  assert.deepEqual([allergy.miss?.reason, allergy.miss?.trigger], ['scope', 'ALLERGIES section']);
  assert.ok(met('headache-indication', 'HPI:\nDaily occipital headaches for two years.\n'));
  // An intolerance in the allergy list still documents a failed drug (round 10, b1024).
  assert.ok(met('oral-baclofen-failed', 'ALLERGIES:\nOral baclofen - intolerance (excessive sedation).\n'));
  eachMet('conservative-therapy-failed', ['He was started on medications for heart failure.', 'Congestive heart failure, stable on current regimen.'], false);
});

test('a mild limitation is not a significant functional deficit (SPEC 4)', () => {
  eachMet('functional-impairment', ['His symptoms are very mild: some very mild gait instability.', 'Gait: Mild difficulty climbing stairs.'], false);
  eachMet('functional-impairment', ['Gait: marked difficulty climbing stairs.', 'She is unable to climb stairs.'], true);
});

test('a combination documents once per stretch of a sentence it spans: each stretch is a mention its own context decides', () => {
  // The husband's report does not take the patient's own "can no longer open jars" with it.
  assert.ok(met('functional-impairment', 'Pt reports she can no longer open jars or button her blouse, and her husband cuts her food because she can\'t hold a knife.'));
  assert.equal(met('functional-impairment', 'Her husband cannot hold a knife.'), false);
});

test('round 12 classes: intelligibility and nasal regurgitation, fine pinch, "no tone reduction", "too sedated", a queried trial drug\'s percentage, pus 3x', () => {
  assert.ok(met('functional-impairment', 'Speech so hypernasal that strangers cannot understand her, and she regurgitates liquids whenever she drinks.'));
  assert.equal(met('functional-impairment', 'Has some regurgitation with gas after meals.'), false);
  assert.ok(met('expected-improvement', 'Augmentation should close the VP gap, improve intelligibility and stop the regurgitation.'));
  assert.ok(met('expected-improvement', 'Grafting to the R hand pads is expected to return enough padding for fine pinch.'));
  assert.ok(met('oral-baclofen-failed', 'PO baclofen titrated to 80 mg/day: no tone reduction and he was too sedated to work.'));
  assert.ok(met('cosmetic-intent', 'She wants the dent filled so it looks better in swimwear.'));
  assert.ok(met('pump-trial-relief', 'IT morphine trial: 70% reduction.'));
  assert.equal(met('pump-trial-relief', 'IT baclofen trial: 70% reduction in tone.'), false);
  const keloid = 'R earlobe keloid after piercing. ';
  assert.ok(met('scar-breakdown', keloid + 'It has gotten infected and drained pus 3x this year, surface cracks and oozes.'));
});

test('a SOAP letter or a "Pt:" line ends the family history before it', () => {
  const note = 'FAMILY HISTORY: brother w/ spastic diplegia (CP), has an ITB pump.\nPt: mild calf cramps.\nTried PO baclofen 10 mg TID x 6 wk - ineffective, stopped.\n';
  assert.ok(met('oral-baclofen-failed', note));
  assert.equal(met('spasticity-origin', note), false);
});

test('round 13 classes: "more than half her pain was gone", a keloid that opened up and got infected twice two sentences on, "feels she looks tired"', () => {
  assert.ok(met('pump-trial-relief', 'During the IT trial she reported more than half her pain was gone.'));
  assert.ok(met('scar-breakdown', 'Earlobe keloid R, 2.4 cm, s/p piercing.\nThrobs nightly despite Kenalog.\nHas opened up and gotten infected twice since Jan.\n'));
  assert.ok(met('cosmetic-intent', 'Pt wants softer nasolabial folds, feels she looks tired.'));
});

test('rounds 9 and 11 classes (read after their held-out figures were recorded)', () => {
  const op = 'Metatarsal pads and custom orthoses were tried over a year w/o lasting benefit. ';
  assert.ok(met('expected-improvement', op + 'Restoring the plantar forefoot cushion should let her walk and stand for longer.'));
  assert.equal(
    met('expected-improvement', 'Discussed fat grafting to the L hand. Separately, botulinum toxin to the L palm is expected to improve his digital perfusion and grip.'),
    false,
  );
  assert.ok(met('spasticity-origin', 'Severe b/l LE spasticity, MAS 4, spasms throw him out of his w/c.'));
  assert.ok(met('pump-trial-relief', 'A temporary intrathecal catheter was placed and hydromorphone was infused over 48 hours. His pain went from nine out of ten to three out of ten.'));
  assert.equal(met('pump-trial-relief', 'Intrathecal trial done. Unrelated: R SI joint RFA last fall gave ~70% relief of her buttock pain.'), false);
  assert.ok(met('functional-impairment', "Can't get thru a 4 hr shift at the register - has to sit down after 30-40 min."));
  assert.ok(met('cosmetic-intent', 'He would like to look healthier and less gaunt; this is purely about how his face looks to him.'));
  assert.equal(met('oral-baclofen-failed', 'Should oral baclofen prove ineffective or cause sedation, we will move to an intrathecal pump.'), false);
  assert.ok(met('reconstructive-cause', 'Keloid arose in the sternotomy scar.'));
  assert.ok(met('conservative-therapy-failed', 'Two triamcinolone injections into the chest keloid did not flatten it.'));
});

test('seed-53 corpus classes: a test\'s result, a direction, a post-mortem finding are no cause', () => {
  eachMet(
    'reconstructive-cause',
    [
      'Result of this test suggests low probability for significant coronary artery disease.',
      'The fracture was linear in nature from distal lateral to proximal medial.',
      'Lack of hemorrhage indicates this injury to be post-mortem.',
    ],
    false,
  );
  assert.ok(met('reconstructive-cause', 'Contour deformity as a result of the motor vehicle accident.'));
});

test('an appearance that is a clinical sign, or a technique matched to a wish, is no cosmetic purpose', () => {
  eachMet(
    'cosmetic-intent',
    [
      'I was requested a consultation because of the appearance of the penis after circumcision.',
      'Care was taken to preserve a natural contour to the brow shape consistent with the patient\u2019s desired features.',
    ],
    false,
  );
  assert.ok(met('cosmetic-intent', 'She requests the procedure to improve her appearance.'));
});

test('round 14 classes (read after its held-out figure was recorded): "cant" without its apostrophe, "stops him straightening", lid closure, "for looks", "would also like", an oral drug is no mouth', () => {
  assert.ok(met('functional-impairment', 'Pt says he cant keep food in on the R side when he chews.'));
  assert.ok(met('functional-impairment', 'The burn scar contracture stops him straightening the elbow.'));
  assert.ok(met('expected-improvement', 'HA filler beneath the L lower lid scar is expected to support the lid and improve closure.'));
  assert.ok(met('cosmetic-intent', 'She says plainly this is for looks.'));
  assert.ok(met('cosmetic-intent', 'She would also like her hands to look less bony and aged.'));
  // SPEC 4.1: "oral cephalexin" names a route, not the face, so the ear keloid's infections count for the ear.
  assert.deepEqual(sitesIn(engine().compiled, 'It drained pus in July requiring oral cephalexin, and the earlobe surface is friable.'), ['ear']);
});

test('round 15 classes (read after its one run at the final commit): a distance limit without a walking word, "has not settled despite", SCI with spasms, "purely how I look", XRT for a carcinoma', () => {
  assert.ok(met('functional-impairment', 'She has to stop after about a hundred yards because of the heel pain.'));
  assert.ok(met('scar-pain-refractory', 'Right earlobe keloid. It is tender and throbs, and it has not settled despite four rounds of intralesional triamcinolone.'));
  assert.ok(met('spasticity-origin', 'T6 ASIA A SCI (MVA 2019) with severe LE extensor spasms that throw him out of his wheelchair.'));
  assert.ok(met('spasticity-origin', 'Spinal-origin spasticity intolerant of PO baclofen.'));
  assert.ok(met('cosmetic-intent', 'She wants the lower belly slimmed before summer - "purely how I look in clothes".'));
  assert.ok(met('reconstructive-cause', 'S/p R superficial parotidectomy and adjuvant XRT for mucoepidermoid carcinoma.'));
  assert.equal(met('cosmetic-intent', 'These were trimmed to the desired dimensions.'), false);
});

test('round 16 and 18 classes (tuned on after their first blind run): a line ending in ";" goes on, a baseline carried to the next sentence, a saline arm over its line, VAS in mm', () => {
  // A comma or semicolon at a line's end is mid-sentence.
  assert.ok(met('scar-pain-refractory', 'Presternal keloid. Constant prickling pain, worse when shirt rubs;\nno better despite 5 series of triamcinolone injections.'));
  const trial = 'INTRATHECAL TRIAL NOTE\nPROCEDURE: Single-shot intrathecal morphine 0.2 mg at L2-3.\n';
  // The baseline's score is carried to a result that reads two scores of its own (3 to 3).
  assert.ok(met('pump-trial-relief', trial + 'Baseline NRS 8/10. At 4 h NRS 3/10, at 8 h NRS 3/10.\n'));
  assert.equal(met('pump-trial-relief', trial + 'Baseline NRS 8/10. At 4 h NRS 6/10, at 8 h NRS 5/10.\n'), false);
  // A saline arm's sentence puts the result after it on its line out of scope.
  const blinded = 'Day 1 (blinded): intrathecal normal saline 2 mL. VAS 9 before ... VAS 2 at 3 hours.\n';
  assert.equal(met('pump-trial-relief', 'INTRATHECAL TRIAL REPORT\n' + blinded), false);
  // A VAS in millimetres, the second score at the hour it was taken.
  assert.ok(met('pump-trial-relief', 'PROCEDURE: Intrathecal Dilaudid 0.1 mg bolus.\nFINDINGS: VAS 80 mm at baseline and 20 mm at 6 hrs, walked 200 ft.'));
});

test('round 16 and 18 classes: functions a device or posture limits, giving up an activity, "unable for", oral leak forms, and their near misses', () => {
  eachMet(
    'functional-impairment',
    [
      'She cannot tolerate the seat belt crossing her chest.',
      'She has stopped driving herself to work.',
      'She also cannot lie on her left side at night.',
      '[x] Functional problem: liquids and soup leak from L corner of mouth.',
      'He lacks 35 degrees of terminal extension and is unable for reaching the top cupboard.',
      'She is not able for walking more than 10 mins to the shop.',
    ],
    true,
  );
  eachMet(
    'functional-impairment',
    [
      '44F with two separate problems she is wanting addressed at the same sitting.',
      'He tells me he did quit chewing tobacco.',
      'He stopped drinking in 2015.',
      'She cannot tolerate oral baclofen because of sedation.',
    ],
    false,
  );
});

test('round 16 and 18 classes: cosmetic wording with two modifiers, "wanting", British and ESL failure wording, a purpose clause, a free flap', () => {
  assert.ok(met('cosmetic-intent', 'Sculptra to b/l cheeks, solely to improve his facial appearance.'));
  assert.ok(met('cosmetic-intent', 'He is wanting his face to look fuller like before.'));
  eachMet(
    'conservative-therapy-failed',
    [
      'Has used preservative-free tears QID and lubricating ointment nightly for 8 months without success.',
      'Lip strength and seal have not improved despite full adherence to the exercise programme.',
      'She has had 6 months of swallow therapy and pentoxifylline, and she has not got benefit from any of it.',
    ],
    true,
  );
  assert.ok(met('scar-pain-refractory', 'Chest keloid. Painful, unstable, recurrently infected keloid - conservative tx exhausted.'));
  // "without biting" is what the procedure is to allow, not a negation of it.
  assert.ok(met('expected-improvement', 'Replacing the lost buccal volume is expected to keep the cheek mucosa out of the bite line, so that he is able to chew without biting and the ulceration should settle.'));
  // "free flap" is an operation, not "pain free".
  assert.ok(met('reconstructive-cause', '27 yo M s/p degloving injury L lower leg in motorbike accident 2024 with free flap and STSG.'));
  assert.ok(met('reconstructive-cause', 'Plantar fat pad atrophy b/l secondary to RA.'));
});

test('SPEC 4.1: the chest names a breast line too (after a mastectomy the breast is the chest wall), and a skin-tag template names its tags three lines up', () => {
  assert.deepEqual(sitesIn(engine().compiled, 'She cannot tolerate the seat belt crossing her chest.'), ['breast', 'chest']);
  const template = 'SKIN TAG REMOVAL - MEDICAL NECESSITY TEMPLATE\nSite: L inframammary fold along bra band (9 lesions)\n[x] Located in area of friction (bra band / underwire)\n';
  assert.ok(met('skin-tag-location', template));
});

test('corpus review 71 classes: an exam manoeuvre that hurts is no functional deficit, an incidental headache is not the pain treated, a hedged cause, a visit explained', () => {
  eachMet(
    'functional-impairment',
    ['Active range of motion reveals pain with lumbar extension, right lateral flexion.', 'He has been having problems with wheezing, cough and shortness of breath.'],
    false,
  );
  assert.ok(met('functional-impairment', 'She has pain with walking more than a block.'));
  eachMet(
    'headache-indication',
    [
      'Complains of a slight headache, but his main concern is back ache.',
      'He also reports occasional headaches with some stabbing pain in his feet.',
      'Seen a week ago with complaints of a sore throat, headache and fever.',
    ],
    false,
  );
  assert.ok(met('headache-indication', 'Chronic daily headaches despite three preventives.'));
  eachMet(
    'reconstructive-cause',
    [
      'This is perhaps due to sports injury.',
      'Acute renal failure, which in all probability is secondary to acute tubular necrosis.',
      'The patient was brought by ambulance following a motor vehicle collision 45 minutes ago.',
    ],
    false,
  );
  // The hedge is the cause's: the HIV itself stays asserted.
  assert.ok(met('hiv-diagnosis', 'Stage IV chronic kidney disease likely secondary to HIV nephropathy.'));
});

test('a templated review of systems: "(-)" negates its items up to the next "(+)"', () => {
  assert.equal(met('headache-indication', 'Constitutional Symptoms: (-) constitutional symptoms such as fever, headache, nausea, dizziness.'), false);
  assert.equal(met('functional-impairment', 'Eyes: (-) dry eyes (-) eye or vision problems (-) blurred vision.'), false);
  assert.ok(met('functional-impairment', 'Neurological: (-) numbness (+) decreased ROM of the neck.'));
  assert.ok(met('headache-indication', 'Neuro: (+) headaches daily, the pain the pump is for.'));
});

test('round 20 and 21 classes (tuned on after their first blind run): a negative statement beside another, an inverted condition, devices and giving up, misheard drug and route names', () => {
  // Two deficits in a row: the first "cannot" does not negate the second "can't".
  assert.ok(met('functional-impairment', "Palm scar band pulls the fingers down; she cannot open the L palm flat and can't grip the handlebar of her bike."));
  assert.equal(met('functional-impairment', 'Negative for weight loss and no change in her ability to walk.'), false);
  eachMet(
    'functional-impairment',
    [
      'She can only be on her feet about fifteen minutes before the heel pain forces her to sit.',
      'She gave up grocery shopping.',
      'She uses a cane outdoors.',
    ],
    true,
  );
  eachMet('functional-impairment', ['We recommend she start using a cane.', 'She states that she is supposed to be using a cane.'], false);
  // "Should X stop working, ..." is a condition, not a failure.
  assert.equal(met('oral-baclofen-failed', 'Should oral baclofen stop working or cause side effects down the line, she would be a candidate for ITB.'), false);
  assert.ok(met('reconstructive-cause', 'It should be noted that the degeneration of the knee is related to the July 2007 injury.'));
  assert.ok(met('expected-improvement', 'We reasonably expect the grafting to restore a competent left lip seal.'));
  // Speech recognition's "bac Lofen", and a long sentence of doses before the side effect.
  assert.ok(
    met(
      'oral-baclofen-failed',
      'bac Lofen by mouth was pushed to twenty milligrams QID but he was so drowsy and weak he could not do his transfers so we had to come back down',
    ),
  );
  assert.deepEqual(sitesIn(engine().compiled, 'he had a test dose of in the thecal baclofen', 'route'), ['intrathecal']);
  assert.ok(met('intractable-pain', 'FBSS after three lumbar surgeries, chronic severe intractable LBP w/ L leg radiation.'));
  assert.ok(met('reconstructive-cause', '[x] trauma - dog bite laceration to lower lip and chin, repaired in ED 2023'));
  assert.ok(met('reconstructive-cause', 'Lupus panniculitis leaving deep atrophy of the fat pad under both heels.'));
});

test('a trial result: "came down by about two-thirds", and a benefit credited to a nerve block is out of scope', () => {
  assert.ok(met('pump-trial-relief', 'PROCEDURE: intrathecal trial catheter placed for 48 hours with morphine; her pain came down by about two-thirds.'));
  assert.equal(
    met('pump-trial-relief', 'Intrathecal trial report.\nDay 2 (intrathecal morphine): NRS 9 pre, 6 post.\nHer pain was cut by two-thirds for a week after last month\u2019s stellate ganglion block.'),
    false,
  );
});

test('a combination read back to an anaphor stops at a condition between them; a shorter match counts when the longest does not', () => {
  const plan =
    'ITB is generally reserved for children whose spasticity has not responded to oral drugs. Start oral baclofen 5 mg PO TID and titrate over 6 weeks; if he can\u2019t tolerate it, we\u2019ll move ahead with an ITB pump.';
  assert.equal(met('oral-baclofen-failed', plan), false);
  assert.ok(met('oral-baclofen-failed', 'PO baclofen titrated to 80 mg/day: no tone reduction and he was too sedated to work.'));
});

test('corpus review 83 classes: a past hedge, a lipodystrophy with no cause, the surgeon\u2019s view', () => {
  eachMet(
    'reconstructive-cause',
    ['This may have been related to recent episode of viral infection or infection of some sort.', 'Lipodystrophy of the abdomen and thighs.'],
    false,
  );
  eachMet(
    'reconstructive-cause',
    ['He developed severe lipoatrophy of the face as a result of that therapy.', 'HIV-associated lipoatrophy of both cheeks.'],
    true,
  );
  assert.equal(met('functional-impairment', 'Normal anatomy was difficult to see due to adhesions.'), false);
});

test('round 23 and 24 classes (tuned on after their first blind run): "non-HIV", an indented result under a saline day, the problem a procedure ends, "has hurt", "< 15 min"', () => {
  assert.equal(met('hiv-diagnosis', 'Facial lipodystrophy, non-HIV (Barraquer-Simons).'), false);
  // "non-" governs only the word after it.
  assert.ok(met('headache-indication', 'He described them as non-throbbing headaches, daily for a year.'));
  const blinded =
    'INTRATHECAL TRIAL REPORT - blinded\nPROCEDURE:\nDay 1 (12/17): intrathecal injection of preservative-free normal saline (placebo), pt blinded.\n  Pain 7/10 before -> 2/10 at 4 h.\n';
  assert.equal(met('pump-trial-relief', blinded), false);
  assert.ok(
    met(
      'expected-improvement',
      'Sculptra to the buccal hollows is expected to rebuild cheek volume so the mucosa no longer falls between the teeth and she can chew normally again.',
    ),
  );
  assert.ok(met('scar-pain-refractory', 'The chest keloid has hurt constantly for years despite multiple triamcinolone injections.'));
  eachMet('functional-impairment', ['Stands < 15 min at work (cashier) before heel pain -> has to sit.', 'She stopped grocery shopping on foot.'], true);
});

test('SPEC 4.1 in unpunctuated dictation: a line about the lips does not document the arm billed beside it', () => {
  const note = [
    '---',
    'patient: MRN 1',
    'date: 2025-09-03',
    '---',
    'HISTORY OF PRESENT ILLNESS: thirty eight year old man with linear morphea extending to the perioral region and a second plaque on the left upper arm',
    'the perioral skin is so bound down he cannot close his lips around a straw or a spoon and liquid runs out the left corner of his mouth when he drinks',
    'the left upper arm has a firm depressed plaque but he has full range of motion at the shoulder and elbow and no trouble lifting or dressing',
    'ASSESSMENT AND PLAN: grafting fat into the perioral tissues is expected to loosen the skin and restore his lip seal for eating and drinking',
    'will also graft the left upper arm plaque at the same sitting',
    '',
  ].join('\n');
  const claim = claimOf('Anthem', '2025-09-03', ['line 1: 15773 x1 ; fat grafting, perioral / lips', 'line 2: 15771-LT x1 ; fat grafting, left upper arm']);
  const [lips, arm] = checkClaim(claim, { '/mem/notes/v.note': note }).determinations;
  assert.equal(lips.status, 'supported');
  assert.equal(arm.status, 'documentation-missing');
});

test('round 26 and 27 classes (tuned on after their first blind run): the anaphor nearer its parts, a dummy "it", an epidural infusion trial, lists of therapy before their failure', () => {
  // "these", nearer the failure than "it", completes it with the measures before.
  assert.ok(
    met(
      'conservative-therapy-failed',
      'Conservative measures: lubricants hourly, carbomer gel and lid taping every night, for 5 months. Despite all of it the cornea keeps breaking down and the tearing is unchanged - these have not controlled his exposure.',
    ),
  );
  // "It was noted that" refers back to nothing.
  assert.equal(
    met('conservative-therapy-failed', 'He did physical therapy in 2019. It was noted that the subjective category of the document revealed that there was no real change.'),
    false,
  );
  assert.ok(
    met(
      'conservative-therapy-failed',
      'Two courses of oral-motor therapy (2023, 2024) and a custom buccal prosthesis from maxillofacial prosthetics were tried and were ineffective.',
    ),
  );
  assert.ok(met('oral-baclofen-failed', 'Oral baclofen was built up to 10 mg TID. He became so floppy and drowsy that he was nodding off in class, and mum stopped it after five weeks.'));
  // The epidural infusion is the trial its result belongs to (SPEC 4.1: not the intrathecal pump's).
  assert.deepEqual(sitesIn(engine().compiled, 'Cervical epidural catheter placed C7-T1; continuous epidural morphine infusion for 48 h.', 'route'), ['epidural']);
  assert.ok(met('pump-trial-relief', 'TRIAL NOTE\nCervical epidural catheter placed; continuous epidural morphine infusion for 48 h.\nPain reduced by more than two-thirds (NRS 9 -> 2).'));
  eachMet(
    'functional-impairment',
    ['He cannot purse the upper lip around a straw.', 'He chews the inside of both cheeks at nearly every meal.', 'He now cuts his food into tiny bits.'],
    true,
  );
  eachMet('cosmetic-intent', ['Wants liposuction to slim her waistline - she is clear this is aesthetic.', 'The thigh is purely a looks issue for her.', 'Dermal-fat graft to the right temple purely for an aesthetic improvement.'], true);
  // A benefit credited to orthodontics, however it is punctuated.
  eachMet('expected-improvement', ['Crossbite - orthodontic expansion should correct the bite.', 'Crossbite - orthodontic expansion, per ortho, should correct the bite.'], false);
  assert.ok(met('expected-improvement', 'Fat grafting is intended to support the lower lip; I expect that to cut down the drooling and food spill at meals.'));
});

test('SPEC 4.1 within the face: a sentence about the lips does not document the temple billed beside it, and one about the whole face documents every part', () => {
  const note = [
    '---',
    'patient: MRN 1',
    'date: 2025-09-03',
    '---',
    'HPI: 52F, 14 months after a dog bite with transection of the marginal mandibular branch. She dribbles saliva from the left lower lip and loses food over the lip when eating.',
    'She also raises the right temple: a slight hollowing she would like softened. She has no functional complaint referable to the right temple.',
    'A/P: Fat grafting to the left lower lip (CPT 15773) is intended to support the lip; I expect that to cut down the drooling and food spill at meals.',
    'Dermal-fat graft to the right temple (CPT 15769) purely for an aesthetic improvement.',
    '',
  ].join('\n');
  const claim = claimOf('Anthem', '2025-09-03', ['line 1: 15773 x1 ; fat grafting, left lower lip and commissure', 'line 2: 15769 x1 ; dermal-fat graft, right temple']);
  const [lip, temple] = checkClaim(claim, { '/mem/notes/v.note': note }).determinations;
  assert.equal(lip.status, 'supported');
  assert.equal(temple.status, 'not-covered');
  // A facial nerve injury is the whole face's: it is the cause for an eyelid line too.
  assert.deepEqual(sitesIn(engine().compiled, '[x] Cause: facial nerve injury following parotidectomy'), ['face']);
  assert.deepEqual(sitesIn(engine().compiled, 'HA filler L upper lid'), ['face', 'face-eye']);
});

test('round 29 and 30 classes (tuned on after their first blind run): irritation alone is not irritation and bleeding, one score on each side of a baseline, "not a surgical candidate", a spaced dash parts clauses', () => {
  // CP.MP.31 I.A.2: "repeated irritation and bleeding"; red and irritated is not bleeding.
  eachMet('skin-tag-irritation-bleeding', ['Tags at the collar line; they are often red and irritated by evening.', 'Irritated skin tags at the bra line.'], false);
  eachMet('skin-tag-irritation-bleeding', ['Axillary tag constantly rubbed by the strap. Recurrent irritation w/ spotting of blood on shirts.', 'Bleeding skin tags at the bra line.'], true);
  eachMet(
    'skin-tag-location',
    ['Acrochordons along the L bra band and in the L inframammary crease.', 'Skin tags. The underwire and hook-and-eye clasp rub directly over them.', 'Acrochordons of posterior neck, in friction zone.'],
    true,
  );
  assert.deepEqual(sitesIn(engine().compiled, 'The underwire and hook-and-eye clasp rub directly over them.'), []);
  assert.ok(met('pump-trial-relief', 'PROCEDURE: Intrathecal opioid trial (single-shot), L2-3.\nBaseline NRS 8 pre. NRS 2 post at 4 h, sustained at 2-3 through 18 h.\n'));
  assert.equal(met('pump-trial-relief', 'PROCEDURE: Intrathecal opioid trial (single-shot), L2-3.\nBaseline NRS 8 pre. NRS 5 post at 4 h.\n'), false);
  assert.ok(met('intractable-pain', 'Lumbar spondylosis, not a surgical candidate (cardiac), chronic, severe, intractable back pain despite PT.'));
  assert.ok(met('cosmetic-intent', "The L thigh dent causes her no trouble at all - she'd just like it smoothed out so it looks better in shorts."));
  assert.ok(met('expected-improvement', 'Fat grafting to the perioral scar is expected to release the tethered scar and increase his mouth opening for eating.'));
  assert.ok(met('reconstructive-cause', '58F seropositive RA, forefoot fat pad atrophy + MTP subluxation b/l.'));
});

test('round 32 and 33 classes (tuned on after their first blind run): spasticity of a muscle group, a flowsheet summary naming the intrathecal drug', () => {
  assert.ok(met('spasticity-origin', 'Severe extensor spasticity of both legs of spinal cord origin.'));
  const flowsheet = [
    'INTRATHECAL TRIAL FLOWSHEET - Pain Medicine (RN documentation)',
    '02/18/25 0800  Baseline NRS 8/10.',
    '02/18/25 1030  NRS 4/10',
    '02/18/25 1430  NRS 2/10, walked hallway x3 laps.',
    '02/18/25 2000  NRS 2/10. No resp depression, mild pruritus.',
    'Summary: NRS 8 pre / 2 post intrathecal morphine.',
    '',
  ].join('\n');
  assert.ok(met('pump-trial-relief', flowsheet));
});

test('SPEC 4.1: a function only a site serves names that site only where no site is named by its anatomy ("the balls of his feet ... walking" is the feet\u2019s, not a thigh\u2019s)', () => {
  assert.deepEqual(sitesIn(engine().compiled, 'He has to stop after about a block because the balls of his feet feel like walking on stones.'), ['foot']);
  assert.deepEqual(sitesIn(engine().compiled, 'She cannot walk more than a block.'), ['foot', 'leg']);
  assert.deepEqual(sitesIn(engine().compiled, 'She can no longer chew on the left.'), ['face', 'face-mouth']);
  const note = [
    '---',
    'patient: MRN 1',
    'date: 2025-09-03',
    '---',
    'HPI: 47 yo M, h/o flame burn to L thigh at age 19, now with plantar fat pad atrophy of both forefeet after years of steroid injections.',
    'Both feet: he has to stop and rest after about a block because the balls of his feet feel like walking on stones, and he can no longer run or stand a full shift.',
    'A/P: plantar fat grafting to both forefeet is expected to recreate the cushion so he can walk and stand through his shift again.',
    'The left thigh graft is being done only to improve how the contour looks in shorts; the thigh scar causes no limitation whatsoever.',
    '',
  ].join('\n');
  const claim = claimOf('Anthem', '2025-09-03', ['line 1: 15773-50 x1 ; fat grafting, bilateral plantar forefoot', 'line 2: 15771-LT x1 ; fat grafting, left thigh']);
  const [feet, thigh] = checkClaim(claim, { '/mem/notes/v.note': note }).determinations;
  assert.equal(feet.status, 'supported');
  assert.notEqual(thigh.status, 'supported');
});

test('a benefit credited to another treatment, the subject of the expectation whatever its verb, is not the graft\u2019s (SPEC 4)', () => {
  eachMet(
    'expected-improvement',
    [
      'The splint and jaw-stretching exercises are expected to ease her chewing and cut down the cheek biting.',
      'Custom accommodative orthotics are expected to offload the metatarsal heads and improve her walking tolerance.',
      'Per OT, the hand therapy program is expected to improve her dexterity and pinch strength.',
    ],
    false,
  );
  // Padding is what a fat graft gives, not another treatment.
  eachMet('expected-improvement', ['Autologous fat transfer to plantar heels. Added padding is anticipated to let her stand and walk for longer without pain.'], true);
});

test('a statement about a group of people, not this patient ("reserved for children who fail ..."), documents nothing (SPEC 4)', () => {
  eachMet(
    'oral-baclofen-failed',
    ['ITB is in general reserved for children who fail or cannot tolerate enteral baclofen.', 'The pump suits adults whose spasticity is not controlled by oral baclofen.'],
    false,
  );
  eachMet('oral-baclofen-failed', ['He could not tolerate oral baclofen, even at 10 mg TID, because of sedation.'], true);
});

test('"a bit" is a little, not a bite: "the cheek scar is a bit tender" is no eating impairment; biting the cheek is', () => {
  eachMet('functional-impairment', ['The cheek scar is "a bit tender now and then"; no treatment tried.', 'Her cheek feels a little bit numb.'], false);
  eachMet('functional-impairment', ['She bit her cheek twice this week while chewing.', 'Pt has a bit of difficulty walking.'], true);
});

test('failed conservative care in more of its words: what it did not fix, stop or restore, a prosthesis abandoned, no regain', () => {
  eachMet(
    'conservative-therapy-failed',
    [
      'A soft diet and three rounds of obturator relining by prosthodontics over 8 months did not fix the R cheek pocketing.',
      'Nine months of static-progressive splinting, OT and scar massage have not stopped the contracture.',
      '14 months of hand therapy, paraffin, nifedipine and sildenafil have not restored function.',
      'An adhesive prosthetic ear was trialled for 14 months and abandoned after recurrent skin breakdown.',
      'Switched to an INSTI regimen in 2012; no regain of facial fat over 13 years.',
    ],
    true,
  );
  eachMet(
    'conservative-therapy-failed',
    ['Her adhesive prosthetic ear fits well and she wears it daily.', 'Hand therapy has restored most of her grip.', 'Should splinting fail, we will consider release.'],
    false,
  );
});

test('injuries in more of their names: a motorcycle crash, a degloving, a crush or avulsion injury', () => {
  eachMet(
    'reconstructive-cause',
    [
      'Adherent, unstable scar R shin after traumatic degloving preventing orthosis use.',
      'Contour defect of the thigh since a motorcycle crash in 2021.',
      'Volume loss of the forearm after a crush injury at work.',
    ],
    true,
  );
});

test('a family history\u2019s context ends with its heading\u2019s line when that line ends a sentence, else at its first blank line', () => {
  const letter = [
    'Ms. C. has progressive hemifacial atrophy (Parry-Romberg syndrome), L side.',
    'FAMILY HISTORY: Mother - discoid lupus. No family h/o facial atrophy.',
    'Volume loss of the L orbit has pulled the L lower lid down; she is unable to close the L eye fully at night.',
    '',
  ].join('\n');
  assert.ok(met('functional-impairment', letter));
  const list = ['FAMILY HISTORY:', 'Mother unable to walk after a stroke.', 'Father with CAD.', '', 'HPI: here for a knee review.', ''].join('\n');
  assert.equal(criterionIn(list, 'functional-impairment').miss?.reason, 'experiencer');
});

test('closing the mouth, the lips or an eye, with the side or the owner between: "unable to close the L eye fully at night"', () => {
  eachMet('functional-impairment', ['She is unable to close the L eye fully at night.', 'She cannot close her lips at rest.'], true);
  eachMet('functional-impairment', ['Follow up closely with the eye clinic.'], false);
});

test('expected improvement: the padding a graft restores, and what a surgeon expects the graft to do', () => {
  eachMet(
    'expected-improvement',
    [
      'Plan: injectable filler to b/l plantar heel pads. Restoring the padding should let her stand and walk through a full shift again.',
      'Surgeon expects the hand grafts to soften the sclerotic skin and give her back a functional grip.',
    ],
    true,
  );
  eachMet('expected-improvement', ['Fat grafting planned. She expects her daughter to drive her home.'], false);
});

test('"free" as a verb negates nothing: "is expected to free the tethered tissue and give back knee flexion"', () => {
  eachMet('expected-improvement', ['Fat grafting beneath the left thigh band, with percutaneous release, is expected to free the tethered tissue and give back knee flexion.'], true);
  eachMet('intractable-pain', ['She is now pain free.'], false);
});

test('scar pain that persists through treatment, in more of its words: "kept hurting through", "still just as painful", a dash-led line going on', () => {
  eachMet(
    'scar-pain-refractory',
    [
      'The chest keloid hurts constantly and has kept hurting through three rounds of intralesional triamcinolone.',
      'Earlobe keloid. Intralesional triamcinolone x3 plus a pressure earring -- the keloid is still just as painful.',
      'The presternal keloid is exquisitely tender - his shirt rubbing it is enough to make him wince\n- and it has not settled with 4 rounds of intralesional triamcinolone.',
    ],
    true,
  );
  eachMet('scar-pain-refractory', ['The keloid was tender before the first triamcinolone injection and is comfortable now.'], false);
});

test('limits of distance and time: stopping and resting after a block or an aisle, standing for only minutes at a time, checking a blind spot', () => {
  eachMet(
    'functional-impairment',
    [
      'She has to stop and rest after about one block.',
      'Has to stop after one aisle at the grocery store because of heel pain.',
      'She can stand at her cashier job for only 20 min at a time.',
      'Her neck turns only 20 degrees to either side; she cannot check her blind spot when driving.',
    ],
    true,
  );
  eachMet('functional-impairment', ['The infusion was stopped after 20 minutes.', 'Check her blood pressure before each visit.'], false);
});

test('the voice as a function, a job given up because of it, and a vocal-fold filler as the billed procedure', () => {
  eachMet('functional-impairment', ['She has had to stop working as a receptionist.'], true);
  eachMet('expected-improvement', ['Medialisation with calcium hydroxylapatite is anticipated to close the glottic gap and so improve her voice and her swallow safety.'], true);
  // A treatment that stopped working is no impairment of the patient's.
  eachMet('functional-impairment', ['Elidel cream b.i.d. for six months, but this has stopped working now.'], false);
});

test('a treatment-induced abnormality is a reconstructive cause: "steroid-induced plantar fat pad atrophy", "HAART-associated facial lipoatrophy"', () => {
  eachMet('reconstructive-cause', ['ASSESSMENT: Steroid-induced plantar fat pad atrophy, both feet.', 'HAART-associated facial lipoatrophy.'], true);
  eachMet('reconstructive-cause', ['Steroid-induced hyperglycemia, on insulin.'], false);
});

test('a saucer-shaped depression of a site is a deformity a cause can leave; a mood\u2019s depression is not', () => {
  eachMet('reconstructive-cause', ['L lateral thigh: a saucer-shaped depression of the left lateral thigh after sarcoma resection and radiotherapy.'], true);
  eachMet('reconstructive-cause', ['Depression after her divorce, on sertraline.'], false);
});

test('stopping after a distance, in the present tense: "she now stops after about 2 blocks"', () => {
  eachMet('functional-impairment', ['Walking on hard floors is agony; she now stops after about 2 blocks.'], true);
  eachMet('functional-impairment', ['The pain stops after 5 minutes of rest.'], false);
});

test('a heading alone over a blank line keeps its context for the body below it; a past history runs to the next heading', () => {
  const fh = ['FAMILY HISTORY', '', 'Mother unable to walk after a stroke.', '', 'HPI: knee review.', ''].join('\n');
  assert.equal(criterionIn(fh, 'functional-impairment').miss?.reason, 'experiencer');
  const pmh = ['PAST HISTORY', '', 'Surgical', 'Appendectomy.', '', 'Medical', 'Migraine headaches.', '', 'ASSESSMENT: chronic low back pain.', ''].join('\n');
  assert.equal(criterionIn(pmh, 'headache-indication').miss?.reason, 'historical');
});

test('an HIV 1/2 screen is a test, not a diagnosis; age-related midface volume loss is not facial lipodystrophy', () => {
  eachMet('hiv-diagnosis', ['HIV 1/2 Ag/Ab screen 01/2025 - nonreactive.'], false);
  eachMet('hiv-diagnosis', ['HIV-1 infection since 2004, on Biktarvy.'], true);
  eachMet('facial-lipodystrophy', ['Age-related midface volume loss; aesthetic enhancement with Radiesse.'], false);
  eachMet('facial-lipodystrophy', ['HIV-associated facial lipoatrophy with buccal hollowing.'], true);
});

test('not taking one\u2019s own HIV medications negates the taking, not the HIV', () => {
  eachMet('hiv-diagnosis', ['The patient does not take her HIV medications for the last 2 to 3 months.', 'He was not taking his HIV medications.'], true);
  eachMet('hiv-diagnosis', ['She is HIV negative and does not take HIV medications.', 'No HIV.'], false);
});

test('a family history ends at a heading in capitals at a line\u2019s end, known or not ("noncontributory,ADMIT EXAM:", "FUNCTIONAL CAPACITY:")', () => {
  const flattened = ['FHX:', 'noncontributory,ADMIT EXAM:', 'She had difficulty standing on her LLE despite full strength.', ''].join('\n');
  assert.ok(met('functional-impairment', flattened));
  const unknown = ['FAMILY HISTORY:', 'Mother had cancer.', 'FUNCTIONAL CAPACITY:', 'The patient is wheelchair bound.', ''].join('\n');
  assert.ok(met('functional-impairment', unknown));
  const family = ['FAMILY HISTORY:', 'Positive for the following:', 'Mother wheelchair bound after a stroke.', ''].join('\n');
  assert.equal(criterionIn(family, 'functional-impairment').miss?.reason, 'experiencer');
});
