/**
 * Reads pain relief as a number from one sentence: stated percentages ("62% relief",
 * "60-70%" reads as its lower bound, "greater than 50 percent", "more than half", "seventy
 * percent") or computed from two pain scores ("from 8/10 to 3/10", "VAS 8 ... VAS 3",
 * "VAS 8 before the trial and 4 after", "NRS of 8 to 3", "reduced to 3/10 from 8/10", "from nine
 * out of ten to three out of ten"). The trial's route is not read here: routes are lexical
 * classes (`route-<name>`), which scope the trial to the pump of its route (SPEC 4.1).
 * Every expression runs on one sentence with bounded patterns (no nested quantifiers), so the
 * cost is linear in the sentence.
 */

export interface Relief {
  /** Percent reduction in pain. */
  percent: number;
  /** True when the text says "more than" the number ("greater than 50%"): then 50 passes `> 50`. */
  exclusive: boolean;
  /** The words the number was read from, and where (offsets in the sentence text). */
  quote: string;
  start: number;
  end: number;
  how: 'stated' | 'scores';
  /** For `scores`: the two scores and the scale they were read on (10, or 100 for a VAS in mm). */
  scores?: { before: number; after: number; scale: 10 | 100 };
}

const NUM = String.raw`(\d{1,3}(?:\.\d{1,2})?)`;
const MORE = String.raw`(more than|greater than|over|above|in excess of|>|better than|exceeding)\s*`;
const LESS = String.raw`(less than|under|below|<|up to|at most|nearly|almost)\s*`;
const PCT = String.raw`\s*(?:%|percent\b|per cent\b|pct\b)`;

const RANGE_RE = new RegExp(String.raw`(?:${MORE})?${NUM}\s*(?:%\s*)?(?:-|–|to)\s*${NUM}${PCT}`, 'gi');
const PCT_RE = new RegExp(String.raw`(?:${MORE}|${LESS})?${NUM}${PCT}`, 'gi');

const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const WORD_PCT_RE = new RegExp(
  String.raw`\b(?:${MORE})?(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one hundred|a hundred)(?:[ -](one|two|three|four|five|six|seven|eight|nine))?${PCT}`,
  'gi',
);
const WORD_FRACTIONS: [RegExp, number][] = [
  [/\b(more than|greater than|over|better than)\s+(one )?half\b/gi, 50],
  [/\b(two|2)[ -]thirds\b/gi, 66.7],
  [/\b(three|3)[ -]quarters\b/gi, 75],
  [/\b(one|a)[ -]half\b|\bhalf\b/gi, 50],
  [/\b(one|a)[ -]third\b/gi, 33.3],
];

/** A pain scale named before a score: "VAS 8", "NRS of 8", "pain score was 8/10", "pain 8/10". */
const SCALE = String.raw`\b(?:vas|nrs|vrs|numeric rating scale|visual analog(?:ue)? scale|pain(?: score| level| rating| scale| intensity)?|score)(?:\s+(?:of|was|is|at|score|rating))?\s*:?\s*`;
/** A score: a number, optionally out of 10 ("3/10"), not a date ("3/10/2024"), not a dose. */
const SCORE = String.raw`(?:an?\s+)?${NUM}(?:\s*/\s*(10|100)(?![\d/]))?(?:\s*mm\b)?(?!\s*(?:mg|mcg|ug|µg|ml|cc|kg|g\b|hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|%|percent|[/\d]|\.\d))`;
/** Words between two scores: no sentence end, but an ellipsis is a clinician's "then" ("VAS 9 ... VAS 2"). */
const GAP = String.raw`(?:[^.;%]|\.\.\.){0,80}?`;
/** "to" and its arrows: an arrow is not a word, so no `\b` before it ("9/10 -> 4/10", "VAS 9 → 2"). */
const TO = String.raw`(?:\b(?:to|down to|decreased to|reduced to|improved to|dropped to|fell to|went to)\s+|(?:-+>|→|=>|⇒)\s*)`;
/** Words saying a score was taken before the trial, and after it ("NRS 7 pre / 3 post"). */
const PRE = String.raw`(?:pre|pre-?trial|pre-?injection|pre-?procedure|before(?:\s+the\s+(?:trial|injection|infusion|bolus|dose|procedure))?|at baseline|baseline)`;
// ... or the hour or day it was taken at: "VAS 80 mm at baseline and 20 mm at 6 hrs", "30 mm on day 3"
const POST = String.raw`(?:post|post-?trial|post-?injection|post-?procedure|after|afterwards|afterward|following|at\s+\d{1,2}(?:\.\d)?\s*(?:h|hrs?|hours?|mins?|minutes?)|(?:on|at|by)\s+day\s+\d{1,2})`;
/** A sentence giving the score before treatment on its own ("Baseline pain nine out of ten."). */
const BASELINE_RE =
  /\b(?:baseline|pre-?trial|pre-?injection|pre-?procedure|pre-?bolus|before the (?:trial|injection|bolus|infusion)|prior to the (?:trial|injection|bolus|infusion)|initially|initial pain)\b/i;

/** Whether a sentence names the pre-treatment score: the first half of a result split over two sentences. */
export function namesBaseline(sentence: string): boolean {
  return BASELINE_RE.test(sentence);
}

/** Two pain scores in order, first match wins; `reversed` when the later score comes first. */
const SCORE_PAIRS: { re: RegExp; reversed?: boolean; keyword?: boolean }[] = [
  // from 8/10 to 3/10, from a 10 to a 4
  { re: new RegExp(String.raw`\bfrom\s+${SCORE}\s*${TO}${SCORE}`, 'i') },
  // reduced to 3/10 from 8/10
  { re: new RegExp(String.raw`\bto\s+${SCORE}\s+from\s+${SCORE}`, 'i'), reversed: true },
  // VAS 8 ... to 3 / VAS 8 ... VAS 3
  { re: new RegExp(String.raw`${SCALE}${SCORE}${GAP}(?:${TO}|${SCALE})${SCORE}`, 'i'), keyword: true },
  // VAS 8 before the trial and 4 after
  {
    re: new RegExp(String.raw`${SCALE}${SCORE}${GAP}\b(?:and|then|,)\s*${SCORE}\s+(?:after|afterwards|post|following)\b`, 'i'),
    keyword: true,
  },
  { re: new RegExp(String.raw`${SCALE}${SCORE}\s*${PRE}\b\s*(?:/|,|;|and|then|vs\.?|versus)?\s*${SCORE}\s*${POST}\b`, 'i'), keyword: true },
  // the label before each score: "VAS pre 80 mm, post 20 mm", "NRS baseline 8, after 2"
  { re: new RegExp(String.raw`${SCALE}${PRE}\b\s*:?\s*${SCORE}\s*(?:/|,|;|and|then)?\s*${POST}\b\s*:?\s*${SCORE}`, 'i'), keyword: true },
];
const SLASH10_RE = new RegExp(String.raw`${NUM}\s*/\s*10(?![\d/])`, 'g');

const RELIEF_WORDS = /relie|reduc|decreas|improv|less pain|drop|better|respon|success|\bcut\b|\bfell\b|halved|eased|\bgone\b|went away|took away|taken away|resolv|(?:came|come|went|gone|going) down|\bdown by\b/i;
/** A sentence about pain: pain words, a scale, or an analgesic's trial ("IT morphine trial: 70% reduction"). */
const ABOUT_PAIN =
  /pain|relie|analges|\bvas\b|\bnrs\b|\baches?\b|comfort|\b(?:morphine|hydromorphone|fentanyl|sufentanil|ziconotide|prialt|opioids?|bupivacaine|clonidine)\b/i;

export function readRelief(sentence: string): Relief | undefined {
  // Runs of white space are read as one space: the expressions put `\s*` next to `\s*` (a pain
  // scale, then an optional colon), which backtracks quadratically over a long run; a note with
  // "pain 8/10, relief of pain" and 40,000 spaces took 19 s. Scores written in words are read as
  // digits. Offsets are mapped back to the sentence.
  const squeezed = squeezeSpace(sentence);
  const spoken = wordScores(squeezed?.text ?? sentence);
  if (!squeezed && !spoken) return readSqueezed(sentence);
  const r = readSqueezed(spoken?.text ?? squeezed!.text);
  if (r) {
    const back = (i: number) => {
      const j = spoken ? spoken.map[i] : i;
      return squeezed ? squeezed.map[j] : j;
    };
    r.start = back(r.start);
    r.end = back(r.end);
  }
  return r;
}

const SMALL: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const SMALL_WORD = String.raw`(zero|one|two|three|four|five|six|seven|eight|nine|ten)`;
/**
 * A pain score written in words: "nine out of ten" (or "9 out of 10"), and a word number after
 * "from" or "to" ("from a nine down to a four"). Other number words are left alone ("seventy
 * five percent", "one of the", "two-thirds").
 */
const WORD_SCORE_RE = new RegExp(
  String.raw`\b(?:${SMALL_WORD}|(\d{1,2}))\s+out\s+of\s+(?:ten|10)\b|\b((?:from|to)\s+(?:an?\s+)?)${SMALL_WORD}\b(?![ -](?:thirds?|quarters?|half|percent|per cent)|\s+out\s+of\b)`,
  'gi',
);

/** The sentence with its word scores written as digits ("9/10"), and the offset map back; undefined when there are none. */
function wordScores(s: string): { text: string; map: Int32Array } | undefined {
  WORD_SCORE_RE.lastIndex = 0;
  let m = WORD_SCORE_RE.exec(s);
  if (!m) return undefined;
  const parts: string[] = [];
  const map: number[] = [];
  let from = 0;
  const copy = (to: number) => {
    for (let i = from; i < to; i++) map.push(i);
    parts.push(s.slice(from, to));
  };
  for (; m; m = WORD_SCORE_RE.exec(s)) {
    copy(m.index);
    const replacement = m[4] !== undefined ? `${m[3]}${SMALL[m[4].toLowerCase()]}` : `${m[1] ? SMALL[m[1].toLowerCase()] : m[2]}/10`;
    // Every character of the replacement maps to the start of the words it stands for.
    for (let i = 0; i < replacement.length; i++) map.push(m.index + Math.min(i, m[0].length - 1));
    parts.push(replacement);
    from = m.index + m[0].length;
  }
  copy(s.length);
  map.push(s.length);
  return { text: parts.join(''), map: Int32Array.from(map) };
}

/** JavaScript's `\s`: what the expressions treat as space. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The text with every run of two or more white-space characters replaced by one space, and
 * `map[i]`: the offset in `s` of squeezed offset `i` (`map[length]` is `s.length`). Undefined
 * when there is no such run (the common case: nothing to copy).
 */
function squeezeSpace(s: string): { text: string; map: Int32Array } | undefined {
  let runs = false;
  for (let i = 1; i < s.length && !runs; i++) runs = isSpaceCode(s.charCodeAt(i)) && isSpaceCode(s.charCodeAt(i - 1));
  if (!runs) return undefined;
  const parts: string[] = [];
  const map = new Int32Array(s.length + 1);
  let n = 0;
  let from = 0;
  for (let i = 0; i < s.length;) {
    if (isSpaceCode(s.charCodeAt(i)) && i + 1 < s.length && isSpaceCode(s.charCodeAt(i + 1))) {
      parts.push(s.slice(from, i), ' ');
      map[n++] = i;
      let j = i + 2;
      while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
      i = from = j;
      continue;
    }
    map[n++] = i++;
  }
  parts.push(s.slice(from));
  map[n] = s.length;
  return { text: parts.join(''), map: map.subarray(0, n + 1) };
}

function readSqueezed(sentence: string): Relief | undefined {
  const found: Relief[] = [];
  const push = (percent: number, exclusive: boolean, quote: string, start: number, how: Relief['how'], scores?: Relief['scores']) => {
    if (!(percent >= 0 && percent <= 100)) return;
    found.push({ percent, exclusive, quote: quote.trim(), start, end: start + quote.length, how, ...(scores ? { scores } : {}) });
  };
  // A stated percentage counts only in a sentence about relief of pain ("70% improvement in her
  // urgency" is not); scores speak for themselves.
  const aboutRelief = RELIEF_WORDS.test(sentence) && ABOUT_PAIN.test(sentence);
  if (aboutRelief) {
    for (const m of sentence.matchAll(RANGE_RE)) push(Number(m[2]), Boolean(m[1]), m[0], m.index, 'stated');
    for (const m of sentence.matchAll(PCT_RE)) {
      if (found.some((f) => f.start <= m.index && m.index < f.end)) continue;
      const more = Boolean(m[1]);
      const less = Boolean(m[2]);
      // "less than 60%" says nothing above 60: read it as just under.
      push(less ? Number(m[3]) - 0.01 : Number(m[3]), more, m[0], m.index, 'stated');
    }
    for (const m of sentence.matchAll(WORD_PCT_RE)) {
      const tens = /hundred/i.test(m[2]) ? 100 : TENS[m[2].toLowerCase()];
      push(tens + (m[3] ? UNITS[m[3].toLowerCase()] : 0), Boolean(m[1]), m[0], m.index, 'stated');
    }
    if (found.length === 0) {
      for (const [re, value] of WORD_FRACTIONS) {
        re.lastIndex = 0;
        const m = re.exec(sentence);
        if (m) {
          push(value, /more|greater|over|better/i.test(m[0]), m[0], m.index, 'stated');
          break;
        }
      }
    }
  }
  if (found.length === 0) {
    const pair = scorePair(sentence);
    if (pair) push(pair.percent, false, pair.quote, pair.start, 'scores', pair.scores);
  }
  if (found.length === 0) {
    const split = acrossSemicolon(sentence);
    if (split) found.push(split);
  }
  if (found.length === 0) return undefined;
  // The best-supported reading: the largest relief the sentence states.
  return found.reduce((a, b) => (score(b) > score(a) ? b : a));
}

const SCALE_SCORE_RE = new RegExp(String.raw`${SCALE}${SCORE}`, 'i');
const ONE_SLASH10_RE = new RegExp(SLASH10_RE.source, 'i');

/** A sentence's first pain score ("NRS 8", "8/10"), not another measure's. */
function firstScore(sentence: string): RegExpExecArray | undefined {
  const m = SCALE_SCORE_RE.exec(sentence) ?? ONE_SLASH10_RE.exec(sentence);
  return m && !otherMeasure(sentence, m) ? m : undefined;
}

/**
 * The baseline sentence's score carried onto a result read from the next sentence alone:
 * "Baseline NRS 8/10. At 4 h NRS 3/10, at 8 h NRS 3/10." reads 3 to 3 in the second sentence,
 * and 8 to 3 across both. The reading's `start` is in `baseline`; its `end` is the result's.
 */
export function fromBaseline(baseline: string, result: Relief): Relief | undefined {
  if (!result.scores) return undefined;
  const m = firstScore(baseline);
  if (!m) return undefined;
  const before = Number(m[1]);
  const { after, scale } = result.scores;
  if (!(before > 0 && before <= scale && after <= before && before > result.scores.before)) return undefined;
  const percent = round(((before - after) / before) * 100);
  const quote = `${m[0].trim()} … ${result.quote}`;
  return { percent, exclusive: false, quote, start: m.index, end: result.end, how: 'scores', scores: { before, after, scale } };
}

/**
 * A baseline sentence and a result sentence of one score each: "Baseline NRS 8 pre. NRS 2 post
 * at 4 h, sustained at 2-3 through 18 h." is 8 to 2. The reading's `start` is in `baseline`,
 * its `end` in `result` (each the caller's to place).
 */
export function acrossBaseline(baseline: string, result: string): { relief: Relief; resultEnd: number } | undefined {
  const b = firstScore(baseline);
  const a = firstScore(result);
  if (!b || !a) return undefined;
  const before = Number(b[1]);
  const after = Number(a[1]);
  const scale: 10 | 100 = before > 10 ? 100 : 10;
  if (!(before > 0 && before <= scale && after >= 0 && after <= before)) return undefined;
  const percent = round(((before - after) / before) * 100);
  const quote = `${b[0].trim()} … ${a[0].trim()}`;
  const relief: Relief = { percent, exclusive: false, quote, start: b.index, end: 0, how: 'scores', scores: { before, after, scale } };
  return { relief, resultEnd: a.index + a[0].length };
}

/**
 * A baseline and a result in two clauses of one sentence, as across two sentences: "Baseline
 * VAS 9; at 8 h VAS 2", "NRS 8 pre-injection; NRS 2 at 6 hours post-injection". A score pair
 * never spans a semicolon otherwise (two measures may stand either side of one).
 */
function acrossSemicolon(sentence: string): Relief | undefined {
  // Clause by clause (each read once: a sentence of 100,000 semicolons stays linear).
  let clause = 0;
  for (let i = sentence.indexOf(';'); i >= 0; i = sentence.indexOf(';', i + 1)) {
    const start = clause;
    clause = i + 1;
    const left = sentence.slice(start, i);
    if (!namesBaseline(left)) continue;
    const next = sentence.indexOf(';', i + 1);
    const across = acrossBaseline(left, sentence.slice(i + 1, next < 0 ? sentence.length : next));
    if (across) return { ...across.relief, start: start + across.relief.start, end: i + 1 + across.resultEnd };
  }
  return undefined;
}

/** Does the relief meet "more than `threshold` percent"? "greater than 50%" does. */
export function exceeds(r: Relief, threshold: number): boolean {
  return r.percent > threshold || (r.exclusive && r.percent >= threshold);
}

/** Scales that are not pain: their scores are never pain relief ("Ashworth fell from 4 to 1"). */
const NOT_PAIN =
  /\b(?:ashworth|mas|tardieu|penn|spasm|spasms|spasticity|tone|gmfm|barthel|oswestry|odi|gcs|glasgow|mmse|moca|phq|gad|apgar|ecog|karnofsky|fev1?|fvc|sats?|saturation|bp|blood pressure|heart rate|hr|weight|a1c|hba1c)\b/i;
const PAIN = /\b(?:pain|vas|nrs|vrs|analog|rating scale)/i;

/** Is this pair of numbers about another measure, named just before it or in it? */
function otherMeasure(sentence: string, m: RegExpExecArray): boolean {
  const before = sentence.slice(Math.max(0, m.index - 40), m.index);
  return (NOT_PAIN.test(before) || NOT_PAIN.test(m[0])) && !PAIN.test(m[0]);
}

function scorePair(sentence: string): { percent: number; quote: string; start: number; scores: NonNullable<Relief['scores']> } | undefined {
  for (const { re, reversed, keyword } of SCORE_PAIRS) {
    const m = re.exec(sentence);
    if (!m || otherMeasure(sentence, m)) continue;
    // Groups: number, denominator, number, denominator.
    let [b, bDen, a, aDen] = [m[1], m[2], m[3], m[4]];
    if (reversed) [b, bDen, a, aDen] = [a, aDen, b, bDen];
    const before = Number(b);
    const after = Number(a);
    // Out of 10 unless written out of 100, or a VAS in millimetres (keyword scales only).
    const scale: 10 | 100 = bDen === '100' || aDen === '100' || (keyword && !bDen && !aDen && before > 10 && before <= 100) ? 100 : 10;
    if (!(before > 0 && before <= scale && after >= 0 && after <= before)) continue;
    return { percent: round(((before - after) / before) * 100), quote: m[0], start: m.index, scores: { before, after, scale } };
  }
  // Two scores out of 10 anywhere in the sentence: the first and the last.
  const scores = [...sentence.matchAll(SLASH10_RE)].filter((m) => !otherMeasure(sentence, m));
  if (scores.length >= 2) {
    const first = scores[0];
    const last = scores[scores.length - 1];
    const before = Number(first[1]);
    const after = Number(last[1]);
    if (before > 0 && before <= 10 && after <= before) {
      const quote = sentence.slice(first.index, last.index + last[0].length);
      return { percent: round(((before - after) / before) * 100), quote, start: first.index, scores: { before, after, scale: 10 } };
    }
  }
  return undefined;
}

function score(r: Relief): number {
  return r.percent + (r.exclusive ? 0.001 : 0);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
