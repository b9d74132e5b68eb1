/**
 * Claim drafts (`*.claim`, SPEC 2.1): headers, `dx` entries and `line` entries, one per line.
 * One pass over the text by hand-written scanning (no backtracking regex), every problem on
 * its exact span; malformed input gives problems, never an exception.
 */
import { RULES } from '../rules';
import { PLANS, type Plan, type Span } from '../types';
import { DISABLE_LINE, parseLineFields } from './claimLine';
import { dateProblem, ICD10_EXPECTED, isIcd10, isProcedureCode, normalizeIcd10 } from './codes';
import type { ClaimDocument, ClaimLine, DxEntry, Header, ParseProblem, Spanned } from './model';
import {
  contentStart,
  forEachLine,
  indexIn,
  internalError,
  isAsciiAlnum,
  isAsciiLetter,
  isSpace,
  LIMITS,
  quote,
  skipSpace,
  span,
  suggest,
  tokenEnd,
  trimEnd,
} from './text';

export { printClaim } from './claimPrint';

/** The header keys of SPEC 2.1 (completion offers the same list). */
export const CLAIM_HEADER_KEYS = ['claim', 'payer', 'plan', 'patient', 'provider', 'date', 'note'] as const;
/** Box 21 of the CMS-1500 holds twelve diagnoses, lettered A-L. */
const MAX_DX = 12;

/** Rule names a `# clinlint-disable-line` may name: the rules findings carry, no others. */
const DISABLE_RULES: readonly string[] = RULES;

/** Every header but `note:` is given once. */
const SINGLE_HEADERS = new Set<string>(CLAIM_HEADER_KEYS.filter((k) => k !== 'note'));

export function parseClaim(text: string): ClaimDocument {
  const doc: ClaimDocument = { kind: 'claim', text, headers: [], notes: [], dx: [], lines: [], problems: [] };
  try {
    new ClaimParser(text, doc).run();
  } catch (e) {
    doc.problems.push(internalError('claim', e));
  }
  return doc;
}

class ClaimParser {
  private readonly problems: ParseProblem[];
  /** 0-based line of each header's / letter's / number's first occurrence, for "first on line N". */
  private readonly firstHeader = new Map<string, number>();
  private readonly firstLetter = new Map<string, number>();
  private readonly firstNumber = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly doc: ClaimDocument,
  ) {
    this.problems = doc.problems;
  }

  private error(s: Span, message: string): void {
    if (this.problems.length >= LIMITS.problems) return; // reported once, at the end of run()
    this.problems.push({ rule: 'syntax', message, span: s });
  }

  /** A problem the reader goes on from (table: the `recovered` variant of `syntax`, a warning). */
  private warn(s: Span, message: string): void {
    if (this.problems.length >= LIMITS.problems) return;
    this.problems.push({ rule: 'syntax', message, span: s, recovered: true });
  }

  run(): void {
    const { text } = this;
    let stopped = false;
    forEachLine(
      text,
      (index, start, end) => {
        const hash = indexIn(text, 35 /* # */, start, end);
        const disabled = hash < end ? this.directive(hash, end) : undefined;
        const s = skipSpace(text, start, hash);
        const e = trimEnd(text, s, hash);
        if (s === e) return; // blank or comment only
        // A hostile paste (a million junk lines, a 10 MB claim) stops here, said once.
        const full =
          this.problems.length >= LIMITS.problems
            ? `${LIMITS.problems} problems`
            : this.doc.lines.length >= LIMITS.claimLines
              ? `${LIMITS.claimLines} claim lines`
              : '';
        if (full) {
          const message = `more than ${full}: the rest of the claim, from line ${index + 1}, is not read`;
          this.problems.push({ rule: 'syntax', recovered: true, span: span(s, e), message });
          stopped = true;
          return false;
        }
        const entry = this.entry(s, e, index);
        if (!disabled) return;
        if (entry) entry.disabled = disabled.rules;
        else this.warn(disabled.span, `${DISABLE_LINE} applies to a header, dx or claim line, and this line is none of them`);
      },
      contentStart(text),
    );
    this.checkPointers();
    if (!stopped && this.problems.length >= LIMITS.problems) {
      const last = this.problems[this.problems.length - 1].span;
      const message = `more than ${LIMITS.problems} problems: only the first ${LIMITS.problems} are reported`;
      this.problems.push({ rule: 'syntax', recovered: true, span: last, message });
    }
  }

  /** Reads one entry; returns the header, dx entry or claim line it added (a disable-line applies to it). */
  private entry(s: number, e: number, lineIndex: number): Header | DxEntry | ClaimLine | undefined {
    const { doc } = this;
    const before = [doc.headers.length, doc.dx.length, doc.lines.length];
    this.read(s, e, lineIndex);
    if (doc.lines.length > before[2]) return doc.lines[doc.lines.length - 1];
    if (doc.dx.length > before[1]) return doc.dx[doc.dx.length - 1];
    if (doc.headers.length > before[0]) return doc.headers[doc.headers.length - 1];
    return undefined;
  }

  private read(s: number, e: number, lineIndex: number): void {
    const { text } = this;
    const c = text.charCodeAt(s);
    if (!isAsciiLetter(c)) {
      const hint =
        c >= 48 && c <= 57
          ? 'claim lines are written "line <n>: <code>", e.g. "line 1: 15773"'
          : 'expected a header ("payer: Anthem"), a diagnosis ("dx A: M34.0") or a claim line ("line 1: 15773")';
      this.error(span(s, e), `unexpected text ${quote(text.slice(s, e))}: ${hint}`);
      return;
    }
    let k = s;
    while (k < e && isAsciiLetter(text.charCodeAt(k))) k++;
    const word = k - s <= 4 ? text.slice(s, k).toLowerCase() : '';
    if (word === 'dx') {
      this.dx(s, k, e, lineIndex);
      return;
    }
    if (word === 'line') {
      this.claimLine(s, k, e, lineIndex);
      return;
    }
    while (k < e) {
      const ch = text.charCodeAt(k);
      if (!(isAsciiAlnum(ch) || ch === 95 /* _ */ || ch === 45 /* - */)) break;
      k++;
    }
    const colon = skipSpace(text, k, e);
    if (colon >= e || text.charCodeAt(colon) !== 58 /* : */) {
      this.error(
        span(s, e),
        `expected ":" after ${quote(text.slice(s, k))}: ` +
          'headers are written "key: value", diagnoses "dx A: M34.0", claim lines "line 1: 15773"',
      );
      return;
    }
    this.header(s, k, colon, e, lineIndex);
    return;
  }

  private header(s: number, k: number, colon: number, e: number, lineIndex: number): void {
    const { text, doc } = this;
    const key = text.slice(s, k).toLowerCase();
    const keySpan = span(s, k);
    const vs = skipSpace(text, colon + 1, e);
    const value = text.slice(vs, e);
    const valueSpan = span(vs, e);
    const header: Header = { key, keySpan, value, valueSpan };
    doc.headers.push(header);

    if (!(CLAIM_HEADER_KEYS as readonly string[]).includes(key)) {
      const near = suggest(key, [...CLAIM_HEADER_KEYS, 'dx', 'line']);
      this.warn(
        keySpan,
        `unknown key ${quote(text.slice(s, k))}${near ? `; did you mean "${near}"?` : ''} (known keys: ${CLAIM_HEADER_KEYS.join(', ')})`,
      );
      return;
    }
    if (value === '') {
      this.error(span(s, colon + 1), `missing value after "${key}:"`);
      return;
    }
    const spanned: Spanned = { value, span: valueSpan };
    if (key === 'note') {
      doc.notes.push(spanned);
      return;
    }
    if (SINGLE_HEADERS.has(key)) {
      const first = this.firstHeader.get(key);
      if (first !== undefined) {
        this.warn(keySpan, `"${key}" is given twice; the first (line ${first + 1}) applies`);
        return;
      }
    }
    if (key === 'plan') {
      const plan = value.toLowerCase() as Plan;
      if (!PLANS.includes(plan)) {
        this.error(valueSpan, `plan must be ${PLANS.slice(0, -1).join(', ')} or ${PLANS[PLANS.length - 1]}, got ${quote(value)}`);
        return;
      }
      doc.plan = { value: plan, span: valueSpan };
    } else if (key === 'date') {
      const why = dateProblem(value);
      if (why) {
        this.error(valueSpan, `invalid date ${quote(value)}: ${why}`);
        return;
      }
      doc.date = spanned;
    } else if (key === 'claim') doc.claimId = spanned;
    else if (key === 'payer') doc.payer = spanned;
    else if (key === 'patient') doc.patient = spanned;
    else if (key === 'provider') doc.provider = spanned;
    this.firstHeader.set(key, lineIndex);
  }

  /** `dx <letter>: <ICD-10-CM> [description]`; `s..k` is the `dx` keyword. */
  private dx(s: number, k: number, e: number, lineIndex: number): void {
    const { text, doc } = this;
    const ls = skipSpace(text, k, e);
    const le = tokenEnd(text, ls, e, 58 /* : */);
    const letterText = text.slice(ls, le);
    let j = skipSpace(text, le, e);
    if (j < e && text.charCodeAt(j) === 58) j++;
    else if (letterText.length === 1 && isAsciiLetter(letterText.charCodeAt(0)) && j < e) {
      // `dx A M34.0`: report the colon, read the rest anyway so pointers to A still resolve.
      this.error(span(s, le), `expected ":" after ${quote(text.slice(s, le))}, e.g. "dx A: M34.0"`);
    } else {
      this.error(span(s, e), `expected "dx <letter>: <ICD-10-CM code>", e.g. "dx A: M34.0"`);
      return;
    }
    const colonEnd = j;
    const cs = skipSpace(text, j, e);
    const ce = tokenEnd(text, cs, e);
    const ds = skipSpace(text, ce, e);

    const letter = letterText.toUpperCase();
    const code = text.slice(cs, ce);
    const entry: DxEntry = {
      letter: { value: letter, span: span(ls, le) },
      code: { value: code, span: span(cs, ce) },
      normalized: normalizeIcd10(code),
      span: span(s, e),
      valid: true,
    };
    if (ds < e) entry.description = { value: text.slice(ds, e), span: span(ds, e) };

    if (letterText === '') {
      entry.valid = false;
      this.error(span(s, k), 'expected a dx letter A-L after "dx", e.g. "dx A: M34.0"');
    } else if (letter.length !== 1 || letter < 'A' || letter > 'L') {
      entry.valid = false;
      this.error(entry.letter.span, `dx letter must be one of A-L, got ${quote(letterText)}`);
    } else {
      const first = this.firstLetter.get(letter);
      if (first !== undefined) {
        entry.valid = false;
        this.error(entry.letter.span, `duplicate dx letter ${letter} (first on line ${first + 1})`);
      } else this.firstLetter.set(letter, lineIndex);
    }
    if (code === '') {
      entry.valid = false;
      this.error(span(s, colonEnd), `missing ICD-10-CM code after ${quote(text.slice(s, colonEnd))}`);
    } else if (!isIcd10(code)) {
      entry.valid = false;
      const why = isProcedureCode(code)
        ? `that is a procedure code; a dx line takes an ICD-10-CM diagnosis code, e.g. M34.0`
        : `expected ${ICD10_EXPECTED}`;
      this.error(entry.code.span, `malformed ICD-10-CM code ${quote(code)}: ${why}`);
    }
    if (doc.dx.length >= MAX_DX) {
      entry.valid = false;
      this.error(entry.span, `too many diagnoses: a claim holds at most ${MAX_DX} (A-L); this is number ${doc.dx.length + 1}`);
    }
    doc.dx.push(entry);
  }

  /** `line <n>: <fields>`; `s..k` is the `line` keyword. */
  private claimLine(s: number, k: number, e: number, lineIndex: number): void {
    const { text, doc } = this;
    const ns = skipSpace(text, k, e);
    const ne = tokenEnd(text, ns, e, 58 /* : */);
    const raw = text.slice(ns, ne);
    const digits = isDigits(raw);
    let j = skipSpace(text, ne, e);
    if (j < e && text.charCodeAt(j) === 58) j++;
    else if (digits && j < e) {
      this.error(span(s, ne), `expected ":" after ${quote(text.slice(s, ne))}, e.g. "line 1: 15773"`);
    } else {
      this.error(span(s, e), `expected "line <n>: <code> ...", e.g. "line 1: 15773-RT x1 dx A"`);
      return;
    }
    let value = digits ? Number(raw) : NaN;
    if (raw === '') this.error(span(s, k), 'expected a line number after "line", e.g. "line 1: 15773"');
    else if (!digits || !Number.isSafeInteger(value) || value < 1) {
      this.error(span(ns, ne), `line number must be a positive integer, got ${quote(raw)}`);
      if (!digits) value = NaN;
    } else {
      const first = this.firstNumber.get(value);
      if (first !== undefined) this.error(span(ns, ne), `duplicate line number ${value} (first on line ${first + 1})`);
      else this.firstNumber.set(value, lineIndex);
    }
    const fields = parseLineFields(text, j, e, span(s, j), this.problems);
    const line: ClaimLine = { number: { value, span: span(ns, ne) }, ...fields, span: span(s, e), lineIndex };
    doc.lines.push(line);
  }

  /** Pointers name dx letters defined anywhere in the file, so they are checked at the end. */
  private checkPointers(): void {
    const defined = [...this.firstLetter.keys()].sort();
    for (const line of this.doc.lines) {
      for (const p of line.pointers) {
        if (this.firstLetter.has(p.value)) continue;
        const known = defined.length ? `defined: ${defined.join(', ')}` : 'this claim has no dx lines';
        this.error(p.span, `dx pointer ${p.value} does not match any dx line (${known})`);
      }
    }
  }

  /** `# clinlint-disable-line [rule...]` at the end of the line (`hash` is the first `#`). */
  private directive(hash: number, end: number): { rules: string[]; span: Span } | undefined {
    const { text } = this;
    // The directive may follow another comment: look at every `#` on the line.
    for (let h = hash; h < end; h = indexIn(text, 35, h + 1, end)) {
      const ds = skipSpace(text, h + 1, end);
      const de = ds + DISABLE_LINE.length;
      if (de > end || (text.charCodeAt(ds) | 32) !== 99 /* c */ || text.slice(ds, de).toLowerCase() !== DISABLE_LINE) continue;
      if (de < end && !isSpace(text.charCodeAt(de)) && text.charCodeAt(de) !== 44) continue;
      const stop = indexIn(text, 35, de, end);
      const rules: string[] = [];
      let i = de;
      for (;;) {
        while (i < stop && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 44)) i++;
        if (i >= stop) break;
        const rs = i;
        i = tokenEnd(text, i, stop, 44 /* , */);
        const rule = text.slice(rs, i);
        rules.push(rule);
        if (!DISABLE_RULES.includes(rule)) {
          const near = suggest(rule, DISABLE_RULES);
          this.warn(span(rs, i), `unknown rule ${quote(rule)} in ${DISABLE_LINE}${near ? `; did you mean "${near}"?` : ''}`);
        }
      }
      return { rules, span: span(h, trimEnd(text, h, stop)) };
    }
    return undefined;
  }
}

function isDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
