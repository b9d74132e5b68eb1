/** Small text helpers shared by the claim and note parsers (linear, never throw). */
import type { ParseProblem } from './model';
import type { Span } from '../types';

/**
 * Limits that keep a hostile document (a 10 MB paste of codes or junk lines) from exhausting
 * memory: past one, the parser stops collecting and reports it once. Real claims and notes are
 * far below them.
 */
export const LIMITS = {
  /** Problems reported per document. */
  problems: 10_000,
  /** `line <n>:` entries read from a claim. */
  claimLines: 10_000,
  /** Code mentions read from a note. */
  mentions: 10_000,
} as const;

/**
 * Calls `fn(index, start, end)` for each line from offset `from` (line number `firstIndex`);
 * `start..end` is the content without the line break. LF, CRLF and lone CR all end a line, as
 * in LineIndex, so line numbers agree everywhere. Allocates nothing per line (a 10 MB file of
 * line breaks is ten million lines). `fn` returns `false` to stop.
 */
export function forEachLine(
  text: string,
  fn: (index: number, start: number, end: number) => boolean | void,
  from = 0,
  firstIndex = 0,
): void {
  // Breaks are found with indexOf (native) rather than a charCodeAt loop: notes are megabytes.
  let start = from;
  let index = firstIndex;
  const n = text.length;
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  while (lf !== -1 || cr !== -1) {
    const i = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (fn(index++, start, i) === false) return;
    start = i === cr && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
  }
  fn(index, start, n);
}

/** Offset where content starts: 1 when the text begins with a byte order mark. */
export function contentStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Horizontal white space (not line breaks). NBSP counts: it is common in pasted notes. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

export function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last non-space character of `start..end`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/**
 * Quotes a value or a piece of evidence for a message, shortened to `max` characters (the
 * ellipsis included) so a 1 MB token does not make a 1 MB message. The one quote of the engine.
 */
export function quote(s: string, max = 40): string {
  const shown = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  // Control characters (NUL...) would be invisible or break a terminal: show them escaped.
  let out = '';
  for (let i = 0; i < shown.length; i++) {
    const c = shown.charCodeAt(i);
    out += c < 32 || c === 127 ? `\\u${c.toString(16).padStart(4, '0')}` : shown[i];
  }
  return `"${out}"`;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/**
 * Levenshtein distance: ClinLint's one edit distance ("did you mean" hints, payer suggestions,
 * misspelt criterion ids). Bounded: strings over 64 characters count as their length apart.
 */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Candidates ordered by edit distance to `word`, ignoring case; ties keep their order. */
export function bySimilarity(word: string, candidates: readonly string[]): string[] {
  const w = word.toLowerCase();
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(w, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.c);
}

/** The closest candidate within distance 2, if any. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/**
 * First index of the character `ch` in `from..to`, else `to`. Bounded, unlike String#indexOf,
 * which would run on to the end of a 10 MB document from every line (quadratic).
 */
export function indexIn(text: string, ch: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return i;
  return to;
}

/**
 * End of the token at `i`: the next space, `stopA` or `stopB` (character codes), or `end`.
 * Hot loops live here rather than in callers: under a CommonJS transform (tsx in tests) every
 * call to an imported function pays a getter, which dominated a 10 MB single-line input.
 */
export function tokenEnd(text: string, i: number, end: number, stopA = -1, stopB = -1): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === stopA || c === stopB) break;
    i++;
  }
  return i;
}

/** A parser bug must cost a diagnostic, never the server: the problem that reports one. */
export function internalError(what: string, e: unknown): ParseProblem {
  return {
    rule: 'internal-error',
    span: span(0, 0),
    message: `internal error while reading the ${what} (${e instanceof Error ? e.message : String(e)})`,
  };
}
