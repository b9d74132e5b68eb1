import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseClaim, printClaim } from '../../../server/src/engine/documents/claim';
import { parseNote } from '../../../server/src/engine/documents/note';
import { assertSpansInBounds, structure } from './helpers';

const FIXTURES = join(__dirname, '../../fixtures/documents');

function assertRoundTrip(text: string): void {
  const doc = parseClaim(text);
  const printed = printClaim(doc);
  const again = parseClaim(printed);
  assert.deepEqual(structure(again), structure(doc), `printed:\n${printed}`);
  assert.equal(printClaim(again), printed, 'printing is canonical (idempotent)');
}

test('printClaim: the SPEC example prints canonically and round-trips', () => {
  const text = readFileSync(join(FIXTURES, 'spec-example.claim'), 'utf8');
  const printed = printClaim(parseClaim(text));
  assert.equal(
    printed,
    [
      'claim: 2024-0117',
      'payer: Anthem Blue Cross Connecticut',
      'plan: commercial',
      'patient: MRN 448812',
      'date: 2024-03-01',
      'note: notes/2024-03-01-consult.note',
      '',
      'dx A: M34.0 Systemic sclerosis',
      'dx B: M79.671 Pain in right foot',
      '',
      'line 1: 15773-RT x1 dx A,B',
      "line 2: 15774 x2 dx A date 2024-03-01 ; free-text description after ';'",
      'line 3: 62362 dx A drug morphine',
      '',
    ].join('\n'),
  );
  assertRoundTrip(text);
  assert.deepEqual(parseClaim(printed).problems, []);
});

test('printClaim: invalid values round-trip as written; disable comments are kept', () => {
  for (const text of [
    'line 1: 1577-rt x0 dx a,M date 2024-02-30 drug morphine,,baclofen ; desc # clinlint-disable-line no-note\n',
    'line 1a: q2028\nline : 15773\nline 0: 15773\nline 99999999999999999999: 15773\nline 1 15773\n',
    'dx A M34.0 desc\ndx M: 15773\ndx: \ndx AB:\nPayor: x\nplan: Gold\nplan: medicare\ndate: 2024-02-30\n',
    'line 1: -RT x2\nline 2: ; only text\nline 3:\nline 4: 15773 # clinlint-disable-line\nline 5: - date 2024-02-29\n',
    '\uFEFFpayer: A\r\nline 1: 15773\rline 2: 15774\n',
  ])
    assertRoundTrip(text);
});

/** Claim-shaped text: fragments of every construct, good and bad, in random order. */
const FRAGMENTS = [
  'claim', 'payer', 'plan', 'patient', 'provider', 'date', 'note', 'dx', 'line', 'LINE', 'Dx', 'payor', 'x-key',
  ':', ' ', '  ', '\t', ',', ';', '-', '#', 'A', 'b', 'M', 'AB', '1', '0', '12', '1a', 'M34.0', 'm340', 'U07.1',
  '15773', '15773-RT', '0489T', 'Q2028', 'q2028', '1577', 'RT', '-59', 'x1', 'x0', 'x-1', 'xabc', 'X3', 'dx A,B',
  'dx A, B ,C', 'dx', 'date 2024-03-01', 'date 2024-02-30', 'date', 'drug morphine, baclofen', 'drug', '; desc',
  '# comment', '# clinlint-disable-line', '# clinlint-disable-line no-note foo', 'medicare', 'Gold', '2024-02-29',
  '\u0000', '\u00a0', 'é', '\uFEFF', '"',
];
const HEADS = [
  'line 1:', 'line 2:', 'Line 1 :', 'line 1a:', 'line:', 'line 0:', 'line 3', 'dx A:', 'dx b:', 'dx M:', 'dx:', 'dx A',
  'payer:', 'plan:', 'date:', 'note:', 'foo:', '', '  ',
];
const claimLine = fc
  .tuple(
    fc.constantFrom(...HEADS),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }),
    fc.constantFrom(' ', '', '  ', ','),
  )
  .map(([head, parts, sep]) => `${head} ${parts.join(sep)}`);
const claimText = fc
  .tuple(fc.array(claimLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));
/** Well-formed entries, so the round trip is exercised on claims that mean something too. */
const goodLine = fc.oneof(
  fc.constantFrom('payer: Anthem', 'plan: medicaid', 'date: 2024-03-01', 'note: a.note', 'claim: 7'),
  fc.tuple(fc.constantFrom(...'ABCDEFGHIJKL'), fc.constantFrom('M34.0', 'M79671', 'z99', 'S72.001A'), fc.constantFrom('', ' Pain'))
    .map(([l, c, d]) => `dx ${l}: ${c}${d}`),
  fc.tuple(
    fc.integer({ min: 1, max: 30 }),
    fc.constantFrom('15773', '15774-RT', '62362-59-LT', 'Q2028', '0489T'),
    fc.constantFrom('', ' x1', ' x12'),
    fc.constantFrom('', ' dx A', ' dx A,B,C,D'),
    fc.constantFrom('', ' date 2024-03-01'),
    fc.constantFrom('', ' drug morphine', ' drug morphine, bupivacaine'),
    fc.constantFrom('', ' ; text', '  # c', ' # clinlint-disable-line no-note'),
  ).map(([n, ...rest]) => `line ${n}: ${rest.join('')}`),
);
const goodText = fc.array(goodLine, { maxLength: 20 }).map((l) => l.join('\n'));

test('property: parseClaim never throws, keeps spans in bounds, and printClaim round-trips', () => {
  fc.assert(
    fc.property(fc.oneof(claimText, goodText), (text) => {
      const doc = parseClaim(text);
      assert.ok(!doc.problems.some((p) => p.message.includes('internal error')), JSON.stringify(doc.problems));
      assertSpansInBounds(doc, text.length);
      assertRoundTrip(text);
    }),
    { numRuns: 2000 },
  );
});

test('property: arbitrary text never throws either parser', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 })), (text) => {
      const claim = parseClaim(text);
      assert.ok(!claim.problems.some((p) => p.message.includes('internal error')));
      assertSpansInBounds(claim, text.length);
      const note = parseNote(text);
      assert.ok(!note.problems.some((p) => p.message.includes('internal error')));
      assertSpansInBounds(note, text.length);
    }),
    { numRuns: 2000 },
  );
});
