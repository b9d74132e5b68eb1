/**
 * Splits text into word, number and punctuation tokens with their offsets, and into
 * sentences, in one linear scan. Matching never crosses a sentence: clinical context
 * (negation, experiencer...) is scoped by sentence, as in NegEx/ConText.
 *
 * Hyphens and apostrophes inside words are separators that produce no token, so
 * "weight-bearing" and "weight bearing" read the same, and "patient's" gives "patient", "s".
 */

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
}

export interface Tokens {
  /** Lower-cased token text. */
  norm: string[];
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Index of the first token of each sentence; a sentence runs to the next one. */
  sentenceStarts: number[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  count: number;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) // Latin-1/Extended letters
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Tokenizes `text[from, to)`; offsets are absolute. */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const cap = Math.max(16, ((to - from) >> 2) + 16);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let sentenceOf = new Int32Array(cap);
  const norm: string[] = [];
  const sentenceStarts: number[] = [0];
  let n = 0;
  let sentence = 0;
  let pendingBreak = false;

  const push = (s: number, e: number, k: TokenKind, t: string) => {
    if (n === start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
        const b = new C(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start, Int32Array);
      end = grow(end, Int32Array);
      kind = grow(kind, Uint8Array);
      sentenceOf = grow(sentenceOf, Int32Array);
    }
    if (pendingBreak && n > sentenceStarts[sentenceStarts.length - 1]) {
      sentenceStarts.push(n);
      sentence++;
    }
    pendingBreak = false;
    start[n] = s;
    end[n] = e;
    kind[n] = k;
    sentenceOf[n] = sentence;
    norm.push(t);
    n++;
  };

  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const s = i;
      let allDigits = true;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) {
          if (!isDigit(d)) allDigits = false;
          i++;
        } else if (d === 46 /* . */ && allDigits && i + 1 < to && isDigit(text.charCodeAt(i + 1))) {
          i++; // decimal point: 2.5 is one number
        } else break;
      }
      push(s, i, allDigits ? TokenKind.Number : TokenKind.Word, text.slice(s, i).toLowerCase());
      continue;
    }
    if (c === 10 || c === 13) {
      // A line break ends a sentence unless the line runs on (no end punctuation, next line
      // starts in lower case), as hard-wrapped prose does.
      let j = i + 1;
      let blank = false;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) blank = true;
        else if (d !== 32 && d !== 9) break;
        j++;
      }
      const next = j < to ? text.charCodeAt(j) : 0;
      const runsOn = !blank && next >= 97 && next <= 122 && n > 0 && kind[n - 1] !== TokenKind.Punct;
      if (!runsOn) pendingBreak = true;
      i = j;
      continue;
    }
    if (c === 32 || c === 9 || c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 || c === 0x2010 || c === 0x2011) {
      // Hyphen between a number and a number is a range ("60-70%"): keep it as punctuation.
      if (c === 45 && n > 0 && kind[n - 1] === TokenKind.Number && end[n - 1] === i && i + 1 < to && isDigit(text.charCodeAt(i + 1))) {
        push(i, i + 1, TokenKind.Punct, '-');
      }
      i++;
      continue;
    }
    if (c === 46 || c === 33 || c === 63) {
      // . ! ? end a sentence when followed by space/end (not "e.g" inside a word, not "2.5").
      push(i, i + 1, TokenKind.Punct, text[i]);
      const d = i + 1 < to ? text.charCodeAt(i + 1) : 32;
      if (d === 32 || d === 10 || d === 13 || d === 9) {
        let j = i + 1;
        while (j < to && text.charCodeAt(j) === 32) j++;
        const next = j < to ? text.charCodeAt(j) : 0;
        // "Dr. Smith", "vs. placebo": a lower-case continuation is not a new sentence.
        if (!(next >= 97 && next <= 122) || isUpper(next) || next === 0) pendingBreak = true;
      }
      i++;
      continue;
    }
    if (c < 32 || c === 0xfeff) {
      i++;
      continue;
    }
    // Surrogate pairs and other symbols: one punctuation token each.
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    push(i, i + w, TokenKind.Punct, text.slice(i, i + w));
    i += w;
  }
  return {
    norm,
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    kind: kind.subarray(0, n),
    sentenceStarts,
    sentenceOf: sentenceOf.subarray(0, n),
    count: n,
  };
}

/** Token index range [first, last) of sentence `s`. */
export function sentenceBounds(t: Tokens, s: number): [number, number] {
  const first = t.sentenceStarts[s] ?? t.count;
  const last = s + 1 < t.sentenceStarts.length ? t.sentenceStarts[s + 1] : t.count;
  return [first, last];
}
