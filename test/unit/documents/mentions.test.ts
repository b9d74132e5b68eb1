import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNote } from '../../../server/src/engine/documents/note';
import { find, slice } from './helpers';

/** The mentions as `scheme:code` strings, checking each span quotes its code. */
function mentions(text: string): string[] {
  const doc = parseNote(text);
  return doc.mentions.map((m) => {
    assert.equal(slice(text, m.code.span), m.code.value);
    return `${m.scheme}:${m.code.value}`;
  });
}

test('after CPT / HCPCS / ICD-10 / code(s), continuing over a list', () => {
  assert.deepEqual(mentions('Fat grafting, CPT 15773, 15774.'), ['procedure:15773', 'procedure:15774']);
  assert.deepEqual(mentions('We billed Codes: 15773 and 15774 today.'), ['procedure:15773', 'procedure:15774']);
  assert.deepEqual(mentions('codes 15773 or 15774 / 15775 & 15776'), [
    'procedure:15773', 'procedure:15774', 'procedure:15775', 'procedure:15776',
  ]);
  assert.deepEqual(mentions('Pump with HCPCS Q2028 and E0782.'), ['procedure:Q2028', 'procedure:E0782']);
  assert.deepEqual(mentions('Category III cpt 0489T.'), ['procedure:0489T']);
  assert.deepEqual(mentions('Scleroderma, ICD-10 M34.0, and ICD10: m79.671.'), ['icd10:M34.0', 'icd10:m79.671']);
  assert.deepEqual(mentions('ICD-10-CM codes M34.0, M79.671 apply'), ['icd10:M34.0', 'icd10:M79.671']);
  assert.deepEqual(mentions('Diagnosis code M34.0 was listed.'), ['icd10:M34.0']);
  assert.deepEqual(mentions('CPT code #15773; CPT® 15774; CPT code is 27759.'), [
    'procedure:15773', 'procedure:15774', 'procedure:27759',
  ]);
  assert.deepEqual(mentions('CPT CODE(S): 45385, 45384'), ['procedure:45385', 'procedure:45384']);
});

test('the span is the code as written; modifiers and ranges', () => {
  const text = 'Billed CPT 15773-RT and 15774-15775 today.';
  const doc = parseNote(text);
  assert.deepEqual(
    doc.mentions.map((m) => [m.code.value, m.code.span]),
    [
      ['15773', find(text, '15773')],
      ['15774', find(text, '15774')],
      ['15775', find(text, '15775')],
    ],
  );
  assert.equal(doc.mentions[0].lineIndex, 0);
});

test('a list ends at the first token that is not a code', () => {
  assert.deepEqual(mentions('Billed CPT 15773 for the graft, 06103 is her ZIP code.'), ['procedure:15773']);
  assert.deepEqual(mentions('Billed CPT 1577 and 15774'), [], 'a malformed first item ends the list');
  assert.deepEqual(mentions('CPT M34.0 15773'), []);
  assert.deepEqual(mentions('ICD-10 15773'), [], 'ICD-10 context takes only ICD-10-CM codes');
  assert.deepEqual(mentions('CPT 15774 x2, 15775'), ['procedure:15774', 'procedure:15775']);
});

test('inside a parenthesis that starts with a code word', () => {
  assert.deepEqual(mentions('Pump refill (HCPCS Q2028) today.'), ['procedure:Q2028']);
  assert.deepEqual(mentions('Implantation of a pump (CPT code 62362).'), ['procedure:62362']);
  assert.deepEqual(mentions('Cholecystectomy and appendectomy (CPT 47563, 44970).'), ['procedure:47563', 'procedure:44970']);
  assert.deepEqual(mentions('(CPT: graft; 15773) then 15774'), ['procedure:15773'], 'scope ends at ")"');
  assert.deepEqual(mentions('Pain (ICD-10 M79.671; M34.0) noted'), ['icd10:M79.671', 'icd10:M34.0']);
});

test('a line that starts with a code word', () => {
  assert.deepEqual(mentions('CPT code 57307 - closure of fistula, 57308 as well'), ['procedure:57307', 'procedure:57308']);
  assert.deepEqual(mentions('PROCEDURE CODES:  64640 times two, 64614 time two, 95873 times two.'), [
    'procedure:64640', 'procedure:64614', 'procedure:95873',
  ]);
  assert.deepEqual(mentions('1. CPT: graft, 15773; revision, 15774 and then 15775'), ['procedure:15773', 'procedure:15774']);
  assert.deepEqual(mentions('CPT code 63075: Anterior cervical discectomy, C5-C6.'), ['procedure:63075']);
  assert.deepEqual(mentions('ICD-10: M34.0 due to the A1C, M79.671 pain'), ['icd10:M34.0', 'icd10:M79.671'], 'A1C is mid-item');
});

test('the lines under a label line, up to a blank line or the next heading', () => {
  const text = 'CPT CODE:\n10061.\nDESCRIPTION OF PROCEDURE:\nIncision at 10062.\n';
  assert.deepEqual(mentions(text), ['procedure:10061']);
  const list = 'CPT CODE(S):\n45385, Colonoscopy, flexible.\n45384, 59, Colonoscopy with biopsy.\n\n45380 later\n';
  assert.deepEqual(mentions(list), ['procedure:45385', 'procedure:45384']);
  const icd9 = 'ICD9 CODE(S):\n211.4, Benign neoplasm of rectum.\nV12.72, history of polyps.\nANESTHESIA: 15773 general\n';
  assert.deepEqual(mentions(icd9), [], 'ICD-9 codes are read and ignored; a caps label ends the block');
  const trailing = 'Follow up in 2 weeks,CPT4 CODE(S):\n64483 LT, Injection.\n64484 LT, Injection.\nPLAN: 64485\n';
  assert.deepEqual(mentions(trailing), ['procedure:64483', 'procedure:64484'], 'a label at the end of a line opens a block');
  const carried = 'The procedure was billed under CPT\n15773 and 15774.\n';
  assert.deepEqual(mentions(carried), ['procedure:15773', 'procedure:15774']);
  const doc = parseNote(carried);
  assert.deepEqual(doc.mentions.map((m) => m.lineIndex), [1, 1]);
});

test('never a code without context: ZIP codes, MRNs, bare numbers', () => {
  assert.deepEqual(mentions('She lives in Hartford, CT 06103.'), []);
  assert.deepEqual(mentions('Mailing address ZIP code 06103, Hartford.'), []);
  assert.deepEqual(mentions('Postal code: 06103'), []);
  assert.deepEqual(mentions('Patient MRN 44812 seen today.'), []);
  assert.deepEqual(mentions('Fat grafting 15773 was discussed; 15773 is planned.'), []);
  assert.deepEqual(mentions('15773\nQ2028 M34.0'), []);
  assert.deepEqual(mentions('Code status: full code, discussed 15773 at length.'), []);
  assert.deepEqual(mentions('Code blue called at 14:05, room 15773.'), []);
  assert.deepEqual(mentions('Barcode 15773 scanned.'), []);
  assert.deepEqual(mentions('CPT\n\n15773'), [], 'a blank line ends a pending list');
  assert.deepEqual(mentions('ICD-9 code 998.59 and 15773.'), []);
});

test('front matter is not scanned; mentions carry their line', () => {
  const text = '---\npatient: CPT 15773\n---\nASSESSMENT:\nCPT 15774\n';
  const doc = parseNote(text);
  assert.deepEqual(doc.mentions.map((m) => [m.code.value, m.lineIndex]), [['15774', 4]]);
});
