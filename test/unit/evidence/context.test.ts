/**
 * Clinical context (evidence/context): which trigger negates, makes hypothetical, attributes
 * to someone else or to the past a mention, through the same path as every note
 * (compileConcepts -> analyzeText), each checking the trigger text that is reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../../server/src/engine/documents/note';
import { analyzeText, type Mention } from '../../../server/src/engine/evidence/analyze';
import { compileConcepts } from '../../../server/src/engine/evidence/compile';
import { tokenize } from '../../../server/src/engine/evidence/tokenize';
import type { Concept } from '../../../server/src/engine/policies/schema';
import { eachMet } from '../engine/helpers';

const concept = (id: string, patterns: string[]): Concept =>
  ({
    id,
    label: id,
    description: id,
    patterns,
    icd10: [],
    historical: 'counts',
    hypothetical: 'excludes',
    matchDrugField: false,
    prompt: id,
    promptSection: 'end',
  }) as unknown as Concept;

const compiled = compileConcepts([
  concept('walk', ['(difficulty|unable to|trouble) ... walk*', 'not able to walk']),
  concept('hiv', ['hiv']),
  concept('headache', ['headache*', 'migraine*']),
  concept('edema', ['edema']),
  concept('fever', ['fever*']),
  concept('vision', ['change in vision', 'diplopia']),
  concept('asthma', ['asthma']),
  concept('distress', ['acute distress']),
  concept('transfusion', ['blood transfusion']),
  concept('diplopia', ['diplopia']),
  concept('hearing', ['change in hearing']),
  concept('pneumonia', ['pneumonia']),
  concept('weakness', ['weakness']),
]);

/** The mention of `id` in the text, with the context the engine decided. */
function mention(text: string, id: string): Mention {
  const note = parseNote(text);
  const list = analyzeText(compiled, text, note.sections, note.bodyStart).byConcept.get(id) ?? [];
  assert.ok(list.length > 0, `no mention of ${id} in ${JSON.stringify(text)}`);
  return list[0];
}

test('affirmed: no trigger, the mention counts', () => {
  const m = mention('She has difficulty walking more than one block.', 'walk');
  assert.deepEqual(m.context, {});
  assert.equal(m.counts, true);
});

test('negated by a pre-condition trigger, reported by its words', () => {
  for (const [text, trigger] of [
    ['She denies difficulty walking.', 'denies'],
    ['No fever.', 'no'],
    ['The patient was without fever today.', 'without'],
    ['Extremities reveal no peripheral cyanosis or edema.', 'no'],
    ['Serologies negative for HIV.', 'negative for'],
  ] as const) {
    const id = /walk/.test(text) ? 'walk' : /fever/.test(text) ? 'fever' : /edema/.test(text) ? 'edema' : 'hiv';
    const m = mention(text, id);
    assert.equal(m.counts, false, text);
    assert.equal(m.reason, 'negated', text);
    assert.equal(m.trigger, trigger, text);
  }
});

test('negated by a post-condition trigger', () => {
  const m = mention('Pulmonary embolism and HIV were ruled out.', 'hiv');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 'were ruled out');
  const n = mention('HIV antibody test was negative.', 'hiv');
  assert.equal(n.trigger, 'was negative');
});

test('"Blood transfusion: No" negates the label before the colon; "Allergies: no known ..." what follows', () => {
  assert.equal(mention('Blood transfusion: No', 'transfusion').trigger, ': no');
  assert.equal(mention('ROS: negative headaches, negative syncope.', 'headache').reason, 'negated');
});

test('negation runs through a list of short items, past its window', () => {
  const m = mention('She denies liver disease, kidney disease, cirrhosis, hepatitis, diabetes mellitus, thyroid disease, bleeding disorders, prior DVT, HIV and gout.', 'hiv');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 'denies');
  // ...but not through a long clause.
  assert.equal(mention('No fever was reported on the day of admission when the patient then developed a severe headache.', 'headache').counts, true);
});

test('"is negative for" negates what follows, not what precedes', () => {
  const m = mention('The patient, who has asthma, is negative for HIV.', 'asthma');
  assert.equal(m.counts, true, JSON.stringify(m.context));
  assert.equal(mention('The patient is negative for HIV.', 'hiv').trigger, 'is negative for');
});

test('a pseudo-trigger is not a negation ("no increase", "not only", "gram negative", "no doubt")', () => {
  assert.equal(mention('There was no increase in the headache.', 'headache').counts, true);
  assert.equal(mention('Not only headache but also nausea.', 'headache').counts, true);
  assert.equal(mention('Gram negative rods grew; she has a fever.', 'fever').counts, true);
  assert.equal(mention('There is no doubt that her headaches are worse.', 'headache').counts, true);
});

test('a pseudo-trigger that runs into the mention still negates it ("no change in vision")', () => {
  const m = mention('In general, no change in vision or hearing.', 'vision');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 'no');
});

test('"no change in vision, diplopia or change in hearing" negates every item of the list', () => {
  const text = 'In general, no change in vision, diplopia or change in hearing.';
  for (const id of ['vision', 'diplopia', 'hearing']) {
    const m = mention(text, id);
    assert.equal(m.reason, 'negated', id);
    assert.equal(m.trigger, 'no', id);
  }
  // What "no change" runs on into is stable, not absent; so is an item after a comma that is no list.
  assert.equal(mention('No change in the headaches since the last visit.', 'headache').counts, true);
  assert.equal(mention('No change in the cough, consistent with asthma.', 'asthma').counts, true);
});

test('a negation inside the pattern is part of the mention; one that runs into it negates', () => {
  assert.equal(mention('She is not able to walk to the mailbox.', 'walk').counts, true);
  const m = mention('Awake, alert, in no acute distress.', 'distress');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 'no');
});

test('a termination term ends the scope ("no fever, but ...", "however", a new clause)', () => {
  assert.equal(mention('No fever, but she has difficulty walking.', 'walk').counts, true);
  assert.equal(mention('Denies fever; however, reports headaches.', 'headache').counts, true);
  assert.equal(mention('She cannot kneel, has difficulty walking on stairs.', 'walk').counts, true);
  assert.equal(mention('No edema, the patient reports headaches daily.', 'headache').counts, true);
  // "but not limited to" does not end a scope.
  assert.equal(mention('Denies symptoms including but not limited to fever.', 'fever').reason, 'negated');
});

test('hypothetical: "if", "should she", return precautions; uncertain: "rule out", "check", "possible"', () => {
  for (const [text, category, trigger] of [
    ['Call the office if a headache develops.', 'hypothetical', 'if'],
    ['Should she develop a fever, she will return.', 'hypothetical', 'should she'],
    ['Rule out HIV.', 'uncertain', 'rule out'],
    ['Check HIV and RPR.', 'uncertain', 'check'],
    ['Chest film shows a possible pneumonia.', 'uncertain', 'possible'],
    ['R/O pneumonia.', 'uncertain', 'r/o'],
    ['The findings would be consistent with pneumonia.', 'uncertain', 'would'],
  ] as const) {
    const id = /headache/.test(text) ? 'headache' : /fever/.test(text) ? 'fever' : /pneumonia/.test(text) ? 'pneumonia' : 'hiv';
    const m = mention(text, id);
    assert.equal(m.context[category], trigger, text);
    assert.equal(m.context[category === 'uncertain' ? 'hypothetical' : 'uncertain'], undefined, text);
    // Both are judged alike, and reported as SPEC 7's "hypothetical", with their own words.
    assert.equal(m.counts, false, text);
    assert.equal(m.reason, 'hypothetical', text);
    assert.equal(m.trigger, trigger, text);
  }
});

test('a condition governs its whole list of return precautions, however long the items', () => {
  const text =
    'Call also for any weight gain of more than two pounds in a single day, any new rash, nausea, a temperature above one hundred and one degrees, new or worsening shortness of breath, or weakness.';
  assert.equal(mention(text, 'weakness').context.hypothetical, 'call also for any');
  // The list after "the following ... :" is what to call about.
  assert.equal(mention('She will call if any of the following are noted: nosebleeds, fever or headache.', 'headache').context.hypothetical, 'if any of the following are noted:');
  // The clause ends at ", she" as before: what follows is a finding.
  assert.equal(mention('If the fever returns, she has difficulty walking.', 'walk').counts, true);
  // A plain modal keeps its window: a clause-long reach is for conditions and instructions.
  assert.equal(mention('Physical therapy could develop her strength over the coming months of the winter season while she has difficulty walking.', 'walk').counts, true);
});

test('a reason given ends what is suspected or conditional ("given her fever", "because of")', () => {
  assert.equal(mention('Treated for a possible pneumonia given her fever.', 'fever').counts, true);
  assert.equal(mention('Treated for a possible pneumonia given her fever.', 'pneumonia').context.uncertain, 'possible');
  assert.equal(mention('She will return if the cough persists because of her HIV.', 'hiv').counts, true);
});

test('"+ve for" is a positive finding, "-ve for" a negative one', () => {
  assert.equal(mention('Serology +ve for HIV.', 'hiv').counts, true);
  assert.equal(mention('Serology was +ve for HIV.', 'hiv').counts, true);
  const m = mention('Serology -ve for HIV.', 'hiv');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 've for');
});

test('experiencer: a family member, pre and post, and the Family History section', () => {
  const a = mention('Her mother has HIV.', 'hiv');
  assert.equal(a.reason, 'experiencer');
  assert.equal(a.trigger, 'mother');
  const b = mention('Migraines in her sister.', 'headache');
  assert.equal(b.reason, 'experiencer');
  assert.equal(b.trigger, 'in her sister');
  const c = mention('FAMILY HISTORY:\nHIV.\nHPI:\nShe has headaches.\n', 'hiv');
  assert.equal(c.reason, 'experiencer');
  assert.equal(c.trigger, 'Family History section');
  assert.equal(mention('FAMILY HISTORY:\nHIV.\nHPI:\nShe has headaches.\n', 'headache').counts, true);
  // Someone reporting about the patient is not the experiencer.
  assert.equal(mention('Her husband states she has difficulty walking.', 'walk').counts, true);
});

test('historical: "history of", "years ago", Past History section; "2-day history" is not', () => {
  const a = mention('She has a history of migraines.', 'headache');
  assert.equal(a.context.historical, 'history of');
  assert.equal(a.counts, true, 'historical mentions count for a concept that allows them');
  assert.equal(mention('Asthma as a child.', 'asthma').context.historical, 'as a child');
  assert.equal(mention('PAST MEDICAL HISTORY:\nAsthma.\n', 'asthma').context.historical, 'Past History section');
  assert.equal(mention('A 45-year-old with a two-day history of fever.', 'fever').context.historical, undefined);
  assert.equal(mention('HISTORY OF PRESENT ILLNESS: The headache began 2 months ago.', 'headache').context.historical, undefined);
});

test('context never crosses a sentence', () => {
  assert.equal(mention('She denies fever. She has difficulty walking.', 'walk').counts, true);
});

test('"which were negative" negates backward; a partner\'s infection is not the patient\'s', () => {
  const m = mention('His hepatitis C and HIV, both of which were negative.', 'hiv');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 'both of which were negative');
  const p = mention('In a monogamous relationship with an HIV infected partner.', 'hiv');
  assert.equal(p.reason, 'experiencer');
  assert.equal(p.trigger, 'infected partner');
});

test('a negation does not reach past "despite" ("has not healed despite treatment")', () => {
  const c = compileConcepts([concept('failed', ['despite ... (treatment|therapy|care)'])]);
  const text = 'The fracture has not healed despite conservative treatment.';
  const m = analyzeText(c, text).byConcept.get('failed')![0];
  assert.equal(m.counts, true, JSON.stringify(m.context));
});

test('a consent\'s risk list, an instruction to call, and a probable finding are not asserted', () => {
  for (const [text, id, trigger] of [
    ['He could get difficulty walking or eating.', 'walk', 'could get'],
    [
      'Risks and benefits have been discussed with him and his family at length including but not exclusive of infection, nerve or artery damage, stiffness, weakness, fractures.',
      'weakness',
      'risks and benefits',
    ],
    ["The patient was instructed to contact Dr. XYZ's office for fever greater than 101.5, headache, nausea.", 'headache', 'instructed to contact'],
    ['Right lower lobe opacity, probably pneumonia.', 'pneumonia', 'probably'],
    ['Weight loss, ?HIV.', 'hiv', '?'],
  ] as const) {
    const m = mention(text, id);
    assert.equal(m.counts, false, text);
    assert.equal(m.reason, 'hypothetical', text);
    assert.equal(m.trigger, trigger, text);
  }
});

/** How many sentences the tokenizer reads in `text`. */
const sentences = (text: string) => new Set(tokenize(text).sentenceOf).size;

test('a title\'s period does not end a sentence ("Dr. XYZ\'s office", "Mr. Abc"); a sentence\'s period does', () => {
  assert.equal(sentences("She was told to call Dr. XYZ's office for fever. Mr. Abc agreed."), 2);
  assert.equal(sentences('Seen by Dr. Smith. No fever.'), 2);
  // "dr." inside a longer word, or a word that merely ends in "dr", still ends the sentence.
  assert.equal(sentences('Seen by Alexandr. No fever.'), 2);
});

test('a comparison with other patients is about this one ("like many patients of that era he developed ...")', () => {
  assert.equal(mention('Like many patients of that era he developed weakness of the face.', 'weakness').counts, true);
  assert.equal(mention('Many patients develop weakness of the face.', 'weakness').reason, 'experiencer');
});

test('a closing quote after a sentence\'s period still ends the sentence', () => {
  assert.equal(sentences('She was told it was "normal." She was given antibiotics.'), 2);
  assert.equal(sentences('He felt (dazed.) He complained of a headache.'), 2);
  assert.equal(sentences('Started "Sculptra." then stopped'), 1);
});

test('a denial governs its clause: a list whose first item is longer than a window is still denied', () => {
  const m = mention('He denies any lesions or other visual change, focal weakness or sensory change, headaches, gait change or other problem.', 'headache');
  assert.equal(m.reason, 'negated');
  assert.equal(m.trigger, 'denies any');
  // A termination still ends it: what she reports is asserted.
  assert.equal(mention('She denies fever and chills but reports daily headaches.', 'headache').counts, true);
});

test('"a 2 year history of headaches" is an ongoing condition, as "a 6 month history of" is', () => {
  assert.equal(mention('The patient is an 8 y/o with a 2 year history of early morning headaches.', 'headache').context.historical, undefined);
  assert.equal(mention('History of headaches as a teenager.', 'headache').context.historical, 'history of');
});

test('a line ending in a comma or semicolon goes on; "\\r\\n" is one line break, not a blank line', () => {
  assert.equal(sentences('Constant prickling pain, worse when shirt rubs;\nno better despite injections.'), 1);
  assert.equal(sentences('She has a keloid on the right\r\nearlobe that is painful.'), 1);
  assert.equal(sentences('Keloid of the right earlobe.\r\n\r\nno other lesions'), 2);
});

test('unpunctuated dictation: in a paragraph of three lines or more with no sentence end, each line is a sentence, and an indented line still goes on', () => {
  const dictated = [
    'thirty eight year old man with morphea of the perioral region and a plaque on the left upper arm',
    'the perioral skin is so bound down he cannot close his lips around a straw',
    'the left upper arm has a firm plaque but he has full range of motion',
  ].join('\n');
  assert.equal(sentences(dictated), 3);
  // Hard-wrapped prose ends a sentence mid-line somewhere: its lines run on.
  const wrapped = ['She has a keloid on the right earlobe that has been painful', 'despite injections. It bled twice this year and', 'was infected once.'].join('\n');
  assert.equal(sentences(wrapped), 2);
  const checklist = [
    '[x] Significant functional impairment - describe: upper denture no longer stays seated;',
    '    pt bites the inside of both cheeks when chewing',
    '[x] Expected outcome - describe: restoring cheek volume is expected to re-seat the denture',
    '    so he can chew normally again',
  ].join('\n');
  assert.equal(sentences(checklist), 2);
});

test('a spaced dash parts two clauses, a hyphen in a word or a range does not', () => {
  const t = tokenize('no trouble at all - she would like it 60-70% smoother; well-healed');
  assert.deepEqual(t.norm.slice(0, 6), ['no', 'trouble', 'at', 'all', '-', 'she']);
  // The range keeps its hyphen (a number reader's); the hyphenated word is two words.
  assert.deepEqual(t.norm.slice(8), ['it', '60', '-', '70', '%', 'smoother', ';', 'well', 'healed']);
});

test('"might have", "could have", "may have" put what follows in doubt or in the future: "he might have trouble sitting one day"', () => {
  eachMet('functional-impairment', ['He says he "might have trouble sitting on hard benches one day" if the area thins further.', 'She may have difficulty walking after the operation.'], false);
  eachMet('functional-impairment', ['She has trouble sitting on hard benches.'], true);
});

test('a spaced dash parts a finding from its answer as a colon does: "Trouble chewing - none", "Difficulty walking - denies"', () => {
  eachMet(
    'functional-impairment',
    ['Trouble chewing - none.', 'Difficulty walking - negative.', 'Difficulty walking - denies.', 'Difficulty with ADLs - no.', 'Neuro - denies difficulty walking.'],
    false,
  );
  eachMet('functional-impairment', ['Difficulty walking - yes.', 'Neuro - difficulty walking.'], true);
});

test('a label answered "not reported", "N/A" or "nil" is negated: "Trouble chewing: not reported"', () => {
  eachMet('functional-impairment', ['Trouble chewing: not reported.', 'Functional impairment: N/A.', 'Limitation of ROM: nil.'], false);
  eachMet('functional-impairment', ['Difficulty walking: reported since May.'], true);
});
