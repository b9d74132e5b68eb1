/**
 * Decides the clinical context of a mention from the trigger matches in its sentence:
 * negated, hypothetical, experienced by someone else, historical. The triggers were found
 * by the same one-pass automaton as the concepts; this only resolves scopes (rules in
 * docs/clinical-context.md):
 *
 * - a trigger inside a longer trigger of the same category is that trigger ("is negative" in
 *   "is negative for" is not a backward trigger);
 * - a trigger inside a pseudo-trigger phrase ("no increase") is not a trigger, unless the
 *   phrase runs into the mention itself ("no change" of the mention "change in vision");
 * - a forward trigger qualifies a mention after it, a backward one a mention before it, within
 *   its category's window (counted in words: punctuation is free, so lists stay in scope), in
 *   the same sentence, and not across a termination term of all or of its category;
 * - the closest trigger of each category is the one reported.
 */
import type { Match } from '../automaton';
import { sentenceBounds, TokenKind, type Tokens } from '../tokenize';
import {
  EXPERIENCER_WINDOW,
  HISTORICAL_WINDOW,
  HYPOTHETICAL_WINDOW,
  NEGATION_WINDOW,
  type ContextCategory,
  type TriggerEntry,
} from './lexicon';

export interface Trigger {
  category: TriggerEntry['category'];
  direction?: TriggerEntry['direction'];
  first: number;
  last: number;
}

/** What qualified a mention: for each category, the trigger text (or section) that did. */
export type ContextDecision = Partial<Record<ContextCategory, string>>;

export const CONTEXT_CATEGORIES: readonly ContextCategory[] = ['negated', 'hypothetical', 'experiencer', 'historical'];

const WINDOW: Record<ContextCategory, number> = {
  negated: NEGATION_WINDOW,
  hypothetical: HYPOTHETICAL_WINDOW,
  experiencer: EXPERIENCER_WINDOW,
  historical: HISTORICAL_WINDOW,
};
const MAX_WINDOW = Math.max(...Object.values(WINDOW));

function isContext(c: Trigger['category']): c is ContextCategory {
  return c === 'negated' || c === 'hypothetical' || c === 'experiencer' || c === 'historical';
}

/** A context trigger, with the pseudo-trigger phrases that would silence it (if any). */
interface Scoped extends Trigger {
  category: ContextCategory;
  pseudo?: { first: number; last: number }[];
}

interface SentenceTriggers {
  /** Context triggers, sorted by first token. */
  triggers: Scoped[];
  /** Termination terms (all categories or one), sorted by first token. */
  terms: Trigger[];
}

/** Triggers of one text, indexed by sentence. */
export class TriggerIndex {
  private readonly bySentence = new Map<number, SentenceTriggers>();
  /** words[i]: number of word and number tokens before token i (distances ignore punctuation). */
  private words: Int32Array | undefined;
  /** Longest trigger, in tokens: bounds every neighbourhood scan. */
  private longest = 1;

  constructor(
    private readonly tokens: Tokens,
    matches: Trigger[],
  ) {
    const groups = new Map<number, Trigger[]>();
    for (const m of matches) {
      if (m.last - m.first > this.longest) this.longest = m.last - m.first;
      const s = tokens.sentenceOf[m.first];
      let g = groups.get(s);
      if (!g) groups.set(s, (g = []));
      g.push(m);
    }
    for (const [s, list] of groups) {
      list.sort((a, b) => a.first - b.first || b.last - a.last);
      const pseudo = list.filter((m) => m.category === 'pseudo');
      const terms = list.filter((m) => m.category === 'termination' || m.category.startsWith('termination:'));
      const context = list.filter((m): m is Scoped => isContext(m.category));
      const triggers: Scoped[] = [];
      for (let i = 0; i < context.length; i++) {
        const t = context[i];
        if (this.insideLonger(context, i)) continue;
        const covering = this.covering(pseudo, t);
        triggers.push(covering.length ? { ...t, pseudo: covering } : t);
      }
      if (triggers.length) this.bySentence.set(s, { triggers, terms });
    }
  }

  /** The context of the mention spanning tokens [first, last). */
  decide(first: number, last: number): ContextDecision {
    const sentence = this.tokens.sentenceOf[first];
    const entry = this.bySentence.get(sentence);
    if (!entry) return {};
    const [sFirst, sLast] = sentenceBounds(this.tokens, sentence);
    const words = this.wordIndex();
    const out: ContextDecision = {};
    const best: Partial<Record<ContextCategory, number>> = {};
    const list = entry.triggers;
    // Only triggers that can reach the mention: those starting at most a window (in words) plus
    // a trigger's length before it, up to a window after it.
    let i = lowerBound(list, (t) => t.first >= sFirst && words[t.first] >= words[first] - MAX_WINDOW - this.longest);
    for (; i < list.length; i++) {
      const t = list[i];
      if (t.first >= sLast || words[t.first] > words[last] + MAX_WINDOW) break;
      // A trigger that starts inside the mention is part of it ("not able to walk"); one that
      // starts before and runs into it ("no acute" of "acute distress") is right next to it.
      if (t.first >= first && t.first < last) continue;
      // A pseudo-trigger silences its trigger word, unless the phrase runs into the mention.
      if (t.pseudo && !t.pseudo.some((p) => p.last > first && p.first < last)) continue;
      const cat = t.category;
      const dir = t.direction ?? 'forward';
      let from: number;
      let to: number;
      if (t.first < first && dir !== 'backward') [from, to] = [Math.min(t.last, first), first];
      else if (t.first >= last && dir !== 'forward') [from, to] = [last, t.first];
      else continue;
      const distance = words[to] - words[from];
      if (distance > WINDOW[cat]) continue;
      if (best[cat] !== undefined && distance >= best[cat]!) continue;
      if (this.terminated(entry.terms, cat, from, to)) continue;
      best[cat] = distance;
      out[cat] = this.text(t);
    }
    return out;
  }

  /** Is there a termination term for `cat` inside tokens [from, to)? */
  private terminated(terms: Trigger[], cat: ContextCategory, from: number, to: number): boolean {
    for (let j = lowerBound(terms, (x) => x.first >= from); j < terms.length && terms[j].first < to; j++) {
      const x = terms[j];
      if (x.last <= to && (x.category === 'termination' || x.category === `termination:${cat}`)) return true;
    }
    return false;
  }

  /** Is context[i] inside a strictly longer trigger of the same category? */
  private insideLonger(context: Scoped[], i: number): boolean {
    const t = context[i];
    for (let j = i - 1; j >= 0 && context[j].first >= t.first - this.longest; j--) {
      const o = context[j];
      if (o.category === t.category && o.first <= t.first && t.last <= o.last && o.last - o.first > t.last - t.first) return true;
    }
    for (let j = i + 1; j < context.length && context[j].first === t.first; j++) {
      const o = context[j];
      if (o.category === t.category && t.last <= o.last && o.last - o.first > t.last - t.first) return true;
    }
    return false;
  }

  /** Pseudo-trigger phrases that contain the trigger. */
  private covering(pseudo: Trigger[], t: Trigger): { first: number; last: number }[] {
    const out: { first: number; last: number }[] = [];
    for (let j = lowerBound(pseudo, (p) => p.first >= t.first - this.longest); j < pseudo.length && pseudo[j].first <= t.first; j++) {
      const p = pseudo[j];
      if (t.last <= p.last) out.push({ first: p.first, last: p.last });
    }
    return out;
  }

  private wordIndex(): Int32Array {
    if (this.words) return this.words;
    const n = this.tokens.count;
    const w = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) w[i + 1] = w[i] + (this.tokens.kind[i] === TokenKind.Punct ? 0 : 1);
    return (this.words = w);
  }

  private text(t: Trigger): string {
    const parts: string[] = [];
    for (let i = t.first; i < t.last; i++) parts.push(this.tokens.norm[i]);
    return parts.join(' ').replace(/ ([:/]) /g, '$1').replace(/ :/g, ':');
  }
}

/** First index whose element satisfies `ok` (which must be monotone over the sorted list). */
function lowerBound<T>(list: readonly T[], ok: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function toTriggers(matches: Match[], entryOf: (id: number) => TriggerEntry): Trigger[] {
  return matches.map((m) => {
    const e = entryOf(m.id);
    return { category: e.category, direction: e.direction, first: m.first, last: m.last };
  });
}
