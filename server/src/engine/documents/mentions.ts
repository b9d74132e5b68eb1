/**
 * Code mentions in note text (SPEC 2.2). A token is a code only in context:
 * - an inline list after `CPT`, `HCPCS`, `ICD-10(-CM)`, `code(s)`: `CPT 15773, 15774`,
 *   `Codes: 15773 and 15774`; the list ends at the first token that is not a code;
 * - a scope: a parenthesis opening with such a word (`(CPT code 62362)`), a line opening with
 *   one (`CPT code 57307 - closure...`, `PROCEDURE CODES: 64640 times two, 64614 ...`), or the
 *   lines under a label line (`CPT CODE:` then `10061.`) up to a blank line or the next heading.
 *   In a scope a code must start a list item (after the label, `,`, `;`, `.`, `and`, `or`), so
 *   `A1C` in the middle of a sentence is not taken for an ICD-10 code.
 * A bare number (ZIP code, MRN) is never a code. One pass over the text; tokens are built only
 * for lines that name a code word or are inside a scope.
 */
import { isIcd10, isModifier, isProcedureCode } from './codes';
import type { CodeMention } from './model';
import { isSpace, skipSpace } from './text';

type Scheme = CodeMention['scheme'] | 'none'; // 'none': ICD-9, whose codes are read and ignored

interface Tok {
  word: boolean;
  start: number;
  end: number;
  /** Lower-cased text (words up to 24 characters; longer ones are never codes or keywords). */
  lower: string;
}

const SCHEME_WORDS = new Map<string, Scheme>([
  ['cpt', 'procedure'],
  ['cpt4', 'procedure'],
  ['cpt-4', 'procedure'],
  ['hcpcs', 'procedure'],
  ['icd', 'icd10'],
  ['icd10', 'icd10'],
  ['icd-10', 'icd10'],
  ['icd-10-cm', 'icd10'],
  ['icd10-cm', 'icd10'],
  ['icd10cm', 'icd10'],
  ['icd9', 'none'],
  ['icd-9', 'none'],
  ['icd-9-cm', 'none'],
  ['icd9-cm', 'none'],
  ['icd9cm', 'none'],
]);
const CODE_WORDS = new Set(['code', 'codes', 'code(s)']);
/** `diagnosis code M34.0` names an ICD-10 code. */
const DX_WORDS = new Set(['diagnosis', 'diagnoses', 'diagnostic', 'dx', '10', '10-cm']);
/** `ZIP code 06103`, `access code 15773`: not billing codes. */
const NOT_BILLING = new Set([
  'zip', 'postal', 'post', 'area', 'country', 'access', 'door', 'gate', 'alarm', 'security', 'pass',
  'promo', 'discount', 'bar', 'qr', 'source', 'dress', 'color', 'colour', 'morse', 'genetic', 'entry',
]);
/** `code status`, `code blue`: hospital vocabulary, not billing codes. */
const NOT_BILLING_AFTER = new Set(['status', 'blue', 'red', 'pink', 'white', 'team', 'cart', 'word']);
/** Words that may sit between the code word and the code: `CPT code is 27759`. */
const FILLERS = new Set(['is', 'are', 'was', 'were', 'number', 'numbers', '10', '10-cm']);
const AND_OR = new Set(['and', 'or', 'plus', 'and/or']);

/** Which scheme a word opens, given its neighbours; undefined when it is not a code word. */
function keyword(lower: string, prev: string, next: string): Scheme | undefined {
  const scheme = SCHEME_WORDS.get(lower);
  if (scheme) return scheme;
  if (!CODE_WORDS.has(lower)) return undefined;
  if (NOT_BILLING.has(prev) || NOT_BILLING_AFTER.has(next)) return undefined;
  const named = SCHEME_WORDS.get(prev);
  if (named) return named; // `CPT code`, `ICD-9 code`
  if (prev === '9' || prev === '9-cm') return 'none';
  return DX_WORDS.has(prev) ? 'icd10' : 'procedure';
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const RING = 32; // tokens kept: the scanner looks at most ~12 tokens ahead and 1 behind

/**
 * Tokens of one line, lexed on demand into a small ring of reused objects: a 10 MB line costs
 * no more memory than a short one. `at(k)` is the k-th token (0-based), valid for k within
 * RING of the furthest token lexed.
 */
class Lexer {
  private readonly ring: Tok[] = [];
  private count = 0;
  private pos: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  at(k: number): Tok | undefined {
    while (this.count <= k && this.lexOne());
    return k < this.count && k >= 0 && k >= this.count - RING ? this.ring[k % RING] : undefined;
  }

  word(k: number): string {
    const t = this.at(k);
    return t && t.word ? t.lower : '';
  }

  private put(word: boolean, s: number, e: number, lower: string): void {
    const slot = this.count % RING;
    const t = this.ring[slot];
    if (t) {
      t.word = word;
      t.start = s;
      t.end = e;
      t.lower = lower;
    } else this.ring[slot] = { word, start: s, end: e, lower };
    this.count++;
  }

  private lexOne(): boolean {
    const { text, end } = this;
    let i = this.pos;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || (!isAlnum(c) && isSpace(c))) i++;
      else break;
    }
    if (i >= end) {
      this.pos = end;
      return false;
    }
    if (!isAlnum(text.charCodeAt(i))) {
      this.put(false, i, i + 1, text[i]);
      this.pos = i + 1;
      return true;
    }
    let j = i + 1;
    for (;;) {
      while (j < end && isAlnum(text.charCodeAt(j))) j++;
      const sep = text.charCodeAt(j);
      // `M34.0`, `ICD-10-CM`, `15773-RT`: `.` and `-` inside a word, not at its end.
      if ((sep === 46 || sep === 45) && j + 1 < end && isAlnum(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    if (j + 2 < end && text.charCodeAt(j) === 40 && (text.charCodeAt(j + 1) | 32) === 115 && text.charCodeAt(j + 2) === 41)
      j += 3; // `code(s)`
    this.put(true, i, j, j - i <= MAX_WORD ? text.slice(i, j).toLowerCase() : '');
    this.pos = j;
    return true;
  }
}

/** Longer words are never codes or code words. */
const MAX_WORD = 24;

/** Quick line filter: could this line name a code word? (Case-insensitive substring test.) */
const CODE_WORD_HINT = /cpt|hcpcs|icd|code/i;

/**
 * Feed it the note's lines in order with `line()`; the mentions collect in `mentions`.
 * `isLabelLine` tells a capitalised `LABEL:` line, which ends a block of listed codes.
 */
export class MentionScanner {
  readonly mentions: CodeMention[] = [];
  private block: Scheme | undefined; // scheme of a label line's block (`CPT CODE:` on a line of its own)
  private list: Scheme | undefined; // inline list carried over a line break (`... CPT` / `15773`)

  constructor(
    private readonly text: string,
    private readonly isLabelLine: (start: number, end: number) => boolean,
  ) {}

  line(index: number, start: number, end: number, isHeading: boolean): void {
    const { text } = this;
    if (skipSpace(text, start, end) === end) {
      this.block = undefined;
      this.list = undefined;
      return;
    }
    if (this.block !== undefined && (isHeading || this.isLabelLine(start, end))) this.block = undefined;
    // Most lines name no code word and are in no scope: no tokens for them.
    if (this.block === undefined && this.list === undefined && !CODE_WORD_HINT.test(text.slice(start, end))) return;
    const lx = new Lexer(text, start, end);
    const label = lineLabel(lx);
    const lineScheme = label?.scheme ?? this.block;
    if (label?.labelOnly) this.block = label.scheme;
    const r = scanLine(text, lx, index, lineScheme, this.list, this.mentions);
    this.list = r.list;
    // `... in 2 weeks, CPT4 CODE(S):` at the end of a line also opens a block.
    if (r.label !== undefined) this.block = r.label;
  }
}

/** Skips a bullet (`-`, `*`, `•`, `1.`, `2)`) at the start of a line. */
function afterBullet(lx: Lexer): number {
  const t = lx.at(0);
  if (!t) return 0;
  if (!t.word && (t.lower === '-' || t.lower === '*' || t.lower === '•')) return 1;
  if (!t.word || !/^[0-9]{1,3}$/.test(t.lower)) return 0;
  const p = lx.at(1);
  return p && !p.word && (p.lower === '.' || p.lower === ')') ? 2 : 0;
}

/**
 * A line that opens with a code word (`CPT code 57307 ...`) or with a short label naming one
 * before a colon (`PROCEDURE CODES:`) is a scope for its whole length; `labelOnly` when the
 * label is all there is on the line (its codes follow on the next lines).
 */
function lineLabel(lx: Lexer): { scheme: Scheme; labelOnly: boolean } | undefined {
  const i = afterBullet(lx);
  if (!lx.at(i)?.word) return undefined;
  let j = i;
  while (lx.at(j)?.word && j - i < 6) j++;
  const colon = lx.at(j)?.lower === ':';
  const words = colon ? j : i + 1;
  let scheme: Scheme | undefined;
  for (let k = i; k < words; k++) {
    const kw = keyword(lx.word(k), k > i ? lx.word(k - 1) : '', lx.word(k + 1));
    if (kw) scheme = kw;
    else if (k === i && !colon) return undefined;
  }
  if (scheme === undefined) return undefined;
  // `CPT code 15773`: the scheme of the first keyword run.
  if (!colon) {
    for (let k = i + 1; lx.at(k)?.word && k < i + 6; k++) {
      const kw = keyword(lx.word(k), lx.word(k - 1), lx.word(k + 1));
      if (!kw) break;
      scheme = kw;
    }
  }
  return { scheme, labelOnly: colon && lx.at(j + 1) === undefined };
}

/** Emits the code(s) of one token if it is one in `scheme`; false when it is not a code. */
function emit(text: string, tok: Tok, scheme: Scheme, lineIndex: number, out: CodeMention[]): boolean {
  if (!tok.word || tok.lower === '') return false; // `lower` is empty past MAX_WORD
  const raw = text.slice(tok.start, tok.end);
  if (scheme === 'none') return isIcd9Like(raw);
  const parts = raw.split('-');
  const found: CodeMention[] = [];
  let offset = tok.start;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const isCode = scheme === 'procedure' ? isProcedureCode(p) : isIcd10(p);
    // `15773-RT` (modifier), `15773-15774` / `M34.0-M34.9` (ranges: both ends are mentions).
    if (isCode) found.push({ code: { value: p, span: { start: offset, end: offset + p.length } }, scheme, lineIndex });
    else if (k === 0 || scheme !== 'procedure' || !isModifier(p)) return false;
    offset += p.length + 1;
  }
  out.push(...found);
  return true;
}

function isIcd9Like(s: string): boolean {
  const c0 = s.charCodeAt(0) | 32;
  if (!(s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57) && c0 !== 118 /* v */ && c0 !== 101 /* e */) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46)) return false;
  }
  return true;
}

/**
 * The state machine over one line's tokens. `list` is the scheme of an inline list (opened by a
 * code word), `scope` that of the line or of an open parenthesis; `expect` is true where a list
 * item starts. Returns the scheme of a list still waiting for a code, carried over the line break,
 * and `label` when the line ends with a code word and a colon.
 */
function scanLine(
  text: string,
  lx: Lexer,
  lineIndex: number,
  lineScheme: Scheme | undefined,
  carried: Scheme | undefined,
  out: CodeMention[],
): { list: Scheme | undefined; label: Scheme | undefined } {
  let list = carried;
  let expect = true;
  let afterKw = carried !== undefined;
  let paren: { scheme: Scheme; depth: number } | undefined;
  let prevWord = '';
  let lastColon = false;
  const bullet = afterBullet(lx);

  for (let k = 0, t = lx.at(0); t; t = lx.at(++k)) {
    lastColon = !t.word && t.lower === ':';
    if (t.word) {
      const next = lx.word(k + 1);
      const kw = keyword(t.lower, prevWord, next);
      prevWord = t.lower;
      if (kw) {
        // `ICD-10 code`: the code word keeps the scheme the first word named.
        if (!(afterKw && list !== undefined && CODE_WORDS.has(t.lower))) list = kw;
        expect = true;
        afterKw = true;
        continue;
      }
      const scheme = list ?? paren?.scheme ?? lineScheme;
      if (scheme === undefined) {
        expect = false;
        continue;
      }
      if (expect) {
        if (afterKw && FILLERS.has(t.lower)) continue;
        if (emit(text, t, scheme, lineIndex, out)) {
          expect = false;
          afterKw = false;
          continue;
        }
        list = undefined; // a list ends at its first item that is not a code
        expect = false;
        afterKw = false;
        continue;
      }
      if (list !== undefined && /^x[0-9]{1,3}$/.test(t.lower)) continue; // `CPT 15774 x2, 15775`
      if (AND_OR.has(t.lower)) {
        expect = true;
        continue;
      }
      list = undefined;
      continue;
    }

    // Punctuation.
    const p = t.lower;
    if (k < bullet) continue;
    if (afterKw && (p === ':' || p === '#' || p === '=' || p === '®' || p === '™')) continue;
    afterKw = false;
    if (p === ',' || p === '/' || p === '&' || p === '+') {
      expect = true;
    } else if (p === ';' || p === '.' || p === ':') {
      list = undefined;
      expect = true;
    } else if (p === '(') {
      const first = lx.word(k + 1);
      const kw = first ? keyword(first, '', lx.word(k + 2)) : undefined;
      if (kw) paren = { scheme: kw, depth: 1 };
      else if (paren) paren.depth++;
      list = undefined;
      expect = true;
    } else if (p === ')') {
      if (paren && --paren.depth === 0) paren = undefined;
      list = undefined;
      expect = false;
    } else {
      list = undefined;
      expect = false;
    }
  }
  // A list still waiting for its first code (or after `,`) continues on the next line.
  return { list: expect ? list : undefined, label: afterKw && lastColon ? list : undefined };
}
