/**
 * Splits text into word, number and punctuation tokens with their offsets, and into
 * sentences, in one linear scan. Matching never crosses a sentence: clinical context
 * (negation, experiencer...) is scoped by sentence, as in NegEx/ConText.
 *
 * Hyphens and apostrophes inside words are separators that produce no token, so
 * "weight-bearing" and "weight bearing" read the same, and "patient's" gives "patient", "s".
 *
 * The scan allocates no string per token: tokens are offsets into the text, and the
 * automaton reads their characters in place. `norm` makes a token's lower-cased text on
 * first read (the context rules quote a few trigger words; nothing reads the rest).
 */

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
}

export interface Tokens {
  /** The text the offsets point into. */
  text: string;
  /**
   * Lower-cased token text (punctuation as written). Beyond a few tokens, each text is made
   * on first read of its index.
   */
  norm: readonly string[];
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Index of the first token of each sentence; a sentence runs to the next one. */
  sentenceStarts: number[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  count: number;
}

/** Character classes of the BMP: word characters (letters and digits) and digits. */
const WORD = 1;
const DIGIT = 2;
const CLASS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 48; c <= 57; c++) table[c] = WORD | DIGIT;
  for (let c = 65; c <= 90; c++) table[c] = WORD;
  for (let c = 97; c <= 122; c++) table[c] = WORD;
  // Latin-1 and Latin Extended letters, without the multiplication and division signs.
  for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) table[c] = WORD;
  return table;
})();

/** Lines a paragraph needs before its lack of any sentence end makes it dictation. */
const DICTATED_LINES = 3;

/**
 * Whether the paragraph from `i` to its blank line (or `to`) is unpunctuated dictation: three
 * lines or more and no sentence-ending mark in any ("the perioral skin is so
 * bound down he cannot close his lips\nthe left upper arm has a firm depressed plaque but he
 * has full range of motion"). Each of its lines is then a sentence of its own, not a line
 * wrapped mid-sentence: hard-wrapped prose ends sentences mid-line somewhere. Read once per
 * paragraph, only when one of its lines might run on, and it stops at the first sentence end.
 */
function isDictated(text: string, i: number, to: number): boolean {
  let lines = 1;
  for (let j = i; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) {
      let k = j + 1;
      while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
      if (k >= to || text.charCodeAt(k) === 10) break;
      lines++;
    } else if ((c === 46 || c === 33 || c === 63) && (j + 1 >= to || isSpaceCode(text.charCodeAt(j + 1)))) return false;
  }
  return lines >= DICTATED_LINES;
}

/** A space or a tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Space, tab, carriage return or line feed. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A comma or a semicolon: marks that join clauses of one sentence. */
function isClauseMark(c: number): boolean {
  return c === 44 /* , */ || c === 59 /* ; */;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters before a line-ending comma from which the line is hard-wrapped prose, not a salutation or a field. */
const WRAPPED_LINE = 60;

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** The normalised text of token `i`: words and numbers lower-cased, punctuation as written. */
export function tokenText(t: Pick<Tokens, 'text' | 'start' | 'end' | 'kind'>, i: number): string {
  const s = t.text.slice(t.start[i], t.end[i]);
  return t.kind[i] === TokenKind.Punct ? s : s.toLowerCase();
}

/** Growable token columns. */
class Columns {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  sentenceOf: Int32Array;
  n = 0;
  sentence = 0;
  /** A sentence break seen since the last token: the next token starts a new sentence. */
  pendingBreak = false;
  sentenceStarts: number[] = [0];

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.sentenceOf = new Int32Array(capacity);
  }

  /** Empties the columns for another text, keeping their storage. */
  reset(): void {
    this.n = 0;
    this.sentence = 0;
    this.pendingBreak = false;
    this.sentenceStarts = [0];
  }

  push(s: number, e: number, k: TokenKind): void {
    const n = this.n;
    if (n === this.start.length) this.grow();
    if (this.pendingBreak) {
      if (n > this.sentenceStarts[this.sentenceStarts.length - 1]) {
        this.sentenceStarts.push(n);
        this.sentence++;
      }
      this.pendingBreak = false;
    }
    this.start[n] = s;
    this.end[n] = e;
    this.kind[n] = k;
    this.sentenceOf[n] = this.sentence;
    this.n = n + 1;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const kind = new Uint8Array(size);
    const sentenceOf = new Int32Array(size);
    start.set(this.start);
    end.set(this.end);
    kind.set(this.kind);
    sentenceOf.set(this.sentenceOf);
    this.start = start;
    this.end = end;
    this.kind = kind;
    this.sentenceOf = sentenceOf;
  }
}

/**
 * Texts up to this long (pattern words at start-up, claim fields) are tokenized into one
 * reused set of columns, then copied out at their exact size: half the allocations.
 */
const SMALL_TEXT = 256;
let scratch: Columns | undefined;

function columnsFor(length: number): Columns {
  if (length > SMALL_TEXT) return new Columns(Math.max(16, (length >> 2) + 16));
  scratch ??= new Columns(SMALL_TEXT); // never grows: a token is at least one character
  scratch.reset();
  return scratch;
}

/** Conjunctions that, after a dash at a line's start, continue the sentence before. */
const DASH_CONJUNCTIONS = new Set(['and', 'but', 'or', 'so', 'yet', 'which', 'with', 'then']);

/**
 * The one-word answers a form writes after its question ("HIV? Yes", "Smoker? No"), lower-cased:
 * the tokenizer keeps them in the question's sentence; the context lexicon reads what they say.
 */
export const YES_ANSWERS = ['yes', 'y', 'positive', 'present', 'confirmed'] as const;
export const NO_ANSWERS = ['no', 'n', 'negative', 'none', 'denied', 'denies', 'absent'] as const;
const ANSWERS: ReadonlySet<string> = new Set([...YES_ANSWERS, ...NO_ANSWERS]);

/** Whether the whole word at `j` in `text` (up to `to`), lower-cased, is one of `words` (all short). */
function wordIn(words: ReadonlySet<string>, text: string, j: number, to: number): boolean {
  let k = j;
  while (k < to && k - j <= 10 && (CLASS[text.charCodeAt(k)] & WORD) !== 0) k++;
  return k > j && (k >= to || (CLASS[text.charCodeAt(k)] & WORD) === 0) && words.has(text.slice(j, k).toLowerCase());
}

/** Tokenizes `text[from, to)`; offsets are absolute. */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const out = columnsFor(to - from);
  let i = from;
  // The paragraph being read: where it starts, and (read only once a line of it might run on)
  // whether it is dictation (see isDictated).
  let paraStart = from;
  let lineStart = from;
  let dictated: boolean | undefined;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (CLASS[c] & WORD) {
      const s = i;
      let allDigits = true;
      while (i < to) {
        const d = text.charCodeAt(i);
        const cls = CLASS[d];
        if (cls & WORD) {
          if (!(cls & DIGIT)) allDigits = false;
          i++;
        } else if (d === 46 /* . */ && allDigits && i + 1 < to && isDigit(text.charCodeAt(i + 1))) {
          i++; // decimal point: 2.5 is one number
        } else break;
      }
      out.push(s, i, allDigits ? TokenKind.Number : TokenKind.Word);
      continue;
    }
    if (c === 10 || c === 13) {
      // A line break ends a sentence unless the line runs on (no end punctuation, next line
      // starts in lower case, or with a number after a word: "injected with triamcinolone\n40
      // mg/ml four times"), as hard-wrapped prose does.
      // "\r\n" is one line break, not a blank line.
      let j = c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      let blank = false;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) blank = true;
        else if (d !== 32 && d !== 9) break;
        j++;
      }
      const next = j < to ? text.charCodeAt(j) : 0;
      const n = out.n;
      // A bracket opening on a lower-case word goes on too: "couldn't tolerate baclofen tablets
      // herself\n(too drowsy) and is reluctant for him to start them".
      const afterParen = next === 40 && j + 1 < to ? text.charCodeAt(j + 1) : 0;
      const lower = (next >= 97 && next <= 122) || (afterParen >= 97 && afterParen <= 122);
      const numberAfterWord = isDigit(next) && n > 0 && out.kind[n - 1] === TokenKind.Word;
      // A comma or semicolon at a line's end is mid-sentence: "worse when shirt rubs;\nno better
      // despite 5 series of triamcinolone" is one sentence; other punctuation ends the line's.
      const before = n > 0 ? out.kind[n - 1] : undefined;
      const midSentence = before === TokenKind.Punct && lower && isClauseMark(text.charCodeAt(out.start[n - 1]));
      // In dictation an indented line is still its item's continuation ("[x] ... describe: upper
      // denture no longer stays seated;\n    pt bites the inside of both cheeks").
      const indented = !blank && j > i + 1 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9);
      // A dash and a conjunction starting the line go on with it too: "enough to make him
      // wince\n- and it has not settled with 4 rounds of triamcinolone".
      const lowerAfterDash = text.charCodeAt(j + 1) === 32 && text.charCodeAt(j + 2) >= 97 && text.charCodeAt(j + 2) <= 122;
      const dashOn = !blank && next === 45 && before === TokenKind.Word && lowerAfterDash && wordIn(DASH_CONJUNCTIONS, text, j + 2, to);
      // A long line broken after a comma is hard-wrapped prose, whatever the next word's case: "...
      // resected en bloc with the vagus nerve (skull base team,\nJune 2025)". A short one is a
      // salutation or a field ("Dear Dr Haddad,\nThank you for ...").
      const commaAtEnd = before === TokenKind.Punct && text.charCodeAt(out.start[n - 1]) === 44;
      const commaWrap = !blank && commaAtEnd && isUpper(next) && out.start[n - 1] - lineStart >= WRAPPED_LINE;
      const wraps = dashOn || commaWrap || (!blank && (lower || numberAfterWord) && n > 0 && (before !== TokenKind.Punct || midSentence));
      if (wraps && dictated === undefined) dictated = isDictated(text, paraStart, to);
      const runsOn = wraps && (!dictated || indented);
      if (!runsOn) out.pendingBreak = true;
      lineStart = j;
      if (blank) {
        paraStart = j;
        dictated = undefined;
      }
      i = j;
      continue;
    }
    if (c === 32 || c === 9 || c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 || c === 0x2010 || c === 0x2011) {
      // Hyphen between a number and a number is a range ("60-70%"): keep it as punctuation.
      const n = out.n;
      if (
        c === 45 &&
        n > 0 &&
        out.kind[n - 1] === TokenKind.Number &&
        out.end[n - 1] === i &&
        i + 1 < to &&
        isDigit(text.charCodeAt(i + 1))
      ) {
        out.push(i, i + 1, TokenKind.Punct);
      } else if (c === 45 && i > from && i + 1 < to && isBlank(text.charCodeAt(i - 1)) && isBlank(text.charCodeAt(i + 1))) {
        // A dash standing between spaces parts two clauses, as a dash mark does: "causes her no
        // trouble at all - she'd just like it smoothed out".
        out.push(i, i + 1, TokenKind.Punct);
      }
      i++;
      continue;
    }
    if (c === 46 || c === 33 || c === 63) {
      // . ! ? end a sentence when followed by space/end (not "e.g" inside a word, not "2.5").
      out.push(i, i + 1, TokenKind.Punct);
      // A closing quote or bracket after the mark still ends it: 'she was told it was "normal." She'.
      const closes = i + 1 < to && CLOSERS.has(text.charCodeAt(i + 1));
      const d = i + 1 + (closes ? 1 : 0) < to ? text.charCodeAt(i + 1 + (closes ? 1 : 0)) : 32;
      if (d === 32 || d === 10 || d === 13 || d === 9) {
        let j = i + 1 + (closes ? 1 : 0);
        while (j < to && text.charCodeAt(j) === 32) j++;
        const next = j < to ? text.charCodeAt(j) : 0;
        // "Dr. Smith", "vs. placebo": a lower-case continuation is not a new sentence. Nor is
        // what follows an ellipsis on the same line: "VAS 9 before the injection ... VAS 3 at 3 h".
        const ellipsis = c === 46 && i >= 2 && text.charCodeAt(i - 1) === 46 && text.charCodeAt(i - 2) === 46;
        const lineGoesOn = next !== 0 && next !== 10 && next !== 13;
        // Nor is a form's answer after its question: "HIV? Yes" is one statement, the answer.
        const answered = c === 63 && lineGoesOn && wordIn(ANSWERS, text, j, to);
        if ((ellipsis || answered || (c === 46 && titleBefore(text, out, out.n))) && lineGoesOn) {
          /* the sentence goes on */
        } else if (!(next >= 97 && next <= 122) || isUpper(next) || next === 0) out.pendingBreak = true;
      }
      i++;
      continue;
    }
    const sign = c === 40 /* ( */ && i + 2 < to ? text.charCodeAt(i + 1) : 0;
    if ((sign === 45 /* - */ || sign === 43) /* + */ && text.charCodeAt(i + 2) === 41 /* ) */) {
      // "(-)" and "(+)", a templated review of systems' signs: "(-) fever, headache" is one
      // token, so the minus is not lost as a hyphen and a negation can be written for it.
      out.push(i, i + 3, TokenKind.Punct);
      i += 3;
      continue;
    }
    if (c < 32 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === 95 /* _ */) {
      // A run of underscores is one blank a form leaves to fill ("RPR, HIV, ________ serologies"):
      // one token, so a blank does not push the words around it apart.
      let j = i + 1;
      while (j < to && text.charCodeAt(j) === 95) j++;
      out.push(i, j, TokenKind.Punct);
      i = j;
      continue;
    }
    // Surrogate pairs and other symbols: one punctuation token each.
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    out.push(i, i + w, TokenKind.Punct);
    i += w;
  }
  const n = out.n;
  const copy = out === scratch;
  const tokens: Tokens = {
    text,
    norm: [],
    start: copy ? out.start.slice(0, n) : out.start.subarray(0, n),
    end: copy ? out.end.slice(0, n) : out.end.subarray(0, n),
    kind: copy ? out.kind.slice(0, n) : out.kind.subarray(0, n),
    sentenceStarts: out.sentenceStarts,
    sentenceOf: copy ? out.sentenceOf.slice(0, n) : out.sentenceOf.subarray(0, n),
    count: n,
  };
  tokens.norm = n <= EAGER_TEXTS ? eagerTexts(tokens) : lazyTexts(tokens);
  return tokens;
}

/** Up to this many tokens (a pattern, a claim field), the token texts are made at once. */
const EAGER_TEXTS = 32;

function eagerTexts(t: Tokens): string[] {
  const texts = new Array<string>(t.count);
  for (let i = 0; i < t.count; i++) texts[i] = tokenText(t, i);
  return texts;
}

/**
 * The token texts as a read-only array whose elements are made when first read: an analysis
 * quotes a handful of tokens, and a megabyte note has two hundred thousand.
 */
function lazyTexts(t: Pick<Tokens, 'text' | 'start' | 'end' | 'kind' | 'count'>): readonly string[] {
  const made = new Map<number, string>();
  const at = (i: number): string => {
    let s = made.get(i);
    if (s === undefined) made.set(i, (s = tokenText(t, i)));
    return s;
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const c = key.charCodeAt(0);
    const i = c >= 48 && c <= 57 && key.length < 11 ? Number(key) : NaN;
    return Number.isInteger(i) && i < t.count ? i : -1;
  };
  return new Proxy<string[]>([], {
    get(target, key, receiver) {
      if (key === 'length') return t.count;
      const i = index(key);
      return i >= 0 ? at(i) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return index(key) >= 0 || Reflect.has(target, key);
    },
  });
}

/** Token index range [first, last) of sentence `s`. */
export function sentenceBounds(t: Tokens, s: number): [number, number] {
  const first = t.sentenceStarts[s] ?? t.count;
  const last = s + 1 < t.sentenceStarts.length ? t.sentenceStarts[s + 1] : t.count;
  return [first, last];
}

/**
 * A title's period ("Dr. XYZ's office", "Mr. Jones") does not end the sentence, whatever
 * follows it on the line: the period must touch the word before it.
 */
/** Closing quotes and brackets that may follow a sentence's last mark: " ' ) ] ” ’. */
const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x201d, 0x2019]);

const TITLES = new Set(['dr', 'drs', 'mr', 'mrs', 'ms', 'prof', 'st']);

function titleBefore(text: string, out: Columns, n: number): boolean {
  // n counts the period itself, just pushed: the word is the token before it.
  const w = n - 2;
  if (w < 0 || out.kind[w] !== TokenKind.Word || out.end[w] !== out.start[n - 1]) return false;
  const len = out.end[w] - out.start[w];
  return len <= 4 && TITLES.has(text.slice(out.start[w], out.end[w]).toLowerCase());
}
