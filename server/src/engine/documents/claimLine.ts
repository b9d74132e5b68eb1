/**
 * The fields of one claim line after `line <n>:` (SPEC 2.1):
 * `<code>[-<mod>]* [x<units>] [dx <letters>] [date <YYYY-MM-DD>] [drug <names>] [; text]`.
 * A hand-written scanner: one pass over the line, every problem on its exact span.
 */
import type { Span } from '../types';
import { dateProblem, isIcd10, isModifier, isProcedureCode, PROCEDURE_CODE_EXPECTED } from './codes';
import type { ClaimLine, ParseProblem, Spanned } from './model';
import { indexIn, isAsciiLetter, LIMITS, quote, skipSpace, span, tokenEnd, trimEnd } from './text';

/** The comment directive that silences rules on one claim line. */
export const DISABLE_LINE = 'clinlint-disable-line';
/** Most pointers a CMS-1500 line takes (box 24E). */
const MAX_POINTERS = 4;
/** Past this many problems on one line the rest of it is not checked (a 10 MB line of junk). */
const MAX_LINE_PROBLEMS = 20;

export type LineFields = Pick<ClaimLine, 'code' | 'codeValid' | 'modifiers' | 'units' | 'pointers' | 'date' | 'drugs' | 'description'>;

const FIELDS_EXPECTED = 'x<units>, dx <letters>, date <YYYY-MM-DD>, drug <names> or "; description"';

function error(problems: ParseProblem[], s: Span, message: string, recovered?: 'recovered'): void {
  if (problems.length >= LIMITS.problems) return; // the claim parser reports the overflow once
  problems.push({ rule: 'syntax', message, span: s, ...(recovered ? { recovered: true } : {}) });
}

/** End of a field token: the next space or `;` (the comment is already cut off at `end`). */
function fieldEnd(text: string, i: number, end: number, stopAtComma = false): number {
  return tokenEnd(text, i, end, 59 /* ; */, stopAtComma ? 44 /* , */ : -1);
}

function codeMessage(code: string): string {
  const q = quote(code);
  if (code.length === 5 && isProcedureCode(code.toUpperCase()))
    return `malformed code ${q}: codes are written in upper case (${quote(code.toUpperCase())})`;
  if (isIcd10(code))
    return `malformed code ${q}: that is an ICD-10-CM diagnosis; put it on a dx line ("dx A: ${code}") and bill ${PROCEDURE_CODE_EXPECTED}`;
  return `malformed code ${q}: expected ${PROCEDURE_CODE_EXPECTED}`;
}

/**
 * Parses `start..end` (after the colon, comment removed, trailing space trimmed).
 * `label` is the `line <n>:` span, where a missing code is reported.
 */
export function parseLineFields(text: string, start: number, end: number, label: Span, problems: ParseProblem[]): LineFields {
  const cap = problems.length + MAX_LINE_PROBLEMS;
  let i = skipSpace(text, start, end);
  const fields: LineFields = {
    code: { value: '', span: span(i, i) },
    codeValid: false,
    modifiers: [],
    pointers: [],
    drugs: [],
  };

  // The code and its modifiers: one token, `-` separated.
  if (i >= end || text.charCodeAt(i) === 59) {
    error(problems, label, `missing code after ${quote(text.slice(label.start, label.end))}: expected ${PROCEDURE_CODE_EXPECTED}`);
  } else {
    const te = fieldEnd(text, i, end);
    let pe = indexIn(text, 45 /* - */, i, te);
    const code = text.slice(i, pe);
    fields.code = { value: code, span: span(i, pe) };
    fields.codeValid = isProcedureCode(code);
    if (!fields.codeValid) {
      if (code === '') error(problems, span(i, pe + 1), `missing code before the modifier: expected ${PROCEDURE_CODE_EXPECTED}`);
      else error(problems, span(i, pe), codeMessage(code));
    }
    while (pe < te && problems.length < cap) {
      const ms = pe + 1;
      const me = indexIn(text, 45, ms, te);
      const mod = text.slice(ms, me);
      if (isModifier(mod)) fields.modifiers.push({ value: mod.toUpperCase(), span: span(ms, me) });
      else if (mod === '') error(problems, span(pe, pe + 1), 'empty modifier after "-": a modifier is two letters or digits, e.g. RT');
      else error(problems, span(ms, me), `modifier must be two letters or digits (e.g. RT, 59), got ${quote(mod)}`);
      pe = me;
    }
    i = pe < te ? pe : te; // stopped early: the cap check below reports the rest
  }

  const seen = new Set<string>();
  const repeated = (name: string, s: Span): boolean => {
    if (!seen.has(name)) {
      seen.add(name);
      return false;
    }
    error(problems, s, `${quote(name)} is given twice on this line; only the first is used`);
    return true;
  };

  for (;;) {
    i = skipSpace(text, i, end);
    if (i >= end) break;
    if (problems.length >= cap) {
      error(problems, span(i, end), 'too many problems on this line: the rest of it is not checked');
      break;
    }
    if (text.charCodeAt(i) === 59) {
      const ds = skipSpace(text, i + 1, end);
      const de = trimEnd(text, ds, end);
      if (de > ds) fields.description = { value: text.slice(ds, de), span: span(ds, de) };
      break;
    }
    const ts = i;
    const te = fieldEnd(text, i, end);
    const tok = text.slice(ts, te);
    const lower = tok.length <= 5 ? tok.toLowerCase() : '';
    const tokSpan = span(ts, te);
    i = te;

    if (lower === 'dx') {
      const r = parsePointers(text, te, end, tokSpan, problems, cap);
      i = r.end;
      if (!repeated('dx', tokSpan)) fields.pointers = r.pointers;
    } else if (lower === 'date') {
      const vs = skipSpace(text, te, end);
      const ve = fieldEnd(text, vs, end);
      i = ve;
      if (repeated('date', tokSpan)) continue;
      if (ve === vs) {
        error(problems, tokSpan, 'expected a date after "date" (YYYY-MM-DD)');
        continue;
      }
      const value = text.slice(vs, ve);
      const why = dateProblem(value);
      if (why) error(problems, span(vs, ve), `invalid date ${quote(value)}: ${why}`);
      else fields.date = { value, span: span(vs, ve) };
    } else if (lower === 'drug' || lower === 'drugs') {
      const r = parseDrugs(text, te, end, tokSpan, problems, cap);
      i = r.end;
      if (!repeated('drug', tokSpan)) fields.drugs = r.drugs;
    } else if (isUnitsToken(tok)) {
      if (repeated('units', tokSpan)) continue;
      const digits = tok.slice(1);
      const n = allDigits(digits) ? Number(digits) : NaN;
      if (Number.isSafeInteger(n) && n > 0) fields.units = { value: n, span: tokSpan };
      else
        error(
          problems,
          tokSpan,
          `units must be a positive integer, got ${quote(tok)}${tok.length === 1 ? ' (write it without a space: x2)' : ' (e.g. x2)'}`,
        );
    } else if (tok.charCodeAt(0) === 45 /* - */) {
      error(problems, tokSpan, `unexpected ${quote(tok)}: a modifier follows the code without spaces, e.g. 15773-RT`);
    } else {
      const hint = tok.length === 1 && isAsciiLetter(tok.charCodeAt(0)) ? ' (dx pointers are comma-separated: dx A,B)' : '';
      error(problems, tokSpan, `unexpected ${quote(tok)}: expected ${FIELDS_EXPECTED}${hint}`);
    }
  }
  return fields;
}

function allDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `x2`, `x0`, `x-1`, `xabc` are all read as units (the last three to report them); `xylocaine` is not. */
function isUnitsToken(tok: string): boolean {
  const c = tok.charCodeAt(0);
  if (c !== 120 && c !== 88) return false;
  return tok.length <= 4 || !isAsciiLetter(tok.charCodeAt(1));
}

/** `dx A,B` / `dx A, B`: letters up to the next field. */
function parsePointers(
  text: string,
  from: number,
  end: number,
  keyword: Span,
  problems: ParseProblem[],
  cap: number,
): { pointers: Spanned[]; end: number } {
  const pointers: Spanned[] = [];
  let i = from;
  let expectItem = true;
  let lastComma: Span | undefined;
  let items = 0;
  const seen = new Set<string>();
  while (problems.length < cap) {
    i = skipSpace(text, i, end);
    if (i >= end) break;
    const c = text.charCodeAt(i);
    if (c === 59) break;
    if (c === 44 /* , */) {
      if (expectItem && (items > 0 || lastComma))
        error(problems, span(i, i + 1), 'empty dx pointer: expected a letter A-L between the commas');
      lastComma = span(i, i + 1);
      expectItem = true;
      i++;
      continue;
    }
    if (!expectItem) break; // the next field
    const te = fieldEnd(text, i, end, true);
    const item = text.slice(i, te);
    const s = span(i, te);
    items++;
    expectItem = false;
    i = te;
    const letter = item.toUpperCase();
    if (item.length !== 1 || letter < 'A' || letter > 'L') {
      const hint = isIcd10(item) ? `; pointers name dx lines by letter (put ${item} on a line "dx A: ${item}")` : '';
      error(problems, s, `dx pointer must be a single letter A-L, got ${quote(item)}${hint}`);
      continue;
    }
    if (seen.has(letter)) error(problems, s, `dx pointer ${letter} is repeated`, 'recovered');
    seen.add(letter);
    pointers.push({ value: letter, span: s });
  }
  if (items === 0) error(problems, keyword, 'expected dx letters after "dx", e.g. "dx A,B"');
  else if (expectItem && lastComma) error(problems, lastComma, 'expected a dx letter after ","');
  if (pointers.length > MAX_POINTERS) {
    const extra = span(pointers[MAX_POINTERS].span.start, pointers[pointers.length - 1].span.end);
    error(problems, extra, `a claim line takes at most ${MAX_POINTERS} dx pointers, got ${pointers.length}`);
  }
  return { pointers, end: i };
}

/** `drug morphine, bupivacaine`: names up to `;` (or the end of the line). */
function parseDrugs(
  text: string,
  from: number,
  end: number,
  keyword: Span,
  problems: ParseProblem[],
  cap: number,
): { drugs: Spanned[]; end: number } {
  const stop = indexIn(text, 59 /* ; */, from, end);
  const drugs: Spanned[] = [];
  let i = from;
  let prevComma = -1;
  let prevEmpty = false;
  while (problems.length < cap) {
    const comma = indexIn(text, 44 /* , */, i, stop);
    const s = skipSpace(text, i, comma);
    const e = trimEnd(text, s, comma);
    const empty = e === s;
    if (!empty) drugs.push({ value: text.slice(s, e), span: span(s, e) });
    else if (comma < stop) error(problems, span(comma, comma + 1), 'empty drug name before ",": expected a name between the commas');
    else if (prevComma >= 0 && !prevEmpty) error(problems, span(prevComma, prevComma + 1), 'expected a drug name after ","');
    if (comma >= stop) {
      i = stop;
      break;
    }
    prevComma = comma;
    prevEmpty = empty;
    i = comma + 1;
  }
  if (drugs.length === 0 && prevComma < 0) error(problems, keyword, 'expected drug names after "drug", e.g. "drug morphine, baclofen"');
  return { drugs, end: i };
}
