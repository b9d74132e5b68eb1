/**
 * Reads pain relief as a number from one sentence: stated percentages ("62% relief",
 * "60-70%" reads as its lower bound, "greater than 50 percent", "more than half") or
 * computed from pain scores ("from 8/10 to 3/10", "VAS 8 ... VAS 3", "NRS of 8 to 3").
 * Every expression here runs on one sentence with anchored, bounded patterns (linear).
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
  /** Route named with the trial, if any. */
  route?: 'intrathecal' | 'epidural' | 'intravenous';
}

const NUM = String.raw`(\d{1,3}(?:\.\d{1,2})?)`;
const MORE = String.raw`(more than|greater than|over|above|in excess of|>|better than)\s*`;
const LESS = String.raw`(less than|under|below|<|up to|at most|nearly|almost)\s*`;
const PCT = String.raw`\s*(?:%|percent|per cent|pct)`;

const RANGE_RE = new RegExp(String.raw`(?:${MORE})?${NUM}\s*(?:-|–|to)\s*${NUM}${PCT}`, 'gi');
const PCT_RE = new RegExp(String.raw`(?:${MORE}|${LESS})?${NUM}${PCT}`, 'gi');
const WORD_FRACTIONS: [RegExp, number][] = [
  [/\b(more than|greater than|over|better than)\s+(one )?half\b/gi, 50],
  [/\b(two|2)[ -]thirds\b/gi, 66.7],
  [/\b(three|3)[ -]quarters\b/gi, 75],
  [/\b(one|a)[ -]half\b|\bhalf\b/gi, 50],
  [/\b(one|a)[ -]third\b/gi, 33.3],
];
/** Two pain scores in order: "8/10 ... 3/10", "from 8 to 3", "VAS 8 ... 3". */
const SCORE_PAIR_RE = new RegExp(
  String.raw`(?:from\s+|(?:vas|nrs|pain(?: score)?|score)(?:\s+(?:of|was|is|at|score))?\s*)${NUM}(?:\s*/\s*10)?\b` +
    String.raw`[^.;%]{0,80}?\b(?:to|down to|->|→|decreased to|reduced to|improved to|dropped to|of)\s+${NUM}(?:\s*/\s*10)?`,
  'gi',
);
const SLASH10_RE = new RegExp(String.raw`${NUM}\s*/\s*10\b`, 'gi');
const ROUTE_RE = /\b(intrathecal|epidural|intravenous|iv)\b/i;

const RELIEF_WORDS = /relie|reduc|decreas|improv|less pain|drop|better|respon|success/i;

export function readRelief(sentence: string): Relief | undefined {
  const found: Relief[] = [];
  const route = routeOf(sentence);
  const push = (percent: number, exclusive: boolean, m: RegExpExecArray, how: Relief['how']) => {
    if (!(percent >= 0 && percent <= 100)) return;
    found.push({ percent, exclusive, quote: m[0].trim(), start: m.index, end: m.index + m[0].length, how, route });
  };
  // A stated percentage counts only in a sentence about relief; scores speak for themselves.
  const aboutRelief = RELIEF_WORDS.test(sentence);
  if (aboutRelief) for (const m of sentence.matchAll(RANGE_RE)) push(Number(m[2]), Boolean(m[1]), m, 'stated');
  if (aboutRelief) for (const m of sentence.matchAll(PCT_RE)) {
    if (found.some((f) => f.start <= m.index && m.index < f.end)) continue;
    const more = Boolean(m[1]);
    const less = Boolean(m[2]);
    // "less than 60%" says nothing above 60: read it as just under.
    push(less ? Number(m[3]) - 0.01 : Number(m[3]), more, m, 'stated');
  }
  if (found.length === 0 && aboutRelief) {
    for (const [re, value] of WORD_FRACTIONS) {
      re.lastIndex = 0;
      const m = re.exec(sentence);
      if (m) {
        push(value, /more|greater|over|better/i.test(m[0]), m, 'stated');
        break;
      }
    }
  }
  if (found.length === 0) {
    const pair = SCORE_PAIR_RE.exec(sentence);
    SCORE_PAIR_RE.lastIndex = 0;
    if (pair) {
      const before = Number(pair[1]);
      const after = Number(pair[2]);
      if (before > 0 && before <= 10 && after <= 10 && after <= before) {
        push(round(((before - after) / before) * 100), false, pair, 'scores');
      }
    } else {
      const scores = [...sentence.matchAll(SLASH10_RE)];
      if (scores.length >= 2) {
        const before = Number(scores[0][1]);
        const after = Number(scores[scores.length - 1][1]);
        if (before > 0 && after <= before) {
          const first = scores[0];
          const last = scores[scores.length - 1];
          const span = sentence.slice(first.index, last.index + last[0].length);
          const m = Object.assign([span], { index: first.index }) as unknown as RegExpExecArray;
          push(round(((before - after) / before) * 100), false, m, 'scores');
        }
      }
    }
  }
  if (found.length === 0) return undefined;
  // The best-supported reading: the largest relief the sentence states.
  return found.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** Does the relief meet "more than `threshold` percent"? "greater than 50%" does. */
export function exceeds(r: Relief, threshold: number): boolean {
  return r.percent > threshold || (r.exclusive && r.percent >= threshold);
}

function score(r: Relief): number {
  return r.percent + (r.exclusive ? 0.001 : 0);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function routeOf(s: string): Relief['route'] {
  const m = ROUTE_RE.exec(s);
  if (!m) return undefined;
  const r = m[1].toLowerCase();
  return r === 'iv' ? 'intravenous' : (r as Relief['route']);
}
