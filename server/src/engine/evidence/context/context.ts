/**
 * Decides the clinical context of a mention from the trigger matches in its sentence:
 * negated, hypothetical, experienced by someone else, historical. The triggers were found
 * by the same one-pass automaton as the concepts; this only resolves scopes (rules in
 * docs/clinical-context.md):
 *
 * - a trigger that overlaps the mention is part of it ("not able to walk" is affirmed);
 * - of the others, a trigger inside a longer one of the same category is that trigger ("is
 *   negative" in "is negative for" is not a backward trigger; "no" in "no acute" is, when the
 *   mention is "acute distress");
 * - a trigger or termination term inside a pseudo-trigger phrase ("no increase", "but not
 *   limited to") is not one, unless the phrase runs into the mention ("no change" of the
 *   mention "change in vision");
 * - a forward trigger qualifies a mention after it, a backward one a mention before it, in the
 *   same sentence, not across a termination term (of all categories or of its own) nor a colon
 *   or semicolon ("REFERRING DIAGNOSIS: syncope" after "not obtainable"), and within
 *   reach: at most the category's window of words up to the first comma, and beyond it a list
 *   of short items ("denies fever, chills, night sweats, or weight loss");
 * - the closest trigger of each category is the one reported.
 */
import { sentenceBounds, TokenKind, type Tokens } from '../tokenize';
import {
  CLAUSE_REACH,
  EXPERIENCER_WINDOW,
  HISTORICAL_WINDOW,
  HYPOTHETICAL_WINDOW,
  LIST_ITEM_WORDS,
  LIST_REACH,
  NEGATION_WINDOW,
  UNCERTAIN_WINDOW,
  type ContextCategory,
  type TriggerEntry,
} from './lexicon';

/** A verb's negation ("cannot", "can't", "did not", "is not able to"): a statement's own "not". */
const VERBAL_NEGATION = /\b(?:not|cannot|never)\b|\b(?:can|couldn|didn|doesn|don|isn|wasn|won|wouldn) t\b/;

export interface Trigger {
  category: TriggerEntry['category'];
  direction?: TriggerEntry['direction'];
  reach?: TriggerEntry['reach'];
  item?: TriggerEntry['item'];
  first: number;
  last: number;
}

/** What qualified a mention: for each category, the trigger text (or section) that did. */
export type ContextDecision = Partial<Record<ContextCategory, string>>;

const WINDOW: Record<ContextCategory, number> = {
  negated: NEGATION_WINDOW,
  hypothetical: HYPOTHETICAL_WINDOW,
  uncertain: UNCERTAIN_WINDOW,
  experiencer: EXPERIENCER_WINDOW,
  historical: HISTORICAL_WINDOW,
};
/** A list continues a trigger's scope past its window while its items are this short... */
const LIST_ITEM = LIST_ITEM_WORDS;
/** ...up to this many words in all (a `clause` trigger reaches CLAUSE_REACH). */
const MAX_REACH = Math.max(LIST_REACH, ...Object.values(WINDOW));

function isContext(c: Trigger['category']): c is ContextCategory {
  return c in WINDOW;
}

interface Range {
  first: number;
  last: number;
  /** A pseudo phrase that is itself a negated item (lexicon `item`). */
  item?: true;
}

/** A context trigger, with the pseudo-trigger phrases that would silence it and the longer
 * triggers of its category that contain it (if any). */
interface Scoped extends Trigger {
  category: ContextCategory;
  pseudo?: Range[];
  within?: Range[];
}

const overlaps = (r: Range, first: number, last: number) => r.last > first && r.first < last;

interface SentenceTriggers {
  /** Context triggers of a category's reach, sorted by first token. */
  triggers: Scoped[];
  /** Context triggers that reach to the end of their clause, sorted by first token: few, and
   * scanned apart so that every mention does not look CLAUSE_REACH words around itself. */
  clauses: Scoped[];
  /** Termination terms (all categories or one), sorted by first token. */
  terms: (Trigger & { pseudo?: Range[] })[];
}

/** Triggers of one text, indexed by sentence. */
export class TriggerIndex {
  /** Sentences resolved so far (lazily: most sentences hold no mention to decide). */
  private readonly bySentence = new Map<number, SentenceTriggers | null>();
  /** The matches, in sentence order, and where each sentence's run of them starts and ends. */
  private readonly matches: Trigger[];
  private readonly runs = new Map<number, [number, number]>();
  /** words[i]: number of word and number tokens before token i (distances ignore punctuation). */
  private words: Int32Array | undefined;
  /** stops[i]: number of colon, semicolon and dash tokens before token i (made with `words`). */
  private stops: Int32Array | undefined;
  /** Longest trigger, in tokens: bounds every neighbourhood scan. */
  private longest = 1;

  constructor(
    private readonly tokens: Tokens,
    matches: Trigger[],
  ) {
    // The automaton reports matches in the order they end, so sentence by sentence; sort only
    // if a caller passed them otherwise.
    let ordered = true;
    for (let i = 1; i < matches.length && ordered; i++) {
      if (tokens.sentenceOf[matches[i].first] < tokens.sentenceOf[matches[i - 1].first]) ordered = false;
    }
    this.matches = ordered ? matches : [...matches].sort((x, y) => tokens.sentenceOf[x.first] - tokens.sentenceOf[y.first]);
    let start = 0;
    for (let i = 0; i <= this.matches.length; i++) {
      const s = i < this.matches.length ? tokens.sentenceOf[this.matches[i].first] : -1;
      if (i > 0 && (i === this.matches.length || s !== tokens.sentenceOf[this.matches[i - 1].first])) {
        this.runs.set(tokens.sentenceOf[this.matches[i - 1].first], [start, i]);
        start = i;
      }
      if (i < this.matches.length) {
        const m = this.matches[i];
        if (m.last - m.first > this.longest) this.longest = m.last - m.first;
      }
    }
  }

  /** Resolves the triggers of sentence `s`: containment, pseudo-triggers, terminations. */
  private sentence(s: number): SentenceTriggers | null {
    const cached = this.bySentence.get(s);
    if (cached !== undefined) return cached;
    const run = this.runs.get(s);
    let entry: SentenceTriggers | null = null;
    if (run) {
      const list = this.matches.slice(run[0], run[1]).sort((a, b) => a.first - b.first || b.last - a.last);
      const pseudo = list.filter((m) => m.category === 'pseudo');
      const terms = list
        .filter((m) => m.category === 'termination' || m.category.startsWith('termination:'))
        .map((m) => {
          const covering = this.covering(pseudo, m);
          return covering.length ? { ...m, pseudo: covering } : m;
        });
      const context = list.filter((m): m is Scoped => isContext(m.category));
      const triggers: Scoped[] = [];
      const clauses: Scoped[] = [];
      for (let i = 0; i < context.length; i++) {
        const t = context[i];
        const covering = this.covering(pseudo, t);
        const within = this.containers(context, i);
        (t.reach === 'clause' ? clauses : triggers).push(covering.length || within.length ? { ...t, pseudo: covering, within } : t);
      }
      if (triggers.length || clauses.length) entry = { triggers, clauses, terms };
    }
    this.bySentence.set(s, entry);
    return entry;
  }

  /** The context of the mention spanning tokens [first, last). */
  decide(first: number, last: number, skipped = 0): ContextDecision {
    const sentence = this.tokens.sentenceOf[first];
    const entry = this.sentence(sentence);
    if (!entry) return {};
    const [sFirst, sLast] = sentenceBounds(this.tokens, sentence);
    const words = this.wordIndex();
    const out: ContextDecision = {};
    const best: Partial<Record<ContextCategory, number>> = {};
    const list = entry.triggers;
    // A mention whose own words say "not" ("can't grip", "did not help") is a negative
    // statement: a negation beside it is a parallel one, not its negation ("she cannot open the
    // palm flat and can't grip the handlebar" is two deficits). Only a verb's "not" does this:
    // "no change" inside a mention still leaves it to the negation before it ("Negative for
    // weight loss and no change").
    const ownNegation = list.some(
      (t) =>
        t.category === 'negated' &&
        t.first >= first &&
        t.last <= last &&
        !inSkipped(t, first, skipped) &&
        VERBAL_NEGATION.test(this.text(t)),
    );
    const consider = (t: Scoped) => {
      if (t.first < sFirst) return;
      if (ownNegation && t.category === 'negated' && !overlaps(t, first, last)) return;
      if (overlaps(t, first, last)) {
        // Part of the mention's own words, unless the pattern skipped over it: "did not cause",
        // "due to concern for infection", "the plan was for possible debridement".
        // A pseudo-phrase around a negation makes it no trigger there either ("so the mucosa no
        // longer falls"); "whether" in "whether or not" is still a condition.
        const silenced = t.category === 'negated' && t.pseudo?.length;
        const decides = SKIPPED_DECIDES.has(t.category) && !silenced && inSkipped(t, first, skipped);
        if (decides && !out[t.category] && !this.endsInside(entry, t, last)) out[t.category] = this.text(t);
        return;
      }
      // Inside a longer trigger of its category that is not part of the mention: that one decides.
      if (t.within?.some((w) => !overlaps(w, first, last))) return;
      // A pseudo-trigger silences its trigger word, unless the phrase runs into the mention or,
      // for a negated item ("no change in vision"), the mention is listed after it.
      if (t.pseudo?.length && !t.pseudo.some((p) => overlaps(p, first, last) || (p.item && this.listedAfter(p, first, sLast)))) return;
      const cat = t.category;
      const dir = t.direction ?? 'forward';
      let from: number;
      let to: number;
      if (t.last <= first && dir !== 'backward') [from, to] = [t.last, first];
      else if (t.first >= last && dir !== 'forward') [from, to] = [last, t.first];
      else return;
      const distance = words[to] - words[from];
      if (best[cat] !== undefined && distance >= best[cat]!) return;
      if (!this.reaches(t, from, to, dir === 'backward' || (dir === 'both' && t.first >= last))) return;
      if (this.terminated(entry.terms, cat, from, to, first, last)) return;
      best[cat] = distance;
      out[cat] = this.text(t);
    };
    // Only triggers that can reach the mention: those starting at most their reach (in words)
    // plus a trigger's length before it, up to their reach after it.
    for (let i = lowerBound(list, (t) => words[t.first] >= words[first] - MAX_REACH - this.longest); i < list.length; i++) {
      const t = list[i];
      if (t.first >= sLast || words[t.first] > words[last] + MAX_REACH) break;
      consider(t);
    }
    // Clause triggers, closest first: once one reaches, the farther ones stop at the distance test.
    const clauses = entry.clauses;
    const from = lowerBound(clauses, (t) => words[t.first] >= words[first] - CLAUSE_REACH - this.longest);
    const after = lowerBound(clauses, (t) => t.first >= last);
    for (let i = after - 1; i >= from; i--) consider(clauses[i]);
    for (let i = after; i < clauses.length && clauses[i].first < sLast && words[clauses[i].first] <= words[last] + CLAUSE_REACH; i++)
      consider(clauses[i]);
    return out;
  }

  /**
   * A trigger in a mention's skipped words other than a negation ends at a termination after
   * it, as a trigger outside does: "this, per mom's report, did not help" is the patient's.
   */
  private endsInside(entry: SentenceTriggers, t: Scoped, last: number): boolean {
    return t.category !== 'negated' && this.terminated(entry.terms, t.category, t.last, last, last, last);
  }

  /**
   * Does a trigger reach across tokens [from, to)? A `clause` trigger, up to its clause's end
   * (terminations are checked apart). Others within their window of words up to the first
   * comma (from the trigger's side); past it, only through a list of short comma-separated items.
   */
  private reaches(t: Scoped, from: number, to: number, backward: boolean): boolean {
    const cat = t.category;
    const words = this.wordIndex();
    const total = words[to] - words[from];
    if (t.reach === 'clause') return total <= CLAUSE_REACH;
    if (t.reach === 'word') return total === 0;
    if (total <= WINDOW[cat]) return true;
    if (total > LIST_REACH) return false;
    const { norm, kind } = this.tokens;
    let item = 0;
    let first = true;
    for (let k = 0; k < to - from; k++) {
      const i = backward ? to - 1 - k : from + k;
      if (kind[i] !== TokenKind.Punct) {
        item++;
        if (item > (first ? WINDOW[cat] : LIST_ITEM)) return false;
      } else if (norm[i] === ',' || norm[i] === '/') {
        first = false;
        item = 0;
      }
    }
    return !first;
  }

  /**
   * Is there a termination term for `cat` inside tokens [from, to), not silenced by a
   * pseudo-trigger? For a forward scope (to === first), a term of the category's own list that
   * the mention starts with counts too: "has not healed | despite conservative treatment".
   */
  private terminated(
    terms: SentenceTriggers['terms'],
    cat: ContextCategory,
    from: number,
    to: number,
    first: number,
    last: number,
  ): boolean {
    // A colon or semicolon ends every scope (a label or a clause starts): read from the tokens,
    // not matched as triggers, since they are among the commonest tokens of a note.
    if (this.stopsBetween(from, to)) return true;
    const end = to === first ? last : to;
    for (let j = lowerBound(terms, (x) => x.first >= from); j < terms.length && terms[j].first <= (to === first ? first : to - 1); j++) {
      const x = terms[j];
      if (x.last > end || (x.category !== 'termination' && x.category !== `termination:${cat}`)) continue;
      if (x.first >= to && (x.first !== first || x.category === 'termination')) continue;
      if (x.pseudo?.length && !x.pseudo.some((p) => overlaps(p, first, last))) continue;
      return true;
    }
    return false;
  }

  /**
   * Is a mention starting at token `first` an item of a coordinated list that follows the
   * pseudo phrase `p` ("no change in vision, DIPLOPIA or change in hearing")? A comma between
   * them, and "or", "nor" or "and" after that comma, before the clause ends (reach and
   * terminations are checked as for any trigger).
   */
  private listedAfter(p: Range, first: number, sLast: number): boolean {
    if (first < p.last) return false;
    const { norm, kind } = this.tokens;
    let comma = -1;
    for (let k = p.last; k < first && comma < 0; k++) if (kind[k] === TokenKind.Punct && norm[k] === ',') comma = k;
    if (comma < 0) return false;
    const end = Math.min(sLast, first + MAX_REACH);
    for (let k = comma + 1; k < end; k++) {
      if (kind[k] === TokenKind.Punct && (norm[k] === ':' || norm[k] === ';')) return false;
      if (norm[k] === 'or' || norm[k] === 'nor' || norm[k] === 'and') return true;
    }
    return false;
  }

  /** Longer triggers of the same category that contain context[i]. */
  private containers(context: Scoped[], i: number): Range[] {
    const t = context[i];
    const out: Range[] = [];
    const len = t.last - t.first;
    for (let j = i - 1; j >= 0 && context[j].first >= t.first - this.longest; j--) {
      const o = context[j];
      if (o.category === t.category && o.first <= t.first && t.last <= o.last && o.last - o.first > len)
        out.push({ first: o.first, last: o.last });
    }
    for (let j = i + 1; j < context.length && context[j].first === t.first; j++) {
      const o = context[j];
      if (o.category === t.category && t.last <= o.last && o.last - o.first > len) out.push({ first: o.first, last: o.last });
    }
    return out;
  }

  /** Pseudo-trigger phrases that strictly contain the trigger. */
  private covering(pseudo: Trigger[], t: Trigger): Range[] {
    const out: Range[] = [];
    for (let j = lowerBound(pseudo, (p) => p.first >= t.first - this.longest); j < pseudo.length && pseudo[j].first <= t.first; j++) {
      const p = pseudo[j];
      if (t.last <= p.last && p.last - p.first > t.last - t.first)
        out.push({ first: p.first, last: p.last, ...(p.item ? { item: true } : {}) });
    }
    return out;
  }

  private wordIndex(): Int32Array {
    if (this.words) return this.words;
    const { count: n, kind, text, start, end } = this.tokens;
    const w = new Int32Array(n + 1);
    const stops = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const punct = kind[i] === TokenKind.Punct;
      w[i + 1] = w[i] + (punct ? 0 : 1);
      const c = punct && end[i] - start[i] === 1 ? text.charCodeAt(start[i]) : 0;
      // A hyphen is a token only as a range ("60-70%") or between spaces; only the latter parts clauses.
      const spaced = start[i] > 0 && (text.charCodeAt(start[i] - 1) === 32 || text.charCodeAt(start[i] - 1) === 9);
      const dash = c === 45 ? spaced : c === 0x2013 || c === 0x2014;
      stops[i + 1] = stops[i] + (c === 58 /* : */ || c === 59 /* ; */ || dash ? 1 : 0);
    }
    this.stops = stops;
    return (this.words = w);
  }

  /** Whether a colon, semicolon or dash stands among tokens [from, to): O(1), from prefix counts. */
  private stopsBetween(from: number, to: number): boolean {
    this.wordIndex();
    return this.stops![to] - this.stops![from] > 0;
  }

  private text(t: Trigger): string {
    const parts: string[] = [];
    for (let i = t.first; i < t.last; i++) parts.push(this.tokens.norm[i]);
    return parts
      .join(' ')
      .replace(/ ([:/]) /g, '$1')
      .replace(/ :/g, ':');
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

/**
 * Triggers that decide a mention from inside it, in words its pattern skipped ("because of a
 * family history of colon cancer"). Not a history: "baclofen in 2019 failed" still documents.
 */
const SKIPPED_DECIDES: ReadonlySet<ContextCategory> = new Set(['negated', 'hypothetical', 'uncertain', 'experiencer']);

/** Whether every token of `t` is one a pattern gap skipped (bits relative to `first`). */
function inSkipped(t: { first: number; last: number }, first: number, skipped: number): boolean {
  if (skipped === 0) return false;
  for (let i = t.first; i < t.last; i++) {
    const k = i - first;
    if (k < 0 || k >= 31 || (skipped & (1 << k)) === 0) return false;
  }
  return true;
}
