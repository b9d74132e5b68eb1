/**
 * Decides the clinical context of a mention from the trigger matches in its sentence:
 * negated, hypothetical, experienced by someone else, historical. The triggers were found
 * by the same one-pass automaton as the concepts; this only resolves scopes.
 */
import type { Match } from '../automaton';
import { sentenceBounds, type Tokens } from '../tokenize';
import {
  EXPERIENCER_WINDOW,
  NEGATION_WINDOW,
  OTHER_WINDOW,
  type ContextCategory,
  type TriggerEntry,
} from './lexicon';

export interface Trigger {
  category: TriggerEntry['category'];
  direction?: 'forward' | 'backward';
  first: number;
  last: number;
}

/** What qualified a mention: for each category, the trigger text (or section) that did. */
export type ContextDecision = Partial<Record<ContextCategory, string>>;

const WINDOW: Record<ContextCategory, number> = {
  negated: NEGATION_WINDOW,
  hypothetical: OTHER_WINDOW,
  experiencer: EXPERIENCER_WINDOW,
  historical: OTHER_WINDOW,
};

/** Triggers of one text, indexed by sentence, with pseudo-triggers already removed. */
export class TriggerIndex {
  private readonly bySentence = new Map<number, Trigger[]>();

  constructor(
    private readonly tokens: Tokens,
    matches: Trigger[],
  ) {
    const pseudo = matches.filter((m) => m.category === 'pseudo');
    for (const m of matches) {
      if (m.category === 'pseudo') continue;
      // A trigger word inside a pseudo-trigger phrase ("no increase") is not a trigger.
      if (m.category !== 'termination' && pseudo.some((p) => p.first <= m.first && m.last <= p.last)) continue;
      // A shorter trigger inside a longer one of the same category is the same trigger.
      const s = tokens.sentenceOf[m.first];
      let list = this.bySentence.get(s);
      if (!list) this.bySentence.set(s, (list = []));
      list.push(m);
    }
    for (const list of this.bySentence.values()) list.sort((a, b) => a.first - b.first || b.last - a.last);
  }

  /** The context of the mention spanning tokens [first, last). */
  decide(first: number, last: number): ContextDecision {
    const sentence = this.tokens.sentenceOf[first];
    const list = this.bySentence.get(sentence);
    if (!list) return {};
    const [sFirst, sLast] = sentenceBounds(this.tokens, sentence);
    const terms = list.filter((t) => t.category === 'termination' && (t.last <= first || t.first >= last));
    const out: ContextDecision = {};
    const best: Partial<Record<ContextCategory, number>> = {};
    for (const t of list) {
      if (t.category === 'termination' || t.category === 'pseudo') continue;
      if (t.last > first && t.first < last) continue; // part of the mention itself
      const cat = t.category;
      let distance: number;
      if (t.direction === 'forward' && t.last <= first) {
        distance = first - t.last;
        if (terms.some((x) => x.first >= t.last && x.last <= first)) continue;
      } else if (t.direction === 'backward' && t.first >= last) {
        distance = t.first - last;
        if (terms.some((x) => x.first >= last && x.last <= t.first)) continue;
      } else continue;
      if (distance > WINDOW[cat] || t.first < sFirst || t.last > sLast) continue;
      if (best[cat] === undefined || distance < best[cat]!) {
        best[cat] = distance;
        out[cat] = this.text(t);
      }
    }
    return out;
  }

  private text(t: Trigger): string {
    const parts: string[] = [];
    for (let i = t.first; i < t.last; i++) parts.push(this.tokens.norm[i]);
    return parts.join(' ').replace(/ ([:/]) /g, '$1').replace(/ :/g, ':');
  }
}

export function toTriggers(matches: Match[], entryOf: (id: number) => TriggerEntry): Trigger[] {
  return matches.map((m) => {
    const e = entryOf(m.id);
    return { category: e.category, direction: e.direction, first: m.first, last: m.last };
  });
}
