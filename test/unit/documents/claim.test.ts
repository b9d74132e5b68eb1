import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseClaim } from '../../../server/src/engine/documents/claim';
import { assertProblem, dump, find, slice } from './helpers';

const FIXTURES = join(__dirname, '../../fixtures/documents');

function clean(text: string) {
  const doc = parseClaim(text);
  assert.deepEqual(doc.problems, [], dump(doc.problems));
  return doc;
}

test('SPEC 2.1 example: every header, dx and line field with its span', () => {
  const text = readFileSync(join(FIXTURES, 'spec-example.claim'), 'utf8');
  const doc = clean(text);
  assert.equal(doc.kind, 'claim');
  assert.equal(doc.text, text);

  assert.deepEqual(
    doc.headers.map((h) => [h.key, h.value, slice(text, h.keySpan), slice(text, h.valueSpan)]),
    [
      ['claim', '2024-0117', 'claim', '2024-0117'],
      ['payer', 'Anthem Blue Cross Connecticut', 'payer', 'Anthem Blue Cross Connecticut'],
      ['plan', 'commercial', 'plan', 'commercial'],
      ['patient', 'MRN 448812', 'patient', 'MRN 448812'],
      ['date', '2024-03-01', 'date', '2024-03-01'],
      ['note', 'notes/2024-03-01-consult.note', 'note', 'notes/2024-03-01-consult.note'],
    ],
  );
  assert.deepEqual(doc.claimId, { value: '2024-0117', span: find(text, '2024-0117') });
  assert.deepEqual(doc.payer, { value: 'Anthem Blue Cross Connecticut', span: find(text, 'Anthem Blue Cross Connecticut') });
  assert.deepEqual(doc.plan, { value: 'commercial', span: find(text, 'commercial') });
  assert.deepEqual(doc.patient, { value: 'MRN 448812', span: find(text, 'MRN 448812') });
  assert.deepEqual(doc.date, { value: '2024-03-01', span: find(text, '2024-03-01', 0, 'date: ') });
  assert.equal(doc.provider, undefined);
  assert.deepEqual(doc.notes, [{ value: 'notes/2024-03-01-consult.note', span: find(text, 'notes/2024-03-01-consult.note') }]);

  assert.equal(doc.dx.length, 2);
  const [a, b] = doc.dx;
  assert.deepEqual(a.letter, { value: 'A', span: find(text, 'A', 0, 'dx ') });
  assert.deepEqual(a.code, { value: 'M34.0', span: find(text, 'M34.0') });
  assert.equal(a.normalized, 'M34.0');
  assert.deepEqual(a.description, { value: 'Systemic sclerosis', span: find(text, 'Systemic sclerosis') });
  assert.equal(slice(text, a.span), 'dx A: M34.0    Systemic sclerosis');
  assert.equal(a.valid, true);
  assert.equal(b.normalized, 'M79.671');
  assert.equal(slice(text, b.span), 'dx B: M79.671  Pain in right foot');
  assert.equal(b.description?.value, 'Pain in right foot');

  assert.equal(doc.lines.length, 3);
  const [l1, l2, l3] = doc.lines;
  assert.deepEqual(l1.number, { value: 1, span: find(text, '1', 0, 'line ') });
  assert.deepEqual(l1.code, { value: '15773', span: find(text, '15773') });
  assert.equal(l1.codeValid, true);
  assert.deepEqual(l1.modifiers, [{ value: 'RT', span: find(text, 'RT', 0, '15773-') }]);
  assert.deepEqual(l1.units, { value: 1, span: find(text, 'x1') });
  assert.deepEqual(
    l1.pointers,
    [
      { value: 'A', span: find(text, 'A', 0, '15773-RT x1 dx ') },
      { value: 'B', span: find(text, 'B', 0, '15773-RT x1 dx A,') },
    ],
  );
  assert.equal(l1.date, undefined);
  assert.deepEqual(l1.drugs, []);
  assert.equal(l1.description, undefined);
  assert.equal(l1.disabled, undefined);
  assert.equal(slice(text, l1.span), 'line 1: 15773-RT x1 dx A,B');
  assert.equal(l1.lineIndex, 11);

  assert.deepEqual(l2.code, { value: '15774', span: find(text, '15774') });
  assert.deepEqual(l2.units, { value: 2, span: find(text, 'x2') });
  assert.deepEqual(l2.pointers, [{ value: 'A', span: find(text, 'A', 0, '15774 x2 dx ') }]);
  assert.deepEqual(l2.date, { value: '2024-03-01', span: find(text, '2024-03-01', 0, '15774 x2 dx A date ') });
  assert.deepEqual(l2.description, {
    value: "free-text description after ';'",
    span: find(text, "free-text description after ';'"),
  });
  assert.equal(l2.lineIndex, 12);

  assert.deepEqual(l3.code, { value: '62362', span: find(text, '62362') });
  assert.equal(l3.units, undefined);
  assert.deepEqual(l3.drugs, [{ value: 'morphine', span: find(text, 'morphine') }]);
  assert.equal(slice(text, l3.span), 'line 3: 62362 dx A drug morphine');
});

test('codes: CPT, Category II/III and HCPCS are valid; rest of a line with a bad code still parses', () => {
  const doc = clean('line 1: 0489T\nline 2: 3008F\nline 3: Q2028\nline 4: E0782 x3\nline 5: V2630\nline 6: U0003\n');
  assert.deepEqual(
    doc.lines.map((l) => [l.code.value, l.codeValid]),
    [['0489T', true], ['3008F', true], ['Q2028', true], ['E0782', true], ['V2630', true], ['U0003', true]],
  );

  const text = 'dx A: M34.0\nline 1: 1577-RT x2 dx A ; graft\n';
  const bad = parseClaim(text);
  assertProblem(text, bad.problems, 'malformed code "1577"', find(text, '1577'));
  assert.match(bad.problems[0].message, /expected a CPT code .* or a HCPCS code/);
  const line = bad.lines[0];
  assert.equal(line.codeValid, false);
  assert.equal(line.code.value, '1577');
  assert.deepEqual(line.code.span, find(text, '1577'));
  assert.deepEqual(line.modifiers.map((m) => m.value), ['RT']);
  assert.equal(line.units?.value, 2);
  assert.deepEqual(line.pointers.map((p) => p.value), ['A']);
  assert.equal(line.description?.value, 'graft');
  assert.equal(bad.problems.length, 1, dump(bad.problems));
});

test('codes: each malformed shape gets a syntax problem on exactly the code', () => {
  for (const [code, fragment] of [
    ['157734', 'expected a CPT code'],
    ['W1234', 'that is an ICD-10-CM diagnosis'], // HCPCS letters stop at V; this reads as W12.34
    ['0489X', 'expected a CPT code'],
    ['15773RT', 'expected a CPT code'],
    ['q2028', 'codes are written in upper case ("Q2028")'],
    ['M34.0', 'that is an ICD-10-CM diagnosis'],
  ]) {
    const text = `line 1: ${code} x1\n`;
    const doc = parseClaim(text);
    assertProblem(text, doc.problems, fragment, find(text, code));
    assert.equal(doc.lines[0].codeValid, false);
    assert.equal(doc.lines[0].units?.value, 1, code);
  }
});

test('missing code: problem on the "line n:" label', () => {
  const text = 'line 1:   ; nothing billed\n';
  const doc = parseClaim(text);
  assertProblem(text, doc.problems, 'missing code after "line 1:"', find(text, 'line 1:'));
  assert.equal(doc.lines[0].code.value, '');
  assert.equal(doc.lines[0].description?.value, 'nothing billed');
});

test('modifiers: exactly two letters or digits, upper-cased', () => {
  const text = 'line 1: 15773-rt-59-R-ABC\n';
  const doc = parseClaim(text);
  assert.deepEqual(doc.lines[0].modifiers.map((m) => [m.value, slice(text, m.span)]), [['RT', 'rt'], ['59', '59']]);
  assertProblem(text, doc.problems, 'got "R"', find(text, 'R', 0, '59-'));
  assertProblem(text, doc.problems, 'got "ABC"', find(text, 'ABC'));
  const empty = 'line 1: 15773--RT\n';
  assertProblem(empty, parseClaim(empty).problems, 'empty modifier after "-"', find(empty, '-', 0));
});

test('units: x0, x-1, xabc and a detached x are errors on the units span', () => {
  for (const units of ['x0', 'x-1', 'xabc', 'x1.5', 'x00']) {
    const text = `line 1: 15773 ${units} dx A\ndx A: M34.0\n`;
    const doc = parseClaim(text);
    assertProblem(text, doc.problems, `units must be a positive integer, got "${units}"`, find(text, units));
    assert.equal(doc.lines[0].units, undefined);
    assert.deepEqual(doc.lines[0].pointers.map((p) => p.value), ['A'], 'the rest of the line still parses');
    assert.equal(doc.problems.length, 1, dump(doc.problems));
  }
  const text = 'line 1: 15773 X12\n';
  assert.equal(clean(text).lines[0].units?.value, 12);
  const spaced = 'line 1: 15773 x 2\n';
  const doc = parseClaim(spaced);
  assertProblem(spaced, doc.problems, 'got "x" (write it without a space: x2)', find(spaced, 'x'));
  assertProblem(spaced, doc.problems, 'unexpected "2"', find(spaced, '2', 0, 'x '));
});

test('dx pointers: checked against dx letters defined anywhere in the file', () => {
  const text = 'line 1: 15773 dx A,C\nline 2: 15774 dx c\ndx A: M34.0\ndx B: M79.671\n';
  const doc = parseClaim(text);
  const unknown = doc.problems.filter((p) => p.message.includes('does not match any dx line'));
  assert.equal(unknown.length, 2, dump(doc.problems));
  assert.deepEqual(unknown[0].span, find(text, 'C'));
  assert.equal(unknown[0].message, 'dx pointer C does not match any dx line (defined: A, B)');
  assert.deepEqual(unknown[1].span, find(text, 'c', 0, '15774 dx '));
  assert.equal(doc.lines[1].pointers[0].value, 'C', 'pointer letters are upper-cased');
  assert.equal(doc.problems.length, 2);

  const none = 'line 1: 15773 dx A\n';
  assertProblem(none, parseClaim(none).problems, 'this claim has no dx lines', find(none, 'A'));
});

test('dx pointers: format errors, more than 4, repeats, missing letters', () => {
  const dx = 'dx A: A00\ndx B: B00\ndx C: C00\ndx D: D00\ndx E: E00\ndx F: F00\n';
  let text = `${dx}line 1: 15773 dx A, B,C,D,E,F date 2024-01-01\n`;
  let doc = parseClaim(text);
  const from = find(text, 'E', 0, 'line 1: 15773 dx A, B,C,D,');
  const to = find(text, 'F', 0, 'line 1: 15773 dx A, B,C,D,E,');
  assertProblem(text, doc.problems, 'at most 4 dx pointers, got 6', { start: from.start, end: to.end });
  assert.equal(doc.lines[0].pointers.length, 6);
  assert.equal(doc.lines[0].date?.value, '2024-01-01', 'the date after the pointers still parses');

  text = `${dx}line 1: 15773 dx AB,M,A\n`;
  doc = parseClaim(text);
  assertProblem(text, doc.problems, 'dx pointer must be a single letter A-L, got "AB"', find(text, 'AB'));
  assertProblem(text, doc.problems, 'got "M"', find(text, 'M', 0, 'dx AB,'));
  assert.deepEqual(doc.lines[0].pointers.map((p) => p.value), ['A']);

  text = `${dx}line 1: 15773 dx A,A\n`;
  assertProblem(text, parseClaim(text).problems, 'dx pointer A is repeated', find(text, 'A', 0, 'line 1: 15773 dx A,'), 'syntax', 'warning');

  text = `${dx}line 1: 15773 dx\n`;
  assertProblem(text, parseClaim(text).problems, 'expected dx letters after "dx"', find(text, 'dx', 0, '15773 '));
  text = `${dx}line 1: 15773 dx A,\n`;
  assertProblem(text, parseClaim(text).problems, 'expected a dx letter after ","', find(text, ',', 0, '15773 dx A'));
  text = `${dx}line 1: 15773 dx A,,B\n`;
  assertProblem(text, parseClaim(text).problems, 'empty dx pointer', find(text, ',', 1, '15773 dx A'));
  text = `${dx}line 1: 15773 dx M34.0\n`;
  assertProblem(text, parseClaim(text).problems, 'pointers name dx lines by letter', find(text, 'M34.0'));
});

test('duplicate line number: error on the second number', () => {
  const text = 'line 1: 15773\nline 2: 15774\nline 1: 15775\n';
  const doc = parseClaim(text);
  assertProblem(text, doc.problems, 'duplicate line number 1 (first on line 1)', find(text, '1', 0, 'line 2: 15774\nline '));
  assert.equal(doc.lines.length, 3, 'both lines are kept');
});

test('line numbers: positive integers', () => {
  for (const n of ['0', '1a', '-1', '99999999999999999999']) {
    const text = `line ${n}: 15773\n`;
    const doc = parseClaim(text);
    assertProblem(text, doc.problems, `line number must be a positive integer, got "${n}"`, find(text, n));
    assert.equal(doc.lines[0].code.value, '15773');
  }
  const text = 'line: 15773\n';
  assertProblem(text, parseClaim(text).problems, 'expected a line number after "line"', find(text, 'line'));
  const colon = 'line 1 15773\n';
  const doc = parseClaim(colon);
  assertProblem(colon, doc.problems, 'expected ":" after "line 1"', find(colon, 'line 1'));
  assert.equal(doc.lines[0].code.value, '15773', 'recovers: the line is still read');
});

test('dx entries: duplicate letter, letter outside A-L, malformed ICD-10-CM, normalisation', () => {
  let text = 'dx A: M34.0\ndx a: M79.671\n';
  let doc = parseClaim(text);
  assertProblem(text, doc.problems, 'duplicate dx letter A (first on line 1)', find(text, 'a', 0, 'dx '));
  assert.equal(doc.dx[1].valid, false);

  text = 'dx M: M34.0\ndx AB: M34.0\n';
  doc = parseClaim(text);
  assertProblem(text, doc.problems, 'dx letter must be one of A-L, got "M"', find(text, 'M'));
  assertProblem(text, doc.problems, 'got "AB"', find(text, 'AB'));

  for (const code of ['M3', 'U07.1', 'M34.', 'M34.00000', 'M340000A', '3M4.0']) {
    text = `dx A: ${code} something\n`;
    doc = parseClaim(text);
    assertProblem(text, doc.problems, `malformed ICD-10-CM code "${code}"`, find(text, code));
    assert.equal(doc.dx[0].valid, false);
  }
  text = 'dx A: 15773\n';
  assertProblem(text, parseClaim(text).problems, 'that is a procedure code', find(text, '15773'));

  text = 'dx A: m340\ndx B: M79671  Pain\ndx C: S72.001A\ndx D: Z99\n';
  doc = clean(text);
  assert.deepEqual(doc.dx.map((d) => [d.code.value, d.normalized]), [['m340', 'M34.0'], ['M79671', 'M79.671'], ['S72.001A', 'S72.001A'], ['Z99', 'Z99']]);

  text = 'dx A:\n';
  assertProblem(text, parseClaim(text).problems, 'missing ICD-10-CM code after "dx A:"', find(text, 'dx A:'));
  text = 'dx: M34.0\n';
  assertProblem(text, parseClaim(text).problems, 'expected a dx letter A-L after "dx"', find(text, 'dx'));
  text = 'dx A M34.0\nline 1: 15773 dx A\n';
  doc = parseClaim(text);
  assertProblem(text, doc.problems, 'expected ":" after "dx A"', find(text, 'dx A'));
  assert.equal(doc.problems.length, 1, 'recovers: the pointer to A resolves');
});

test('more than 12 dx: an error on the 13th entry and after', () => {
  const letters = 'ABCDEFGHIJKL';
  const lines = [...letters].map((l, i) => `dx ${l}: A0${i % 10}`);
  lines.push('dx M: B00', 'dx A: B01');
  const text = `${lines.join('\n')}\n`;
  const doc = parseClaim(text);
  const tooMany = doc.problems.filter((p) => p.message.startsWith('too many diagnoses'));
  assert.equal(tooMany.length, 2, dump(doc.problems));
  assert.deepEqual(tooMany[0].span, find(text, 'dx M: B00'));
  assert.match(tooMany[0].message, /at most 12 \(A-L\); this is number 13/);
  assert.deepEqual(tooMany[1].span, find(text, 'dx A: B01'));
  assert.equal(doc.dx.length, 14);
  assert.equal(doc.dx.filter((d) => d.valid).length, 12);
});

test('dates: header and line dates must be real YYYY-MM-DD days', () => {
  for (const [date, why] of [
    ['2023-02-29', 'that day does not exist'],
    ['2024-04-31', 'that day does not exist'],
    ['2024-13-01', 'month must be 01-12'],
    ['03/01/2024', 'expected YYYY-MM-DD'],
    ['2024-3-1', 'expected YYYY-MM-DD'],
  ]) {
    let text = `date: ${date}\n`;
    let doc = parseClaim(text);
    assertProblem(text, doc.problems, `invalid date "${date}": ${why}`, find(text, date));
    assert.equal(doc.date, undefined);
    text = `line 1: 15773 date ${date} x2\n`;
    doc = parseClaim(text);
    assertProblem(text, doc.problems, `invalid date "${date}"`, find(text, date));
    assert.equal(doc.lines[0].date, undefined);
    assert.equal(doc.lines[0].units?.value, 2);
  }
  assert.equal(clean('date: 2024-02-29\n').date?.value, '2024-02-29');
  assert.equal(clean('line 1: 15773 date 2000-02-29\n').lines[0].date?.value, '2000-02-29');
  const text = 'line 1: 15773 date\n';
  assertProblem(text, parseClaim(text).problems, 'expected a date after "date"', find(text, 'date'));
});

test('headers: keys case-insensitive, plan values, unknown keys, repeats, empty values', () => {
  let text = 'PAYER: Centene\nPlan: Medicare\nProvider: Dr. Lee\nNote: a.note\nnote: b.note\n';
  let doc = clean(text);
  assert.equal(doc.payer?.value, 'Centene');
  assert.deepEqual(doc.plan, { value: 'medicare', span: find(text, 'Medicare') });
  assert.equal(doc.provider?.value, 'Dr. Lee');
  assert.deepEqual(doc.notes.map((n) => n.value), ['a.note', 'b.note']);
  assert.deepEqual(doc.headers.map((h) => h.key), ['payer', 'plan', 'provider', 'note', 'note']);

  text = 'plan: gold\n';
  doc = parseClaim(text);
  assertProblem(text, doc.problems, 'plan must be commercial, medicare or medicaid, got "gold"', find(text, 'gold'));
  assert.equal(doc.plan, undefined);

  text = 'payor: Anthem\n';
  doc = parseClaim(text);
  assertProblem(text, doc.problems, 'unknown key "payor"; did you mean "payer"?', find(text, 'payor'), 'syntax', 'warning');
  assert.equal(doc.headers[0].key, 'payor', 'unknown headers are kept');

  text = 'payer: Anthem\npayer: Centene\n';
  doc = parseClaim(text);
  assertProblem(text, doc.problems, '"payer" is given twice; the first (line 1) applies', find(text, 'payer', 1), 'syntax', 'warning');
  assert.equal(doc.payer?.value, 'Anthem');

  text = 'payer:   # nobody\n';
  assertProblem(text, parseClaim(text).problems, 'missing value after "payer:"', find(text, 'payer:'));
});

test('lines that are no entry: a syntax problem on the whole line', () => {
  for (const line of ['15773 x1', 'just words here', '* bullet', 'payer Anthem']) {
    const text = `claim: 1\n  ${line}   # comment\n`;
    const doc = parseClaim(text);
    const p = doc.problems[0];
    assert.equal(doc.problems.length, 1, dump(doc.problems));
    assert.equal(p.rule, 'syntax');
    assert.deepEqual(p.span, find(text, line));
  }
  const text = '15773 x1\n';
  assertProblem(text, parseClaim(text).problems, 'claim lines are written "line <n>: <code>"', find(text, '15773 x1'));
});

test('line fields: drugs, description, repeats, unexpected tokens', () => {
  let text = 'line 3: 62362 dx A drug morphine sulfate, bupivacaine ,baclofen ; pump refill # c\ndx A: G89.4\n';
  let doc = clean(text);
  const l = doc.lines[0];
  assert.deepEqual(l.drugs.map((d) => [d.value, slice(text, d.span)]), [
    ['morphine sulfate', 'morphine sulfate'],
    ['bupivacaine', 'bupivacaine'],
    ['baclofen', 'baclofen'],
  ]);
  assert.deepEqual(l.description, { value: 'pump refill', span: find(text, 'pump refill') });
  assert.equal(slice(text, l.span), 'line 3: 62362 dx A drug morphine sulfate, bupivacaine ,baclofen ; pump refill');

  text = 'line 1: 62362 drug\n';
  assertProblem(text, parseClaim(text).problems, 'expected drug names after "drug"', find(text, 'drug'));
  text = 'line 1: 62362 drug morphine,,baclofen\n';
  assertProblem(text, parseClaim(text).problems, 'empty drug name', find(text, ',', 1));

  text = 'line 1: 15773 x1 x2\n';
  doc = parseClaim(text);
  assertProblem(text, doc.problems, '"units" is given twice', find(text, 'x2'));
  assert.equal(doc.lines[0].units?.value, 1);

  text = 'line 1: 15773 RT\n';
  assertProblem(text, parseClaim(text).problems, 'unexpected "RT": expected x<units>, dx <letters>', find(text, 'RT'));
  text = 'line 1: 15773 -RT\n';
  assertProblem(text, parseClaim(text).problems, 'a modifier follows the code without spaces', find(text, '-RT'));
  text = 'dx A: M34.0\ndx B: M35.0\nline 1: 15773 dx A B\n';
  assertProblem(text, parseClaim(text).problems, 'dx pointers are comma-separated', find(text, 'B', 0, 'dx A '));
  text = 'line 1:15773-RT;free text; with semicolons\n';
  doc = clean(text);
  assert.equal(doc.lines[0].description?.value, 'free text; with semicolons');
});

test('# clinlint-disable-line: rules listed, bare = all, on header, dx and claim lines', () => {
  const text = [
    'line 1: 15773 # clinlint-disable-line missing-documentation',
    'line 2: 15774 # clinlint-disable-line missing-documentation, no-note unapproved-drug',
    'line 3: 62362 #clinlint-disable-line',
    'line 4: 62350 # a comment # clinlint-disable-line not-covered',
    'line 5: 62351 # clinlint-disable-lines are not this',
    'line 6: 62355',
    '',
  ].join('\n');
  const doc = clean(text);
  assert.deepEqual(doc.lines.map((l) => l.disabled), [
    ['missing-documentation'],
    ['missing-documentation', 'no-note', 'unapproved-drug'],
    [],
    ['not-covered'],
    undefined,
    undefined,
  ]);
  assert.equal(slice(text, doc.lines[0].span), 'line 1: 15773');

  const bad = 'line 1: 15773 # clinlint-disable-line missing-docs\n42 # clinlint-disable-line\n';
  const d2 = parseClaim(bad);
  assertProblem(bad, d2.problems, 'unknown rule "missing-docs"', find(bad, 'missing-docs'), 'syntax', 'warning');
  assertProblem(bad, d2.problems, 'this line is none of them', find(bad, '# clinlint-disable-line', 1), 'syntax', 'warning');
  assert.deepEqual(d2.lines[0].disabled, ['missing-docs']);

  // Headers and dx entries take the directive too; a rule no finding carries is reported.
  const other = 'payor: X # clinlint-disable-line syntax\ndx A: M34.0 # clinlint-disable-line\nplan: gold # clinlint-disable-line unknown-key\n';
  const d3 = parseClaim(other);
  assert.deepEqual(d3.headers.map((h) => h.disabled), [['syntax'], ['unknown-key']]);
  assert.deepEqual(d3.dx[0].disabled, []);
  assertProblem(other, d3.problems, 'unknown rule "unknown-key"', find(other, 'unknown-key'), 'syntax', 'warning');
});

test('line endings, BOM, NUL and empty input', () => {
  const body = ['payer: Anthem', 'dx A: M34.0', 'line 1: 15773 x2 dx A'];
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = `\uFEFF${body.join(eol)}${eol}`;
    const doc = clean(text);
    assert.equal(doc.payer?.value, 'Anthem');
    assert.deepEqual(doc.payer?.span, find(text, 'Anthem'));
    assert.equal(doc.lines[0].lineIndex, 2, JSON.stringify(eol));
    assert.equal(doc.lines[0].units?.value, 2);
    assert.deepEqual(doc.lines[0].pointers[0].span, find(text, 'A', 0, 'dx '.repeat(1) + 'A: M34.0' + eol + 'line 1: 15773 x2 dx '));
  }
  const mixed = 'payer: A\r\n\rline 1: 15773\n\r\nline 2: 15774';
  assert.deepEqual(clean(mixed).lines.map((l) => l.lineIndex), [2, 4]);

  for (const empty of ['', '\uFEFF', '\n\n', '   \t', '# only a comment', '\r\n\r\n']) {
    const doc = clean(empty);
    assert.deepEqual([doc.headers, doc.dx, doc.lines], [[], [], []]);
  }

  const nul = 'payer: A\u0000B\nline 1: 157\u000073\n\u0000\n';
  const doc = parseClaim(nul);
  assert.equal(doc.payer?.value, 'A\u0000B');
  assertProblem(nul, doc.problems, 'malformed code "157\\u000073"', find(nul, '157\u000073'));
  assertProblem(nul, doc.problems, 'unexpected text "\\u0000"', find(nul, '\u0000', 2));
});

test('deeply malformed input: problems, never an exception, capped per line', () => {
  const junk = `line 1: 15773 ${'x0 '.repeat(10_000)}\n${'dx A,'.repeat(1000)}\n`;
  const doc = parseClaim(junk);
  assert.ok(doc.problems.length < 100, `${doc.problems.length} problems`);
  assert.ok(doc.problems.some((p) => p.message.includes('too many problems on this line')));
  assert.ok(!doc.problems.some((p) => p.message.includes('internal error')));

  const long = `line 1: ${'9'.repeat(1_000_000)}\n`;
  const d2 = parseClaim(long);
  assert.equal(d2.problems.length, 1);
  assert.ok(d2.problems[0].message.length < 400, 'long values are shortened in messages');
});
