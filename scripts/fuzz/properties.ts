/**
 * The reliability properties (SPEC 9), as plain functions that throw on a violation, so the
 * unit tests and the fuzz campaign check exactly the same things:
 *
 * - checking a claim or a note never throws, whatever the text;
 * - every range the engine returns lies inside its document: line < line count and
 *   character <= that line's length, start <= end, and the range agrees with the span;
 *   evidence and related ranges lie inside the note they point into;
 * - the output is deterministic: the same input twice (cache hit) and on a second engine
 *   gives deep-equal results;
 * - the CLI formats (text, json, sarif) render every result;
 * - the claim parse/print round trip holds;
 * - loading mutated policy files never throws and every policy-error lies inside its file.
 */
import assert from 'node:assert/strict';
import { Engine, promptOffset, type CheckResult, type Host, type Range, type Span } from '../../server/src/engine';
import { parseClaim, printClaim } from '../../server/src/engine/documents/claim';
import type { ClaimDocument } from '../../server/src/engine/documents/model';
import { checkCriteria, loadPolicyFiles, type PolicyFileError } from '../../server/src/engine/policies/load';
import { toJson } from '../../server/src/cli/format/json';
import { toSarif } from '../../server/src/cli/format/sarif';
import { toText } from '../../server/src/cli/format/text';
import { SEED_CLAIMS, SEED_NOTES, type SeedFile } from './arbitraries';

/** Where a claim under test lives: `note: self.claim` links it to itself. */
export const CLAIM_PATH = '/fuzz/claims/self.claim';
export const NOTE_PATH = '/fuzz/notes/fuzz.note';

/**
 * Line starts computed independently of the engine's LineIndex: LSP line breaks are LF, CRLF
 * and lone CR (not U+2028, not NEL).
 */
export class Lines {
  readonly starts: number[] = [0];
  readonly lengths: number[] = [];
  constructor(readonly text: string) {
    const re = /\r\n|\r|\n/g;
    let m: RegExpExecArray | null;
    let last = 0;
    while ((m = re.exec(text))) {
      this.lengths.push(m.index - last);
      last = m.index + m[0].length;
      this.starts.push(last);
    }
    this.lengths.push(text.length - last);
  }
  get count(): number {
    return this.starts.length;
  }
  /** The position of an offset (an offset inside a CRLF belongs to the line it ends). */
  positionAt(offset: number): { line: number; character: number } {
    let line = 0;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        line = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return { line, character: offset - this.starts[line] };
  }
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);

export function assertRangeIn(lines: Lines, range: Range, what: string): void {
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${name} is not integral ${JSON.stringify(range)}`);
    assert.ok(p.line >= 0 && p.line < lines.count, `${what}: ${name}.line ${p.line} outside 0..${lines.count - 1}`);
    assert.ok(
      p.character >= 0 && p.character <= lines.lengths[p.line],
      `${what}: ${name}.character ${p.character} outside 0..${lines.lengths[p.line]} on line ${p.line}`,
    );
  }
  assert.ok(before(range.start, range.end), `${what}: start after end ${JSON.stringify(range)}`);
}

export function assertSpanIn(lines: Lines, span: Span, range: Range | undefined, what: string): void {
  assert.ok(
    Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      0 <= span.start &&
      span.start <= span.end &&
      span.end <= lines.text.length,
    `${what}: span ${JSON.stringify(span)} outside 0..${lines.text.length}`,
  );
  if (range) {
    // The range is the span's: offsets inside a CRLF are clamped to the end of their line.
    const clamp = (o: number) => {
      const p = lines.positionAt(o);
      return { line: p.line, character: Math.min(p.character, lines.lengths[p.line]) };
    };
    assert.deepEqual(
      range,
      { start: clamp(span.start), end: clamp(span.end) },
      `${what}: range does not match span ${JSON.stringify(span)}`,
    );
  }
}

/** Every range in a result lies in its document; evidence ranges in the note they quote. */
export function assertResultInside(result: CheckResult, text: string, texts: (path: string) => string | undefined): void {
  const lines = new Lines(text);
  const other = new Map<string, Lines | undefined>();
  const linesOf = (path: string): Lines | undefined => {
    if (path === result.path) return lines;
    if (!other.has(path)) {
      const t = texts(path);
      other.set(path, t === undefined ? undefined : new Lines(t));
    }
    return other.get(path);
  };
  const evidence = (e: { path: string; line: number; span: Span; range: Range } | undefined, what: string) => {
    if (!e) return;
    const l = linesOf(e.path);
    assert.ok(l, `${what}: evidence in an unknown document ${e.path}`);
    assertRangeIn(l, e.range, what);
    assertSpanIn(l, e.span, e.range, what);
    assert.ok(e.line >= 0 && e.line < l.count, `${what}: evidence line ${e.line} outside the document`);
  };
  const offsets = new Map<string, number>();
  result.findings.forEach((f, i) => {
    const what = `finding ${i} (${f.rule}: ${f.message.slice(0, 60)})`;
    assertRangeIn(lines, f.range, what);
    assertSpanIn(lines, f.span, f.range, what);
    f.related.forEach((r, j) => {
      const l = linesOf(r.path);
      if (l) assertRangeIn(l, r.range, `${what} related ${j}`);
    });
    const ins = f.data.insert;
    if (ins) {
      const l = linesOf(ins.path);
      if (l) {
        // The fix computes the offset from the note's text when it runs: it must fall inside it
        // (once per note and section: a big note has thousands of findings).
        const key = `${ins.path}\u0000${ins.section}`;
        let offset = offsets.get(key);
        if (offset === undefined) offsets.set(key, (offset = promptOffset(l.text, ins.section)));
        assert.ok(offset >= 0 && offset <= l.text.length, `${what}: insert offset ${offset} outside ${ins.path}`);
      }
    }
  });
  result.determinations.forEach((d, i) => {
    const what = `determination ${i} (${d.code})`;
    assertRangeIn(lines, d.range, what);
    assertSpanIn(lines, d.span, d.range, what);
    assert.equal(d.line, d.range.start.line, `${what}: line is not the range's line`);
    for (const p of d.policies) {
      p.met.forEach((m, j) => evidence(m.evidence, `${what} ${p.policy} met ${j}`));
      p.nearMisses.forEach((m, j) => evidence(m.evidence, `${what} ${p.policy} near miss ${j}`));
      evidence(p.exclusion?.evidence, `${what} ${p.policy} exclusion`);
    }
  });
}

export function assertPolicyErrorsInside(errors: readonly PolicyFileError[], files: readonly SeedFile[]): void {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  errors.forEach((e, i) => {
    assert.equal(typeof e.message, 'string');
    assert.ok(e.message.length > 0 && e.message.length < 4000, `policy error ${i}: message of ${e.message.length} characters`);
    const text = byPath.get(e.path);
    assert.ok(text !== undefined, `policy error ${i} names an unknown file ${e.path}`);
    assertRangeIn(new Lines(text), e.range, `policy error ${i} (${e.message.slice(0, 60)})`);
  });
}

/** A host over in-memory texts: the seed notes, overridden per case. */
export function memoryHost(overrides: Iterable<[string, string]> = []): Host & { texts: Map<string, string> } {
  const texts = new Map<string, string>(SEED_NOTES.map((n) => [n.path, n.text]));
  for (const [p, t] of overrides) texts.set(p, t);
  return { texts, readText: (p) => texts.get(p) };
}

/** The outputs of one check that must not vary: results of a cache miss, a cache hit, a fresh engine. */
export function checkDocument(
  engines: [Engine, Engine],
  doc: { path: string; text: string },
  host: Host & { texts: Map<string, string> },
  options: { payer?: string; plan?: 'commercial' | 'medicare' | 'medicaid' } = {},
): CheckResult {
  const [a, b] = engines;
  const first = a.check(doc, host, options);
  assertResultInside(first, doc.text, (p) => host.texts.get(p));
  const again = a.check(doc, host, options);
  assertSame(again, first, 'a second check of the same text differs');
  const fresh = b.check(doc, host, options);
  assertSame(fresh, first, 'another engine gives a different result');
  // Every CLI format renders it, and the JSON is JSON.
  const display = (p: string) => p;
  JSON.parse(toJson([first], display));
  JSON.parse(toSarif([first], display, '0.0.0'));
  assert.equal(typeof toText([first], display), 'string');
  return first;
}

/** Deep equality, with a fast path: equal JSON (undefined and NaN aside) first, then the full check. */
function assertSame(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) assert.deepEqual(actual, expected, message);
}

/** A claim with spans, text, line indexes and problems left out: what the round trip keeps. */
export function claimShape(doc: ClaimDocument): unknown {
  const v = <T>(s: { value: T } | undefined) => s?.value;
  return {
    headers: doc.headers.map((h) => [h.key, h.value]),
    claimId: v(doc.claimId),
    payer: v(doc.payer),
    plan: v(doc.plan),
    patient: v(doc.patient),
    provider: v(doc.provider),
    date: v(doc.date),
    notes: doc.notes.map((n) => n.value),
    dx: doc.dx.map((d) => ({
      letter: d.letter.value,
      code: d.code.value,
      normalized: d.normalized,
      description: v(d.description),
      valid: d.valid,
    })),
    lines: doc.lines.map((l) => ({
      number: Number.isNaN(l.number.value) ? 'NaN' : l.number.value,
      code: l.code.value,
      codeValid: l.codeValid,
      modifiers: l.modifiers.map((m) => m.value),
      units: v(l.units),
      pointers: l.pointers.map((p) => p.value),
      date: v(l.date),
      drugs: l.drugs.map((d) => d.value),
      description: v(l.description),
      disabled: l.disabled,
    })),
  };
}

/** parseClaim(printClaim(parseClaim(t))) equals parseClaim(t) but for spans and layout. */
export function assertRoundTrip(text: string, expectValid: boolean): void {
  const parsed = parseClaim(text);
  if (expectValid)
    assert.deepEqual(
      parsed.problems.map((p) => p.message),
      [],
      `a generated valid claim has problems:\n${text}`,
    );
  const printed = printClaim(parsed);
  const reparsed = parseClaim(printed);
  assert.deepEqual(claimShape(reparsed), claimShape(parsed), `round trip differs; printed:\n${printed}`);
  if (expectValid)
    assert.deepEqual(
      reparsed.problems.map((p) => p.message),
      [],
      `the printed claim has problems:\n${printed}`,
    );
  // Printing is canonical: printing the reparsed claim gives the same text.
  assert.equal(printClaim(reparsed), printed, 'printing is not idempotent');
}

/** Loading a (mutated) policy set never throws; errors lie inside their files. */
export function checkPolicyLoad(files: SeedFile[]): void {
  const loaded = loadPolicyFiles(files);
  const checked = checkCriteria(loaded.policies, loaded.concepts);
  assertPolicyErrorsInside([...loaded.errors, ...checked.errors], files);
}

/** What an engine over mutated policies checks: a claim with its note, and a pump note. */
export const POLICY_ENGINE_DOCS: SeedFile[] = [
  SEED_CLAIMS.find((c) => c.path.endsWith('2024-0117-fat-grafting.claim'))!,
  SEED_NOTES.find((n) => n.path.endsWith('2024-08-19-pump-trial.note'))!,
];

/** The whole engine over a (mutated) policy set: loads, reports inside files, checks documents. */
export function checkPolicyEngine(files: SeedFile[], docs: { path: string; text: string }[]): void {
  const engine = Engine.fromFiles(files);
  assertPolicyErrorsInside(engine.policyErrors, files);
  const host = memoryHost();
  for (const doc of docs) {
    const r = engine.check(doc, host, {});
    assertResultInside(r, doc.text, (p) => host.texts.get(p));
  }
}
