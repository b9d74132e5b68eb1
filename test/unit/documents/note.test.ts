import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headingKind } from '../../../server/src/engine/documents/headings';
import { parseNote } from '../../../server/src/engine/documents/note';
import { assertProblem, assertSpansInBounds, dump, find, slice } from './helpers';

const SPEC_NOTE = `---
patient: MRN 448812
payer: Centene
plan: medicare
date: 2024-03-01
---
HISTORY OF PRESENT ILLNESS:
58-year-old with systemic sclerosis ... unable to close her mouth fully ...
ASSESSMENT AND PLAN:
Autologous fat grafting to the face, CPT 15773.
`;

test('SPEC 2.2 example: front matter, sections, the code mention', () => {
  const text = SPEC_NOTE;
  const doc = parseNote(text);
  assert.deepEqual(doc.problems, [], dump(doc.problems));
  assert.equal(doc.kind, 'note');
  assert.deepEqual(
    doc.headers.map((h) => [h.key, slice(text, h.keySpan), h.value, slice(text, h.valueSpan)]),
    [
      ['patient', 'patient', 'MRN 448812', 'MRN 448812'],
      ['payer', 'payer', 'Centene', 'Centene'],
      ['plan', 'plan', 'medicare', 'medicare'],
      ['date', 'date', '2024-03-01', '2024-03-01'],
    ],
  );
  assert.deepEqual(doc.patient, { value: 'MRN 448812', span: find(text, 'MRN 448812') });
  assert.deepEqual(doc.payer, { value: 'Centene', span: find(text, 'Centene') });
  assert.deepEqual(doc.plan, { value: 'medicare', span: find(text, 'medicare') });
  assert.deepEqual(doc.date, { value: '2024-03-01', span: find(text, '2024-03-01') });
  assert.equal(doc.bodyStart, find(text, 'HISTORY').start);

  assert.equal(doc.sections.length, 2);
  const [hpi, ap] = doc.sections;
  assert.equal(hpi.heading, 'HISTORY OF PRESENT ILLNESS');
  assert.equal(hpi.kind, 'hpi');
  assert.deepEqual(hpi.headingSpan, find(text, 'HISTORY OF PRESENT ILLNESS'));
  assert.equal(hpi.bodyStart, find(text, 'HISTORY OF PRESENT ILLNESS:').end);
  assert.deepEqual(hpi.span, { start: hpi.headingSpan.start, end: ap.headingSpan.start });
  assert.equal(ap.kind, 'assessment');
  assert.deepEqual(ap.span, { start: find(text, 'ASSESSMENT AND PLAN').start, end: text.length });

  assert.deepEqual(doc.mentions, [{ code: { value: '15773', span: find(text, '15773') }, scheme: 'procedure', lineIndex: 9 }]);
});

test('front matter: CRLF, BOM, quotes, comments, other keys kept, errors', () => {
  const text = '\uFEFF---\r\nPayer: "Anthem Blue Cross"\r\nplan: Medicaid   # from the card\r\nprovider: Dr. Lee\r\nmrn: MRN#123\r\n\r\n---\r\nPLAN: follow up\r\n';
  const doc = parseNote(text);
  assert.deepEqual(doc.problems, [], dump(doc.problems));
  assert.deepEqual(doc.payer, { value: 'Anthem Blue Cross', span: find(text, 'Anthem Blue Cross') });
  assert.deepEqual(doc.plan, { value: 'medicaid', span: find(text, 'Medicaid') });
  assert.deepEqual(doc.headers.map((h) => [h.key, h.value]), [
    ['payer', 'Anthem Blue Cross'],
    ['plan', 'Medicaid'],
    ['provider', 'Dr. Lee'],
    ['mrn', 'MRN#123'],
  ]);
  assert.equal(doc.bodyStart, find(text, 'PLAN:').start);
  assert.equal(doc.sections[0].kind, 'plan');

  const bad = '---\nplan: gold\ndate: 2024-02-30\njust words\npayer: A\npayer: B\n---\nbody\n';
  const d2 = parseNote(bad);
  assertProblem(bad, d2.problems, 'plan must be commercial, medicare or medicaid, got "gold"', find(bad, 'gold'));
  assertProblem(bad, d2.problems, 'invalid date "2024-02-30"', find(bad, '2024-02-30'));
  assertProblem(bad, d2.problems, 'expected "key: value" in the note header', find(bad, 'just words'));
  assertProblem(bad, d2.problems, '"payer" is given twice', find(bad, 'payer', 1), 'syntax', 'warning');
  assert.equal(d2.payer?.value, 'A');
  assert.equal(d2.plan, undefined);
  assert.equal(d2.date, undefined);
  assert.equal(d2.bodyStart, find(bad, 'body').start);
});

test('front matter: only at the very top; unclosed is a warning and the text is body', () => {
  const later = 'Note\n---\npayer: X\n---\n';
  const d1 = parseNote(later);
  assert.deepEqual(d1.headers, []);
  assert.equal(d1.bodyStart, 0);

  const unclosed = '---\npayer: X\nASSESSMENT: ok\n';
  const d2 = parseNote(unclosed);
  assertProblem(unclosed, d2.problems, 'never closed', find(unclosed, '---'), 'syntax', 'warning');
  assert.deepEqual(d2.headers, []);
  assert.equal(d2.bodyStart, 0);
  assert.equal(d2.sections[0].kind, 'assessment');

  const onlyHeader = '---\npayer: X\n---';
  const d3 = parseNote(onlyHeader);
  assert.equal(d3.payer?.value, 'X');
  assert.equal(d3.bodyStart, onlyHeader.length);
  assert.deepEqual(d3.sections, []);
});

test('headings: any case, colon, text after it, MTSamples ":," form, caps without colon', () => {
  const lines = [
    'Chief Complaint: pain',
    'HISTORY OF PRESENT ILLNESS:, The patient is a 58-year-old',
    'past medical history:',
    'PMH: scleroderma',
    '  Family History : mother with lupus',
    'FH: none',
    'Social History: nonsmoker',
    'Current Medications: none',
    'ALLERGIES:, NKDA',
    'ROS: negative',
    'PHYSICAL EXAMINATION,VITAL SIGNS: BP 120/80',
    'ASSESSMENT / PLAN: fat grafting',
    'A/P: continue',
    'IMPRESSION',
    'Diagnoses: M34.0',
    'recommendations: none',
    'DESCRIPTION OF PROCEDURE: graft',
    'Indications for procedure: trismus',
    'Reason for visit: follow-up',
    'FINDINGS: none',
    'Hospital Course: uneventful',
    'PREOPERATIVE DIAGNOSIS: scleroderma',
  ];
  const text = lines.join('\n');
  const doc = parseNote(text);
  assert.deepEqual(
    doc.sections.map((s) => [s.heading, s.kind]),
    [
      ['Chief Complaint', 'hpi'],
      ['HISTORY OF PRESENT ILLNESS', 'hpi'],
      ['past medical history', 'past-history'],
      ['PMH', 'past-history'],
      ['Family History', 'family-history'],
      ['FH', 'family-history'],
      ['Social History', 'social-history'],
      ['Current Medications', 'medications'],
      ['ALLERGIES', 'allergies'],
      ['ROS', 'ros'],
      ['PHYSICAL EXAMINATION', 'exam'],
      ['ASSESSMENT / PLAN', 'assessment'],
      ['A/P', 'assessment'],
      ['IMPRESSION', 'assessment'],
      ['Diagnoses', 'assessment'],
      ['recommendations', 'plan'],
      ['DESCRIPTION OF PROCEDURE', 'procedure'],
      ['Indications for procedure', 'indications'],
      ['Reason for visit', 'indications'],
      ['FINDINGS', 'findings'],
      ['Hospital Course', 'other'],
      ['PREOPERATIVE DIAGNOSIS', 'assessment'],
    ],
  );
  const mt = doc.sections[1];
  assert.equal(text.slice(mt.bodyStart, mt.bodyStart + 12), ' The patient', 'body starts after ":,"');
  const fam = doc.sections[4];
  assert.deepEqual(fam.headingSpan, find(text, 'Family History'));
  assert.equal(text[fam.bodyStart - 1], ':');
  const exam = doc.sections[10];
  assert.equal(text.slice(exam.bodyStart, exam.bodyStart + 11), 'VITAL SIGNS');
  const caps = doc.sections[13];
  assert.equal(caps.bodyStart, caps.headingSpan.end);
  for (let i = 0; i + 1 < doc.sections.length; i++) assert.equal(doc.sections[i].span.end, doc.sections[i + 1].span.start);
  assert.equal(doc.sections[doc.sections.length - 1].span.end, text.length);
});

test('headings: what is not a heading', () => {
  const text = [
    'The plan: continue meds', // the label is not a known heading
    'Plans: none', // not the word "plan"
    'Impression of the surgeon was good', // no colon, not in capitals
    'Assessment', // no colon and not in capitals
    'PLAN OF ATTACK: x',
    'HEENT: normal', // a subheading we do not split on
    'Time 10:30: seen',
    'Plan, discussed with the patient: yes', // a comma form only counts in capitals
    'ASSESSMENT AND PLAN IS AS FOLLOWS', // capitals, but not a heading alone
  ].join('\n');
  assert.deepEqual(parseNote(text).sections, []);
  assert.equal(headingKind('Assessment  and   Plan'), 'assessment');
  assert.equal(headingKind('assessment/ plan'), 'assessment');
  assert.equal(headingKind('history of present illness'), 'hpi');
  assert.equal(headingKind('family history'), 'family-history');
  assert.equal(headingKind('operation'), 'procedure');
  assert.equal(headingKind('disposition'), 'plan');
  assert.equal(headingKind('nonsense'), undefined);
});

test('sections: a condition under Family History is in that section', () => {
  const text = 'HPI: trismus\nFAMILY HISTORY:\nMother had scleroderma.\nASSESSMENT:\nScleroderma.\n';
  const doc = parseNote(text);
  const at = find(text, 'Mother had scleroderma').start;
  const section = doc.sections.find((s) => s.span.start <= at && at < s.span.end);
  assert.equal(section?.kind, 'family-history');
});

test('line endings, BOM, NUL, empty and binary input never throw', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = `\uFEFFPLAN:${eol}Fat grafting, CPT 15773.${eol}FAMILY HISTORY${eol}none`;
    const doc = parseNote(text);
    assert.deepEqual(doc.sections.map((s) => s.kind), ['plan', 'family-history']);
    assert.deepEqual(doc.sections[0].headingSpan, find(text, 'PLAN'));
    assert.deepEqual(doc.mentions.map((m) => [m.code.value, m.lineIndex]), [['15773', 1]]);
    assert.deepEqual(doc.mentions[0].code.span, find(text, '15773'));
  }
  for (const text of ['', '\uFEFF', '\n', '---', '---\n---', '\u0000\u0000', 'CPT\u000015773', '\uD800CPT 15773\uDFFF']) {
    const doc = parseNote(text);
    assert.ok(!doc.problems.some((p) => p.message.includes('internal error')), JSON.stringify(text));
    assertSpansInBounds(doc, text.length);
  }
  let bin = '';
  for (let i = 0; i < 200_000; i++) bin += String.fromCharCode((i * 7919 + 13) % 65536);
  const doc = parseNote(bin);
  assert.ok(!doc.problems.some((p) => p.message.includes('internal error')));
  assertSpansInBounds(doc, bin.length);
});
