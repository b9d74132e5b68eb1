/**
 * Paraphrase classes from the held-out rounds' false "missing" (issue 9): each test gives the
 * class's wordings that must document the criterion and the nearest that must not.
 */
import { test } from 'node:test';
import { eachMet } from './helpers';

test('an expectation in more of its words: "ought to", "anticipates that ... will", "give her a competent lip seal"', () => {
  eachMet(
    'expected-improvement',
    [
      'Restoring buccal volume with the filler ought to keep the mucosa out of the bite line and let him chew normally again.',
      'Dr Okafor anticipates that rebuilding the cheek volume with fat transfer will stop the cheek biting.',
      'Adding volume with the graft is anticipated to give her a competent lip seal and clearer speech.',
    ],
    true,
  );
  eachMet(
    'expected-improvement',
    ['Physical therapy ought to help her walk further.', 'Orthotics are anticipated to give her a more comfortable gait.'],
    false,
  );
});

test('failed conservative care: "without lasting resolution", "none of it stopped the biting", a guard and a soft-food diet', () => {
  eachMet(
    'conservative-therapy-failed',
    [
      'She has used nystatin powder, zinc barrier cream and a supportive garment for eight months without lasting resolution.',
      'She has used a night-time occlusal guard and a soft-food diet for 18 months; none of it stopped the biting.',
    ],
    true,
  );
  eachMet('conservative-therapy-failed', ['She uses an occlusal guard at night with good effect.', 'Barrier cream has kept the fold clear.'], false);
});

test('intractable pain: "severe, chronic ... pain that has defeated blocks", and a pain sentence unresponsive to a list of treatments', () => {
  eachMet(
    'intractable-pain',
    [
      'Severe, chronic burning pain that has defeated sympathetic blocks, DRG stimulation and oral meds.',
      'Pain is severe and constant, present for over five years, and has been unresponsive to PT, three series of ESIs and oral opioids.',
    ],
    true,
  );
  eachMet('intractable-pain', ['Pain is mild and intermittent, present for two weeks, and well controlled with PT.'], false);
});

test('a walking limit as a coder reads it: "can manage barely one block before his feet are too sore to go on"', () => {
  eachMet(
    'functional-impairment',
    ['He can manage barely one block before the balls of his feet are too sore to go on.', 'Her hands are too stiff to button a shirt.'],
    true,
  );
  eachMet('functional-impairment', ['He can manage a mile without stopping.', 'The wound is too fresh to assess.'], false);
});

test('a mastectomy the patient was treated with, and breasts that do not match after it', () => {
  eachMet(
    'post-mastectomy-asymmetry',
    [
      'Right breast cancer treated with R skin-sparing mastectomy 2022 and latissimus flap reconstruction.',
      'Since the lumpectomy her breasts do not match in size.',
    ],
    true,
  );
  eachMet('post-mastectomy-asymmetry', ['Her mother was treated with a mastectomy.', 'Since the lumpectomy her breasts match well.'], false);
});

test('a negation ends where "and she wants" begins a new clause: "no functional problem and she wants it grafted so it looks more normal"', () => {
  eachMet(
    'cosmetic-intent',
    ['It causes her no functional problem and she wants it grafted purely so the arm looks more normal in short sleeves.'],
    true,
  );
  eachMet('cosmetic-intent', ['She does not want the arm grafted so that it looks more normal.'], false);
});

test('a reconstructive cause in more of its words: a post-traumatic deficit, a degloving or avulsion injury, a cancer s/p its resection', () => {
  eachMet(
    'reconstructive-cause',
    [
      'PREOPERATIVE DIAGNOSIS: Post-traumatic upper lip volume deficit.',
      'A degloving injury of the L lateral thigh healed by secondary intention.',
      'h/o oral SCC s/p resection + XRT 2021.',
    ],
    true,
  );
  eachMet('reconstructive-cause', ['She is diagnosed with posttraumatic stress disorder and a depression.', 'Oral SCC, resection planned next month.'], false);
});

test('a tumour and its treatment as a coder reads them: "SCC pT4aN2b, s/p segmental mandibulectomy", "underwent a L simple mastectomy", Bell\u2019s palsy', () => {
  eachMet(
    'reconstructive-cause',
    [
      'HPI: 57M, anterior floor-of-mouth SCC pT4aN2b, s/p segmental mandibulectomy with fibula free flap.',
      'She was diagnosed with L breast invasive lobular carcinoma in 2023 and underwent a L simple mastectomy.',
      'S: 39M, 3 yrs s/p wide local excision of R posterior thigh myxofibrosarcoma.',
      'HPI: 63M with L facial nerve palsy (Bell\u2019s) since 04/2025, incomplete recovery.',
    ],
    true,
  );
  eachMet(
    'reconstructive-cause',
    ['Breast cancer: she has had medical oncology and radiation oncology consultations.', 'Oral SCC; a resection is planned next month.'],
    false,
  );
});

test('neuropathy and burning are pain words: "severe neuropathy ..., burning feet, intractable despite duloxetine, gabapentin"', () => {
  eachMet(
    'intractable-pain',
    ['Severe chemotherapy-induced peripheral neuropathy, burning feet and hands, intractable despite duloxetine, gabapentin and pregabalin.'],
    true,
  );
  eachMet('intractable-pain', ['Mild peripheral neuropathy, well controlled on gabapentin.', 'Burning on urination, resolved with antibiotics.'], false);
});

test('cosmetic intent: wanting a site "to look even with the right", an "aesthetic correction of the contour only"', () => {
  eachMet(
    'cosmetic-intent',
    ['She just wants the left thigh to look even with the right when she wears shorts.', 'Thigh: aesthetic correction of the contour only.'],
    true,
  );
  eachMet('cosmetic-intent', ['The grafted thigh looks even with the right at 3 months.', 'She does not want the thigh to look even; she wants to walk.'], false);
});

test('an expectation in a surgeon\u2019s other words: "will let her", "would be expected to", "expected outcome:", "a good chance of", "Goal:"', () => {
  eachMet(
    'expected-improvement',
    [
      'We hope the graft will let her close her lips.',
      'The graft will allow her to walk without pain.',
      'Grafting would be expected to improve her ability to chew.',
      'Expected outcome of the graft: improved lip seal and less drooling.',
      'I believe the graft will make a functional difference to her walking.',
      'Goal: restore lip competence with fat grafting.',
      'Fat grafting offers a good chance of restoring her grip.',
    ],
    true,
  );
  eachMet(
    'expected-improvement',
    ['She will continue PT to improve walking after the graft.', 'The graft will be harvested from the abdomen; she can walk the same day.', 'She will follow up in 2 weeks after the graft.'],
    false,
  );
});

test('a functional limit in more of its shapes: the function first ("chewing is a problem"), a tolerance, a soft diet, a limp, avoidance', () => {
  eachMet(
    'functional-impairment',
    [
      'Chewing is a problem for her.',
      'Standing more than 10 min is impossible.',
      'Speech is slurred on labial sounds.',
      'Walking tolerance reduced to 100 m.',
      'She is limited to soft foods.',
      'She needs both hands to lift a cup.',
      'Gait is antalgic and slow.',
      'She limps after 5 minutes.',
      'She can only tolerate standing for 15 minutes.',
      'She has stopped going to the gym because of the pain.',
      'She must rest after every flight of stairs.',
      'She finds it impossible to walk on hard floors.',
      'She avoids walking more than a block.',
    ],
    true,
  );
  eachMet('functional-impairment', ['Walking is normal.', 'Her speech is clear.', 'Gait is normal and steady.', 'She has gone to the gym daily.'], false);
});

test('failed conservative care in more of its words: "did not make a difference", "only temporary relief", "to no avail", "remains painful"', () => {
  eachMet(
    'conservative-therapy-failed',
    [
      'Six months of physical therapy did not make a difference.',
      'Padding and shoe changes gave only temporary relief.',
      'Compression garments were worn for 9 months; the scar remains painful.',
      'Conservative care (NSAIDs, PT, bracing) has not worked.',
      'Steroid injections helped briefly but the pain returned.',
      'Multiple creams have been used to no avail.',
      'Antibiotics and topical care have been tried repeatedly with recurrence.',
    ],
    true,
  );
  eachMet('conservative-therapy-failed', ['Physical therapy has worked well.', 'Steroid injections gave lasting relief.', 'Pt failed to attend the visit.'], false);
});

test('a trial scored as a bare "pain 8" before and "pain 2" after, across a semicolon or a sentence, is 75% relief', () => {
  const trial = 'Intrathecal morphine trial performed. ';
  eachMet('pump-trial-relief', [`${trial}Baseline pain 8. Post-injection pain 2.`, `${trial}Baseline pain 8; pain 2 post-injection.`, `${trial}VAS pre 80 mm, post 20 mm.`], true);
  eachMet('pump-trial-relief', [`${trial}Baseline pain 8; post-injection pain 6.`, `${trial}VAS pre 80 mm, post 40 mm.`], false);
});

test('a tag that bleeds when he shaves is irritated; a scar "still tender after pressure therapy" is refractory', () => {
  eachMet('skin-tag-irritation-bleeding', ['He reports bleeding from the neck tags when shaving.', 'The neck tags are nicked by the razor and bleed.'], true);
  eachMet('skin-tag-irritation-bleeding', ['Neck tags, no bleeding.', 'He shaves around the neck tags.'], false);
  eachMet('scar-pain-refractory', ['The scar is still tender after 6 months of pressure therapy.'], true);
  eachMet('scar-pain-refractory', ['The scar is no longer tender after the steroid injections.'], false);
});

test('oral baclofen "with persistent spasms", pain "poorly responsive" or "despite escalating morphine", a face gone gaunt on HAART', () => {
  eachMet('oral-baclofen-failed', ['Max-dose PO baclofen with persistent spasms.'], true);
  eachMet('oral-baclofen-failed', ['Oral baclofen works well for her.'], false);
  eachMet('intractable-pain', ['Chronic pain poorly responsive to oral analgesics.', 'Severe cancer pain despite escalating morphine.'], true);
  eachMet('intractable-pain', ['Pain is well controlled on morphine.'], false);
  eachMet('facial-lipodystrophy', ['Severe loss of buccal fat with sunken cheeks from antiretrovirals.', 'Her face has become gaunt since starting HAART.'], true);
  eachMet('facial-lipodystrophy', ['Age-related loss of midface volume.', 'No facial wasting.'], false);
});

test('held-out rounds 42-45, read after their figure was recorded: "w/o benefit", "have not given her any lasting relief", "Hx: L mastectomy", pain that "has defied" blocks', () => {
  eachMet(
    'conservative-therapy-failed',
    [
      'Tried custom accommodative orthotics x 14 mo, silicone met pads, extra-depth shoes - all w/o benefit.',
      'Custom moulded insoles and extra-depth footwear over two years have not given her any lasting relief.',
    ],
    true,
  );
  eachMet('conservative-therapy-failed', ['Custom insoles have given her lasting relief.'], false);
  eachMet('post-mastectomy-asymmetry', ['Hx: L skin-sparing mastectomy for IDC 2023, DIEP reconstruction 2024.'], true);
  eachMet('post-mastectomy-asymmetry', ['Plan: mastectomy for breast cancer next month.'], false);
  eachMet('intractable-pain', ['Severe burning pain day and night for six years that has defied sympathetic blocks and DRG stimulation.'], true);
});

test('a trial record\u2019s title anchors all its lines of scores; the same scores under another title do not', () => {
  const log = (title: string) =>
    [
      title,
      'Hydromorphone 0.1 mg by lumbar puncture on 14 March.',
      'Hour 0: pain 9.',
      'Hour 2: pain 5.',
      'Hour 4: pain 3.',
      'Hour 8: pain 3.',
      'Overall: pain 9 pre / 3 post, sat through a whole film.',
      '',
    ].join('\n');
  eachMet('pump-trial-relief', [log('INTRATHECAL TRIAL RECORD'), log('Screening trial worksheet')], true);
  // No anchor in the title: the scores five lines under the drug are not a trial's.
  eachMet('pump-trial-relief', [log('PAIN CLINIC FOLLOW-UP')], false);
});

test('physical therapy as "PT" after a course of it, and a program that failed: conservative therapy failed', () => {
  eachMet(
    'conservative-therapy-failed',
    [
      'She did 10 weeks of supervised PT without any real change in the contracture.',
      'A course of PT/OT brought no meaningful gain in grip.',
      'The stretching program was unsuccessful; opening stayed at 22 mm.',
    ],
    true,
  );
  // "Pt" is the patient: no treatment was named, nor failed.
  eachMet('conservative-therapy-failed', ['Pt without change in her symptoms since last visit.', 'Pt was enrolled in the program.'], false);
});

test('systemic sclerosis by its subtypes\u2019 abbreviations, and morphoea in British spelling: a disease cause', () => {
  eachMet('reconstructive-cause', ['52F with dcSSc since 2019.', 'lcSSc with perioral tightening.', 'A patch of morphoea on the forearm.'], true);
});

test('a scar that breaks down in more of its words: recurrent cellulitis, skin that splits open', () => {
  eachMet('scar-breakdown', ['Keloid of the chest with recurrent cellulitis.', 'The skin over the keloid splits open when she lifts her arm.'], true);
  // Without a scar in reach, an infection or a split is no scar's.
  eachMet('scar-breakdown', ['Recurrent cellulitis of the leg.', 'Her nails split easily.'], false);
});

test('"treated for lymphoma ... with radiotherapy": a tumour and its treatment in that order are a reconstructive cause', () => {
  eachMet('reconstructive-cause', ['She was treated for breast cancer in 2015 with wide excision and radiotherapy.'], true);
  eachMet('reconstructive-cause', ['She was treated for a chest infection with antibiotics.'], false);
});

test('pain that treatment did not shift: "the pain never let up", "have not shifted the pain"', () => {
  eachMet(
    'scar-pain-refractory',
    [
      'Keloid of the chest. Three triamcinolone injections and silicone gel, and the pain never let up.',
      'Earlobe keloid: two rounds of steroid injection have not shifted the pain at all.',
    ],
    true,
  );
  eachMet('scar-pain-refractory', ['Earlobe keloid: the steroid injections have eased the pain.'], false);
});

test('"couldn\u2019t stay awake ... had to taper off" is oral baclofen not tolerated; "can\u2019t get the eye shut" a functional deficit; "Resulting contracture" a cause', () => {
  eachMet('oral-baclofen-failed', ['Oral baclofen 15 mg TID - she couldn\u2019t stay awake at work and had to taper off.'], true);
  eachMet('oral-baclofen-failed', ['Oral baclofen 15 mg TID, well tolerated, continues.'], false);
  eachMet('functional-impairment', ['She can\u2019t get the left eye fully shut at night.'], true);
  eachMet(
    'reconstructive-cause',
    ['She had a fall at work in 2022. Resulting scar contracture tethers the lower lip.', 'Scald burn as a child, resulting in a neck contracture.'],
    true,
  );
  // "resulting" with no condition after it names no cause of one
  eachMet('reconstructive-cause', ['She had a fall at work in 2022. Resulting claim was settled.'], false);
});

test('a burn by its depth, and a post-traumatic atrophy with its side named, are reconstructive causes', () => {
  eachMet('reconstructive-cause', ['Grease fire with deep partial thickness burns of the L forearm.', 'Post-traumatic R heel fat pad atrophy.'], true);
  eachMet('reconstructive-cause', ['Partial thickness skin graft harvested from the thigh.'], false);
});

test('"expected to lift the lid and let the right eye close" is an expected improvement; keloid pain "unchanged after" Kenalog is refractory', () => {
  eachMet('expected-improvement', ['Fat under the lower lid is expected to lift the lid and let the left eye close at night.'], true);
  eachMet('expected-improvement', ['Lubricants are expected to let the eye close more comfortably.'], false);
  eachMet('scar-pain-refractory', ['Chest keloid: burning pain, unchanged after three Kenalog injections.'], true);
  eachMet('scar-pain-refractory', ['Chest keloid: pain much better after three Kenalog injections.'], false);
});

test('a blast or a burn in military words is a reconstructive cause: "burned in an IED strike", "30% TBSA"', () => {
  eachMet('reconstructive-cause', ['Burned in an IED strike in 2021.', 'Flame injury, 25% TBSA, 2020.', 'Shrapnel wounds to the L cheek.'], true);
  eachMet('reconstructive-cause', ['The suture ends were burned with the cautery.'], false);
});
