/**
 * Finds the evidence for every concept in one text, in one pass of the automaton: concept
 * mentions with their clinical context (negated, hypothetical, someone else's, historical),
 * the section they stand in, and the numbers they carry.
 */
import type { NoteSection, SectionKind } from '../documents/model';
import { forEachLine, skipSpace, trimEnd } from '../documents/text';
import type { NearMiss } from '../results';
import type { Span } from '../types';
import { maskUncheckedBoxes } from './checkboxes';
import { anaphorClass, type CompiledConcepts, type ScopeKind } from './compile';
import { TriggerIndex, type ContextDecision, type Trigger } from './context/context';
import { acrossBaseline, exceeds, fromBaseline, namesBaseline, readRelief, type Relief } from './numbers';
import { sentenceBounds, tokenize, type Tokens } from './tokenize';

type MissReason = NearMiss['reason'];

export interface Mention {
  concept: string;
  /** The words that matched. */
  span: Span;
  /** The sentence they stand in: what is quoted as evidence. */
  sentence: Span;
  context: ContextDecision;
  section?: SectionKind;
  relief?: Relief;
  /** The body sites its sentence names (SPEC 4.1): it documents only for lines at those sites. */
  sites?: readonly string[];
  /**
   * For a `sameRoute` concept, the routes its sentence names, else those of the nearest anchor
   * sentence before it that names one ("TRIAL: epidural catheter ... Pain went from NRS 8 to
   * NRS 2"): it documents only for lines given by those routes.
   */
  routes?: readonly string[];
  /** Whether the mention documents the concept; when not, why and which trigger. */
  counts: boolean;
  reason?: MissReason;
  trigger?: string;
}

export interface TextEvidence {
  /** Mentions per concept id, in text order. */
  byConcept: Map<string, Mention[]>;
}

/** Headings whose content is not the patient's present state. */
const SECTION_CONTEXT: Partial<Record<SectionKind, [keyof ContextDecision, string]>> = {
  'family-history': ['experiencer', 'Family History section'],
  'past-history': ['historical', 'Past History section'],
};

export function analyzeText(
  compiled: CompiledConcepts,
  original: string,
  sections: readonly NoteSection[] = [],
  from = 0,
  options: { ignoreNear?: boolean } = {},
): TextEvidence {
  // What ClinLint's prompts say is never documentation, nor is an unchecked box's item: only
  // a person's own words, and the items they ticked, are read.
  const text = maskUncheckedBoxes(compiled.prompts.mask(original));
  const tokens = tokenize(text, from);
  const matches = compiled.automaton.run(tokens);
  const triggers: Trigger[] = [];
  const conceptMatches: { concept: string; first: number; last: number; skipped: number }[] = [];
  const exceptions: { concept: string; first: number; last: number }[] = [];
  const nearSentences = new Map<string, Set<number>>();
  /**
   * Per concept, the sentence of an anchor in the note's title: a note titled "INTRATHECAL TRIAL
   * LOG" is the trial's throughout, however many lines of scores follow.
   */
  const nearTitle = new Map<string, number>();
  const title = titleSpan(text, from);
  const parts = new Map<number, Combination>();
  const scopeBySentence: Record<ScopeKind, Map<number, Set<string>>> = { site: new Map(), route: new Map() };
  /** Per concept and sentence, the words that put the sentence outside the concept's scope. */
  const outOfScope = new Map<string, { first: number; last: number }>();
  const siteWords: SiteWord[] = [];
  const notSites: { first: number; last: number }[] = [];
  /** Per class of words referring back, and per sentence, the first token of its first and of its last such word. */
  const anaphors = new Map<string, Map<number, { first: number; last: number }>>();
  /** Per sentence, its first words withdrawing what the note said (class `retraction`). */
  const retractions = new Map<number, { first: number; last: number }>();
  for (const m of matches) {
    const e = compiled.entries[m.id];
    if (e.type === 'trigger') {
      const { category, direction, reach, item } = e.trigger;
      triggers.push({ category, direction, reach, item, first: m.first, last: m.last });
    } else if (e.type === 'near') {
      let set = nearSentences.get(e.concept);
      if (!set) nearSentences.set(e.concept, (set = new Set()));
      set.add(tokens.sentenceOf[m.first]);
      if (title && tokens.start[m.first] >= title.start && tokens.end[m.last - 1] <= title.end && !nearTitle.has(e.concept))
        nearTitle.set(e.concept, tokens.sentenceOf[m.first]);
    } else if (e.type === 'except') exceptions.push({ concept: e.concept, first: m.first, last: m.last });
    else if (e.type === 'site') siteWords.push(siteWord(e, m));
    else if (e.type === 'notSite') notSites.push({ first: m.first, last: m.last });
    else if (e.type === 'retraction') {
      const s = tokens.sentenceOf[m.first];
      if (!retractions.has(s)) retractions.set(s, { first: m.first, last: m.last });
    } else if (e.type === 'anaphor') {
      const s = tokens.sentenceOf[m.first];
      let bySentence = anaphors.get(e.cls);
      if (!bySentence) anaphors.set(e.cls, (bySentence = new Map()));
      const seen = bySentence.get(s);
      if (!seen) bySentence.set(s, { first: m.first, last: m.first });
      else if (m.first > seen.last) seen.last = m.first;
    } else if (e.type === 'outOfScope') {
      // The sentence's first out-of-scope phrase, at its longest (what the explanation quotes:
      // "PT is expected to improve", not "PT is expected to").
      const key = `${e.concept}\u0000${tokens.sentenceOf[m.first]}`;
      const seen = outOfScope.get(key);
      if (!seen || (seen.first === m.first && m.last > seen.last)) outOfScope.set(key, { first: m.first, last: m.last });
    } else if (e.type === 'part') {
      const window = compiled.concepts.get(e.concept)?.window ?? DEFAULT_WINDOW;
      addPart(parts, e, tokens.sentenceOf[m.first], m.first, m.last, window);
    } else if (e.type === 'concept') conceptMatches.push({ concept: e.concept, first: m.first, last: m.last, skipped: m.skipped });
    // A deformity word scopes only a claim line's description (namesDeformity), not a sentence.
  }
  for (const m of combinations(parts)) conceptMatches.push(m);
  for (const m of anaphoricCombinations(parts, anaphors, compiled)) conceptMatches.push(m);
  addSites(scopeBySentence, siteWords, notSites, (t) => tokens.sentenceOf[t]);
  const index = new TriggerIndex(tokens, triggers);
  const byConcept = new Map<string, Mention[]>();
  // Relief read once per sentence: a sentence of 10,000 "8/10" mentions re-read itself for
  // each (quadratic: 46 s for a 40 KB sentence).
  const reliefs = new Map<string, Relief | undefined>();
  // Where each family history's context stops, found once per section (not per mention: a
  // section of 10,000 mentions would re-scan itself for each).
  const contextEnds = new Map<NoteSection, number>();
  // The longest match per start for a concept, once it counts: "unable to walk more than a
  // block" once. A shorter one is read when the longest does not count: in "PO baclofen
  // titrated to 80 mg/day: no tone reduction and he was too sedated", the span to "sedated"
  // skips the ": no" that negates it, and the failure "no tone reduction" still counts.
  conceptMatches.sort((a, b) => a.first - b.first || b.last - a.last);
  let settled = '';
  for (const m of conceptMatches) {
    const key = `${m.concept}:${m.first}`;
    if (key === settled) continue;
    const concept = compiled.concepts.get(m.concept)!;
    const sentenceIndex = tokens.sentenceOf[m.first];
    // The sentence of an anchor in the note's title, for a concept that takes one.
    const titleAnchor = concept.nearTitle ? nearTitle.get(m.concept) : undefined;
    if (
      concept.near &&
      !options.ignoreNear &&
      titleAnchor === undefined &&
      !isNear(nearSentences.get(m.concept), sentenceIndex, concept.nearSentencesBefore)
    )
      continue;
    // "spinal headache after the trial" is a complication, not the indication: an exception wins.
    if (exceptions.some((x) => x.concept === m.concept && x.first < m.last && m.first < x.last)) continue;
    const [sFirst, sLast] = sentenceBounds(tokens, sentenceIndex);
    const sentence = { start: tokens.start[sFirst], end: tokens.end[sLast - 1] };
    const span = { start: tokens.start[m.first], end: tokens.end[m.last - 1] };
    const context = index.decide(m.first, m.last, m.skipped);
    const inSection = sectionAt(sections, span.start);
    const section = inSection?.kind;
    // A family history's relatives reach only its own lines (a letter's next paragraph is the
    // patient's again); a past history runs on to the next heading, whatever its layout.
    let reach = Infinity;
    if (section === 'family-history') {
      reach = contextEnds.get(inSection!) ?? contextEnd(text, inSection!);
      contextEnds.set(inSection!, reach);
    }
    const fromSection = section && span.start < reach ? SECTION_CONTEXT[section] : undefined;
    if (fromSection && !context[fromSection[0]]) context[fromSection[0]] = fromSection[1];
    const sites = scopeBySentence.site.get(sentenceIndex);
    const routes = concept.sameRoute
      ? (routesFor(scopeBySentence.route, nearSentences.get(m.concept), sentenceIndex, concept.nearSentencesBefore) ??
        (titleAnchor === undefined ? undefined : scopeBySentence.route.get(titleAnchor)))
      : undefined;
    const mention: Mention = {
      concept: m.concept,
      span,
      sentence,
      context,
      section,
      counts: true,
      ...(sites ? { sites: [...sites] } : {}),
      ...(routes ? { routes: [...routes] } : {}),
    };
    // A result may be split over two sentences of one line ("Baseline pain 9/10. At 4 h: 2/10."):
    // the sentence before, when it gives the baseline and this one does not, is read with this
    // one: "Baseline NRS 8/10. At 4 h NRS 3/10, at 8 h NRS 3/10." is 8 to 3, not 3 to 3. Rows of
    // a table are not (a saline day's "07:30 NRS 8 (baseline)" / "09:30 NRS 3" sit under a
    // heading that puts them out of scope).
    const before = concept.numeric && sentenceIndex > 0 ? sentenceBounds(tokens, sentenceIndex - 1) : undefined;
    const gapBefore = before ? text.slice(tokens.end[before[1] - 1], sentence.start) : undefined;
    const sameLineBefore = gapBefore !== undefined && !gapBefore.includes('\n');
    // An indented line goes on with the item above it: "Day 1: intrathecal saline (placebo).\n
    // Pain 7/10 before -> 2/10 at 4 h."
    const indentedUnder = gapBefore !== undefined && /\n[ \t]+$/.test(gapBefore);
    const baselineStart =
      before &&
      sameLineBefore &&
      namesBaseline(text.slice(tokens.start[before[0]], tokens.end[before[1] - 1])) &&
      !namesBaseline(text.slice(sentence.start, sentence.end))
        ? tokens.start[before[0]]
        : undefined;
    judge(mention, concept, text, reliefs, baselineStart);
    // A result that names no trial of its own is in the arm of the sentence before it on its
    // line, or above an indented line: "Day 1: intrathecal normal saline 2 mL. VAS 9 before ...
    // VAS 2 at 3 hours." (but "SCS explanted. IT Prialt trial: more than half of her pain gone"
    // is the Prialt trial's).
    const scopeOf = (s: number) => outOfScope.get(`${m.concept}\u0000${s}`);
    // So is a result on the line right after the arm's, with no blank line between: "Agent
    // today: normal saline 1 mL intrathecal (placebo arm).\nNRS 8/10 pre -> 3/10 at 4 h." is
    // the saline's.
    const nextLine = gapBefore !== undefined && /^[ \t]*\r?\n[ \t]*$/.test(gapBefore);
    const carried = (sameLineBefore || indentedUnder || nextLine) && !nearSentences.get(m.concept)?.has(sentenceIndex);
    const scope = mention.counts ? (scopeOf(sentenceIndex) ?? (carried ? scopeOf(sentenceIndex - 1) : undefined)) : undefined;
    if (scope) {
      mention.counts = false;
      mention.reason = 'scope';
      mention.trigger = text.slice(tokens.start[scope.first], tokens.end[scope.last - 1]);
    } else if (mention.counts && section && concept.outOfScopeSections?.includes(section)) {
      mention.counts = false;
      mention.reason = 'scope';
      mention.trigger = `${inSection!.heading} section`;
    }
    if (mention.counts) settled = key;
    let list = byConcept.get(m.concept);
    if (!list) byConcept.set(m.concept, (list = []));
    // One mention per sentence and concept is enough evidence; prefer one that counts.
    const prev = list.length ? list[list.length - 1] : undefined;
    if (prev && prev.sentence.start === sentence.start) {
      if (!prev.counts && mention.counts) list[list.length - 1] = mention;
      continue;
    }
    list.push(mention);
  }
  if (retractions.size) retract(byConcept, tokens, retractions);
  return { byConcept };
}

/**
 * An addendum's correction governs: a sentence naming a criterion's finding and then withdrawing
 * it ("The \">60% relief\" recorded above was the patient's estimate and is retracted") voids that
 * finding there and every earlier statement of it in the note.
 */
function retract(byConcept: Map<string, Mention[]>, tokens: Tokens, retractions: Map<number, { first: number; last: number }>): void {
  const at = [...retractions].map(([, r]) => ({
    sentenceStart: tokens.start[sentenceBounds(tokens, tokens.sentenceOf[r.first])[0]],
    start: tokens.start[r.first],
    words: tokens.text.slice(tokens.start[r.first], tokens.end[r.last - 1]),
  }));
  for (const mentions of byConcept.values()) {
    // The last withdrawal of a finding of this concept, by a sentence that states it first,
    // as a finding or as a number it quotes ("The \"roughly 60 percent\" figure above was a
    // dictation error"); not one withdrawing a denial ("that she denied pain was charted in error").
    const states = (m: Mention) => m.counts || m.reason === 'numeric';
    // Per sentence, where its first statement of the concept starts (one pass: linear).
    const firstStated = new Map<number, number>();
    for (const m of mentions) if (states(m) && !firstStated.has(m.sentence.start)) firstStated.set(m.sentence.start, m.span.start);
    let last: (typeof at)[number] | undefined;
    for (const r of at) if ((firstStated.get(r.sentenceStart) ?? Infinity) < r.start) last = r;
    if (!last) continue;
    for (const m of mentions) {
      if (!m.counts || m.span.start >= last.start) continue;
      m.counts = false;
      m.reason = 'negated';
      m.trigger = m.sentence.start === last.sentenceStart ? last.words : `${last.words} (later in the note)`;
    }
  }
}

/**
 * Whether a `near` anchor stands in the mention's sentence or, as the concept allows, one just
 * before it: "Intrathecal trial on 8/27. Her NRS fell from 9/10 to 2/10."
 */
function isNear(sentences: Set<number> | undefined, s: number, before: number): boolean {
  if (!sentences) return false;
  for (let i = s - before; i <= s; i++) if (sentences.has(i)) return true;
  return false;
}

/**
 * Each site word's region on its sentence, unless the word stands inside words that name the
 * site without being about it ("hand therapy", "on the other hand"). Both lists come in the
 * automaton's order; the overlap test walks them together (linear).
 */
/** A site or route word where it stands, with the site it is part of (`within`). */
interface SiteWord {
  kind: ScopeKind;
  region: string;
  within?: string;
  /** Named by a function only this site serves: counts only where no site is named by anatomy. */
  byFunction?: boolean;
  first: number;
  last: number;
}

function addSites(
  scope: Record<ScopeKind, Map<number, Set<string>>>,
  sites: readonly SiteWord[],
  notSites: { first: number; last: number }[],
  sentenceOf: (token: number) => number,
): void {
  notSites.sort((a, b) => a.first - b.first);
  // Prefix maxima of the not-site ends, so "does any not-site span cover [first, last)?" is one look-up.
  const maxEnd: number[] = [];
  for (const n of notSites) maxEnd.push(Math.max(n.last, maxEnd.length ? maxEnd[maxEnd.length - 1] : -1));
  const sorted = [...sites].sort((a, b) => a.first - b.first);
  // Function words wait until their sentence is known to name no site by anatomy.
  const byFunction: SiteWord[] = [];
  /** Per kind, the sentences that name a site by its anatomy. */
  const anatomical: Record<ScopeKind, Set<number>> = { site: new Set(), route: new Set() };
  let j = -1;
  for (const s of sorted) {
    while (j + 1 < notSites.length && notSites[j + 1].first <= s.first) j++;
    if (j >= 0 && maxEnd[j] >= s.last) continue;
    if (s.byFunction) {
      byFunction.push(s);
      continue;
    }
    anatomical[s.kind].add(sentenceOf(s.first));
    addSite(scope[s.kind], sentenceOf(s.first), s);
  }
  for (const s of byFunction) if (!anatomical[s.kind].has(sentenceOf(s.first))) addSite(scope[s.kind], sentenceOf(s.first), s);
}

/** A site entry's match as a site word where it stands. */
function siteWord(
  e: { kind: ScopeKind; region: string; within?: string; byFunction?: boolean },
  m: { first: number; last: number },
): SiteWord {
  return { kind: e.kind, region: e.region, within: e.within, byFunction: e.byFunction, first: m.first, last: m.last };
}

function addSite(bySentence: Map<number, Set<string>>, sentence: number, s: SiteWord): void {
  let set = bySentence.get(sentence);
  if (!set) bySentence.set(sentence, (set = new Set()));
  // The whole site before its part: "temple" names the face, then the temple.
  if (s.within) set.add(s.within);
  set.add(s.region);
}

/**
 * The routes a mention is given by: its own sentence's, else those of the nearest sentence
 * before it, within the concept's anchor reach, that holds an anchor and names a route.
 */
function routesFor(
  routes: Map<number, Set<string>>,
  anchors: Set<number> | undefined,
  s: number,
  before: number,
): Set<string> | undefined {
  const own = routes.get(s);
  if (own) return own;
  for (let i = s - 1; i >= s - before; i--) {
    const named = routes.get(i);
    if (named && (!anchors || anchors.has(i))) return named;
  }
  return undefined;
}

/**
 * The body sites (regions), or the routes, a short text names: a claim line's description, a
 * note's line.
 */
export function sitesIn(compiled: CompiledConcepts, text: string, kind: ScopeKind = 'site'): string[] {
  const words: SiteWord[] = [];
  const notSites: { first: number; last: number }[] = [];
  for (const m of compiled.automaton.run(tokenize(text, 0))) {
    const e = compiled.entries[m.id];
    if (e.type === 'site' && e.kind === kind) words.push(siteWord(e, m));
    else if (e.type === 'notSite') notSites.push({ first: m.first, last: m.last });
  }
  // The whole text is read as one sentence (0).
  const scope: Record<ScopeKind, Map<number, Set<string>>> = { site: new Map(), route: new Map() };
  addSites(scope, words, notSites, () => 0);
  return [...(scope[kind].get(0) ?? [])];
}

/** Whether `text` names a deformed or lost structure (class `deformity`: "donor site depression"). */
export function namesDeformity(compiled: CompiledConcepts, text: string): boolean {
  return compiled.automaton.run(tokenize(text, 0)).some((m) => compiled.entries[m.id].type === 'deformity');
}

/**
 * One `together` combination in one sentence: the latest match of each part, and the spans in
 * which every part matched, the tightest of any that overlap ("orthotics and padding ... have
 * failed": the padding, nearest the failure, is the one that counts). Spans apart are each a
 * mention: "she can no longer open jars, and her husband cuts her food because she can't hold
 * a knife" has two, and each one's context decides it.
 */
interface Combination {
  concept: string;
  combination: number;
  cid: number;
  /** Whether the parts must come in the order written (`{ "inOrder": [...] }`). */
  inOrder: boolean;
  sentence: number;
  /** Each part's latest match in the sentence. */
  found: ({ first: number; last: number } | undefined)[];
  /**
   * Each part's first match, for a concept reaching back: the sentence's statement is often
   * its first words after the anaphor ("Since then progressive enophthalmos, Hertel 17 ...
   * (3 mm enophthalmos OD)"), and the latest may be past the window.
   */
  earliest?: ({ first: number; last: number } | undefined)[];
  spans: { first: number; last: number; found: { first: number; last: number }[] }[];
}

/** Tokens a combination may span when its concept sets no `window`. */
const DEFAULT_WINDOW = 14;

function addPart(
  parts: Map<number, Combination>,
  e: { concept: string; combination: number; part: number; parts: number; inOrder: boolean; cid: number; reachesBack: boolean },
  sentence: number,
  first: number,
  last: number,
  window: number,
): void {
  const key = combinationKey(e.cid, sentence);
  let c = parts.get(key);
  if (!c) {
    // An in-order combination starts at its first part: a later part before any first part can
    // never be used in its sentence, so no state is made for it (function words are common and
    // name many combinations' later parts). A concept reaching back keeps it for the next sentence.
    if (e.inOrder && e.part > 0 && !e.reachesBack) return;
    const { concept, combination, cid, inOrder } = e;
    c = { concept, combination, cid, inOrder, sentence, found: new Array(e.parts).fill(undefined), spans: [] };
    if (e.reachesBack) c.earliest = new Array(e.parts).fill(undefined);
    parts.set(key, c);
  }
  const at = { first, last };
  c.found[e.part] = at;
  if (c.earliest && !c.earliest[e.part]) c.earliest[e.part] = at;
  if (c.found.some((f) => !f)) return;
  const found = c.found as { first: number; last: number }[];
  // Each part's latest match: in order, every part ends before the next begins.
  if (e.inOrder && found.some((f, i) => i > 0 && found[i - 1].last > f.first)) return;
  // In either order, each part is its own words: in "a facial palsy from the eye below" the
  // one word "palsy" is not both the abnormality and the disease that caused it.
  if (!e.inOrder && overlapping(found)) return;
  let lo = found[0].first;
  let hi = found[0].last;
  for (const f of found) {
    if (f.first < lo) lo = f.first;
    if (f.last > hi) hi = f.last;
  }
  if (hi - lo > window) return;
  // The parts are copied only for a span that is kept: a run of part words completes the
  // combination again at each word, and most completions are not tighter.
  const prev = c.spans[c.spans.length - 1];
  const apart = !prev || lo >= prev.last;
  if (!apart && hi - lo >= prev.last - prev.first) return;
  const span = { first: lo, last: hi, found: found.map((f) => ({ ...f })) };
  if (apart) c.spans.push(span);
  else c.spans[c.spans.length - 1] = span;
}

/** Whether two of a combination's parts share a word (at most four parts: the pairs are few). */
function overlapping(found: readonly { first: number; last: number }[]): boolean {
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      if (found[i].first < found[j].last && found[j].first < found[i].last) return true;
    }
  }
  return false;
}

/** A number per combination and sentence: no string is built per part word of a long text. */
function combinationKey(cid: number, sentence: number): number {
  return cid * 0x100000000 + sentence;
}

/**
 * A combination over `found` parts as a match: the words between the parts are skipped, as a
 * pattern gap skips them, so a negation there ("oral baclofen did not cause sedation") negates it.
 */
function asMatch(concept: string, first: number, last: number, found: readonly { first: number; last: number }[]) {
  let skipped = 0;
  for (let k = 0; k < last - first && k < 31; k++) {
    const tok = first + k;
    if (!found.some((f) => tok >= f.first && tok < f.last)) skipped |= 1 << k;
  }
  return { concept, first, last, skipped };
}

/** Combinations whose every part matched in one sentence, within the concept's window, as mentions. */
function* combinations(parts: Map<number, Combination>) {
  for (const c of parts.values()) for (const s of c.spans) yield asMatch(c.concept, s.first, s.last, s.found);
}

/**
 * For concepts with `anaphora`: a sentence holding some parts of a combination, and a word
 * referring back within the concept's window of them, takes the parts it lacks from the
 * sentence before ("Oral baclofen 20 mg TID. At that dose she slept all day.", "... tears,
 * ointment and taping. Despite all of this the cornea keeps breaking down."). The mention is
 * this sentence's parts: it is the statement that documents, and its own context decides.
 */
function* anaphoricCombinations(
  parts: Map<number, Combination>,
  anaphors: Map<string, Map<number, { first: number; last: number }>>,
  compiled: CompiledConcepts,
) {
  for (const c of parts.values()) {
    if (c.spans.length) continue;
    const concept = compiled.concepts.get(c.concept);
    const cls = anaphorClass(concept);
    if (cls === undefined) continue;
    const seen = anaphors.get(cls)?.get(c.sentence);
    if (seen === undefined) continue;
    const window = concept?.window ?? DEFAULT_WINDOW;
    const prev = parts.get(combinationKey(c.cid, c.sentence - 1));
    if (!prev) continue;
    // Some part comes from the sentence before, and only a part this sentence lacks.
    if (c.found.every((f) => f) || !c.found.every((f, i) => f || prev.found[i])) continue;
    // The parts' latest matches, else their first ones (the statement nearest the anaphor).
    const match = anaphoricMatch(c, c.found, seen, window) ?? (c.earliest && anaphoricMatch(c, c.earliest, seen, window));
    if (match) yield match;
  }
}

/** This sentence's parts `found` and its anaphor `seen` as one mention, if they make one. */
function anaphoricMatch(
  c: Combination,
  found: readonly ({ first: number; last: number } | undefined)[],
  seen: { first: number; last: number },
  window: number,
) {
  const present = found.filter((f): f is { first: number; last: number } => f !== undefined);
  // The parts it has keep their order ("a wound infection, which has since healed" names no cause first).
  if (c.inOrder && present.some((f, i) => i > 0 && present[i - 1].last > f.first)) return undefined;
  const first = Math.min(...present.map((f) => f.first));
  const last = Math.max(...present.map((f) => f.last));
  // The anaphor nearer the parts: "Despite all of it the cornea keeps breaking down and the
  // tearing is unchanged - these have not controlled his exposure" ends with its failure.
  const reach = (a: number) => Math.max(last, a) - Math.min(first, a);
  const back = reach(seen.last) < reach(seen.first) ? seen.last : seen.first;
  if (last - first > window || reach(back) > window) return undefined;
  // The sentence says something of its own besides the words referring back: "since then his
  // shunt has done well" takes no cause and no condition from "since then" alone.
  if (present.every((f) => f.first <= back && back < f.last)) return undefined;
  // The mention runs to its anaphor, so a condition between them decides it: "Start oral
  // baclofen 5 mg TID; if he can't tolerate it, ..." does not take the failure before.
  return asMatch(c.concept, Math.min(first, back), Math.max(last, back + 1), present);
}

/** The relief read from `text[start, end)`, once per start and end (offsets into `text`). */
function reliefIn(text: string, start: number, end: number, reliefs: Map<string, Relief | undefined>): Relief | undefined {
  const key = `${start}:${end}`;
  if (reliefs.has(key)) return reliefs.get(key);
  const relief = readRelief(text.slice(start, end));
  if (relief) {
    relief.start += start;
    relief.end += start;
  }
  reliefs.set(key, relief);
  return relief;
}

/** A baseline sentence's one score and its result sentence's one score, as one reading. */
function oneScoreEach(baseline: string, baselineStart: number, text: string, sentence: Span): Relief | undefined {
  const across = acrossBaseline(baseline, text.slice(sentence.start, sentence.end));
  return across && { ...across.relief, start: across.relief.start + baselineStart, end: sentence.start + across.resultEnd };
}

/** Applies the concept's rules on context and numbers to one mention. */
function judge(
  m: Mention,
  concept: { hypothetical: string; uncertain?: string; historical: string; numeric?: { greaterThan: number } },
  text: string,
  reliefs: Map<string, Relief | undefined>,
  previousStart?: number,
) {
  const c = m.context;
  const miss = (reason: MissReason, trigger?: string) => {
    m.counts = false;
    m.reason = reason;
    m.trigger = trigger;
  };
  if (c.negated) return miss('negated', c.negated);
  if (c.experiencer) return miss('experiencer', c.experiencer);
  // Possible existence ("rule out", "possible") is not asserted either: judged, and reported
  // (SPEC 7's reasons), as hypothetical, with its own trigger words.
  if (c.hypothetical && concept.hypothetical === 'excludes') return miss('hypothetical', c.hypothetical);
  if (c.uncertain && (concept.uncertain ?? concept.hypothetical) === 'excludes') return miss('hypothetical', c.uncertain);
  if (c.historical && concept.historical === 'excludes') return miss('historical', c.historical);
  if (concept.numeric) {
    let relief = reliefIn(text, m.sentence.start, m.sentence.end, reliefs);
    if (previousStart !== undefined) {
      // With the baseline before it, the two sentences are read as one result: a result that
      // reads two scores of its own ("at 4 h NRS 3/10, at 8 h NRS 3/10") takes the baseline's.
      const baseline = text.slice(previousStart, m.sentence.start);
      const carried = relief && fromBaseline(baseline, relief);
      if (carried) relief = { ...carried, start: carried.start + previousStart };
      else if (!relief) {
        relief = reliefIn(text, previousStart, m.sentence.end, reliefs) ?? oneScoreEach(baseline, previousStart, text, m.sentence);
      }
    }
    if (relief) m.relief = { ...relief, ...(relief.scores ? { scores: { ...relief.scores } } : {}) };
    if (!relief || !exceeds(relief, concept.numeric.greaterThan)) miss('numeric');
  }
}

/**
 * Where a family history's own context (its relatives) stops:
 * at the end of its heading's line when the heading's text on that line ends a sentence
 * ("FAMILY HISTORY: Mother - discoid lupus. No family h/o facial atrophy." and then a letter's
 * prose about the patient), else at its first blank line (a list of items under the heading)
 * or a heading flattened onto a line's end, and never past the section.
 */
/** A label in capitals ending a line, with its colon: "ADMIT EXAM:", "PHYSICAL EXAMINATION:". */
const CAPS_LABEL_AT_END = /(?:^|[\s,;.])[A-Z][A-Z/& ]{2,}:\s*$/;

function contextEnd(text: string, section: NoteSection): number {
  const end = section.span.end;
  let out = end;
  let first = true;
  // Blank lines right under a heading alone on its line do not end it ("PAST MEDICAL
  // HISTORY:\n\nMigraine headaches."): only one after the section's first line of text.
  let seenText = false;
  forEachLine(
    text,
    (_, start, stop) => {
      if (start >= end) return false;
      stop = Math.min(stop, end);
      const last = trimEnd(text, start, stop);
      const blank = skipSpace(text, start, last) === last;
      let endsAt: number | undefined;
      if (first) {
        const c = text.charCodeAt(last - 1);
        if (!blank && (c === 46 || c === 33 || c === 63)) endsAt = stop;
        first = false;
      } else if (blank) {
        if (seenText) endsAt = start;
      } else if (CAPS_LABEL_AT_END.test(text.slice(Math.max(start, last - 40), last))) {
        // A heading flattened onto the line's end ("noncontributory,ADMIT EXAM:") opens what follows.
        endsAt = stop;
      }
      seenText ||= !blank;
      if (endsAt === undefined) return true;
      out = endsAt;
      return false;
    },
    section.bodyStart,
  );
  return out;
}

/** The longest line read as a title. */
const MAX_TITLE = 80;

/**
 * The note's title: its first line, when that line is a heading rather than a sentence (short,
 * no sentence's full stop, no colon: "INTRATHECAL TRIAL LOG", "Pump trial record").
 */
function titleSpan(text: string, from: number): { start: number; end: number } | undefined {
  let start = from;
  while (start < text.length && (text[start] === '\n' || text[start] === '\r' || text[start] === ' ')) start++;
  const eol = text.indexOf('\n', start);
  const end = eol < 0 ? text.length : eol;
  const line = text.slice(start, end).trimEnd();
  if (!line || line.length > MAX_TITLE || eol < 0 || /[.:;?!]$/.test(line) || line.includes(': ')) return undefined;
  return { start, end: start + line.length };
}

function sectionAt(sections: readonly NoteSection[], offset: number): NoteSection | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: NoteSection | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].span.start <= offset) {
      found = sections[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset < found.span.end ? found : undefined;
}
