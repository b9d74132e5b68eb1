/**
 * Compiles every concept pattern, every `near` anchor and the context lexicon into one
 * automaton, once per policy set.
 */
import type { Concept, LexicalClass } from '../policies/schema';
import { Automaton } from './automaton';
import { LEXICON, type TriggerEntry } from './context/lexicon';
import { parseFragment, parsePattern, PatternError, type PatternNode } from './pattern';
import { PromptMask } from './promptMask';

type Entry =
  | { type: 'concept'; concept: string }
  | { type: 'near'; concept: string }
  | { type: 'except'; concept: string }
  | { type: 'outOfScope'; concept: string }
  /**
   * A body site word (lexical classes `site-<region>`), or a route of administration
   * (`route-<name>`): what a sentence or a claim line is about.
   */
  | { type: 'site'; kind: ScopeKind; region: string; within?: string; byFunction?: boolean }
  /** Words that name a site but are not about it ("hand therapy", "on the other hand"): class `not-site`. */
  | { type: 'notSite' }
  /**
   * Words that refer back to the sentence before ("at that dose", "despite all of this"): class
   * `anaphor`, or the class a concept's `anaphora` names (`cls`).
   */
  | { type: 'anaphor'; cls: string }
  /** Words naming a deformed or lost structure (class `deformity`): a donor site that is treated. */
  | { type: 'deformity' }
  /** Words withdrawing what the note said ("is retracted", "entered in error"): class `retraction`. */
  | { type: 'retraction' }
  /** One pattern of a `together` combination: all parts of the combination in one sentence. */
  | {
      type: 'part';
      concept: string;
      combination: number;
      part: number;
      parts: number;
      inOrder: boolean;
      cid: number;
      /** The concept may take parts from the sentence before (`anaphora`). */
      reachesBack: boolean;
    }
  | { type: 'trigger'; trigger: TriggerEntry };

interface PatternProblem {
  concept: string;
  /** The concept's field at fault: a list of patterns, or its `anaphora` class. */
  field: 'patterns' | 'near' | 'except' | 'outOfScope' | 'together' | 'anaphora';
  /** Index of the pattern in that list (none for `anaphora`). */
  index?: number;
  message: string;
  /** The offending characters `[start, end)` in the pattern string, when one construct is to blame. */
  at?: { start: number; end: number };
}

export interface CompiledConcepts {
  automaton: Automaton;
  entries: Entry[];
  concepts: Map<string, Concept>;
  problems: PatternProblem[];
  /** Blanks ClinLint's own documentation prompts out of a text before it is read (SPEC 4.2). */
  prompts: PromptMask;
}

/**
 * Budget of the whole automaton, in pattern steps after alternatives are expanded (the bundled
 * concepts and the context lexicon take about 50,000): a hostile policy folder cannot make it
 * take gigabytes. Patterns past the budget are policy errors.
 */
const MAX_TOTAL_STEPS = 1_000_000;
const OVER_BUDGET = `the loaded concept patterns expand to more than ${MAX_TOTAL_STEPS} steps`;

/**
 * What scopes evidence to a claim line (SPEC 4.1): body sites, from lexical classes named
 * `site-<region>`; and routes of administration, from classes named `route-<name>`, which scope
 * only the concepts that ask for `sameRoute` (MP-442: a trial by the same route as the pump).
 */
export type ScopeKind = 'site' | 'route';
const SCOPE_PREFIXES: readonly [ScopeKind, string][] = [
  ['site', 'site-'],
  ['route', 'route-'],
];
/**
 * A site within a site: `site-face-temple` is part of `site-face` when that class exists. A
 * sentence naming it names the face too, and two parts of one site are not each other's
 * (SPEC 4.1: the lips' deficit is not the temple's).
 */
function parentRegion(prefix: string, region: string, classes: ReadonlyMap<string, LexicalClass>): string | undefined {
  for (let i = region.lastIndexOf('-'); i > 0; i = region.lastIndexOf('-', i - 1)) {
    if (classes.has(prefix + region.slice(0, i))) return region.slice(0, i);
  }
  return undefined;
}

/**
 * A site class of the functions only that site serves ("walking" is the legs' and the feet's):
 * such a word names the site only in a sentence that names no site by its anatomy, so "she
 * has to stop after a block because the balls of her feet hurt" is the feet's, not the thigh's.
 */
const FUNCTIONS_SUFFIX = '-functions';

const NOT_SITE = 'not-site';
const ANAPHOR = 'anaphor';
const DEFORMITY = 'deformity';
const RETRACTION = 'retraction';
/** The classes the engine reads by name, besides concept patterns (a Map: any id is safe). */
const NAMED_CLASSES: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  [NOT_SITE, { type: 'notSite' }],
  [ANAPHOR, { type: 'anaphor', cls: ANAPHOR }],
  [DEFORMITY, { type: 'deformity' }],
  [RETRACTION, { type: 'retraction' }],
]);

/**
 * The lexical classes of a policy set, each parsed once into the tree that `@id` stands for
 * (`@failure` is the alternation `(failed|ineffective|...)`), shared by every pattern that names
 * it. The limits are those of the class written out as text: a hostile lexicon nesting classes
 * cannot double its size at each level, nor name itself.
 */
class ClassTrees {
  private readonly trees = new Map<string, { node: PatternNode; length: number; height: number }>();

  constructor(private readonly classes: ReadonlyMap<string, LexicalClass>) {}

  /** The tree of class `id` named at nesting depth `within.length` (the classes it is named in). */
  resolve(id: string, within: readonly string[] = []): PatternNode {
    const known = this.trees.get(id);
    if (known && within.length + known.height <= MAX_CLASS_DEPTH) return known.node;
    return this.parse(id, within).node;
  }

  private parse(id: string, within: readonly string[]): { node: PatternNode; length: number; height: number } {
    const ref = '@' + id;
    const c = this.classes.get(id);
    if (!c)
      throw new PatternError(
        `unknown lexical class ${ref} (policies/lexicon/ defines ${[...this.classes.keys()].map((k) => '@' + k).join(', ') || 'none'})`,
      );
    const path = [...within, id];
    if (within.includes(id)) throw new PatternError(`lexical class ${ref} contains itself (${path.map((k) => '@' + k).join(' > ')})`);
    if (within.length >= MAX_CLASS_DEPTH) throw new PatternError(`lexical class ${ref} is nested more than ${MAX_CLASS_DEPTH} deep`);
    const alt: PatternNode[][] = [];
    let length = 0;
    let height = 1;
    for (const phrase of c.phrases) {
      // The phrase's length written out: its own text, each class it names written out instead.
      let part = phrase.length;
      const seq = parseFragment(phrase, (inner) => {
        const node = this.resolve(inner, path);
        const t = this.trees.get(inner)!;
        part += t.length - inner.length - 1;
        height = Math.max(height, t.height + 1);
        return node;
      });
      length += part + 1;
      if (length > MAX_CLASS_TEXT) throw new PatternError(`lexical class ${ref} expands to more than ${MAX_CLASS_TEXT} characters`);
      alt.push(seq);
    }
    const parsed = { node: { alt }, length: length + 1, height };
    this.trees.set(id, parsed);
    return parsed;
  }
}

/** How deep classes may nest, and how long one class may grow written out (the bundled ones: 2 and 9,000). */
const MAX_CLASS_DEPTH = 4;
const MAX_CLASS_TEXT = 200_000;

/** The class of words a concept reaches back to the sentence before with (`anaphora`), if any. */
export function anaphorClass(concept: Concept | undefined): string | undefined {
  const a = concept?.anaphora;
  return a === true ? ANAPHOR : a || undefined;
}

export function compileConcepts(conceptList: Iterable<Concept>, lexicon: Iterable<LexicalClass> = []): CompiledConcepts {
  const concepts = [...conceptList];
  const classes = new Map([...lexicon].map((c) => [c.id, c]));
  // Classes a concept names as its own words referring back, besides `anaphor` itself.
  const ownAnaphors = new Set(concepts.map(anaphorClass).filter((id): id is string => id !== undefined && id !== ANAPHOR));
  const trees = new ClassTrees(classes);
  const automaton = new Automaton();
  const entries: Entry[] = [];
  const problems: PatternProblem[] = [];
  const byId = new Map<string, Concept>();
  let steps = 0;
  let combinations = 0;
  const add = (source: string, entry: Entry): PatternError | undefined => {
    try {
      const id = entries.length;
      // Once the budget is spent, the rest is refused without being compiled.
      if (steps >= MAX_TOTAL_STEPS) return new PatternError(`${OVER_BUDGET}; this pattern is not loaded`);
      const pattern = parsePattern(source, (id) => trees.resolve(id));
      if (steps + pattern.steps > MAX_TOTAL_STEPS) {
        steps = MAX_TOTAL_STEPS;
        return new PatternError(`${OVER_BUDGET} (this pattern adds ${pattern.steps}); it is not loaded`);
      }
      steps += pattern.steps;
      entries.push(entry);
      automaton.addTree(pattern.seq, id, pattern.count);
      return undefined;
    } catch (e) {
      // A position in a pattern whose classes were written out is not a position in its source.
      if (e instanceof PatternError) return source.includes('@') ? new PatternError(e.message) : e;
      // Nothing a policy author writes may throw out of the load (SPEC 9): any other error
      // (a stack exhausted by a shape no limit foresaw) is this pattern's problem too.
      return new PatternError(
        `this pattern cannot be compiled (${e instanceof RangeError ? 'it is too deeply nested or too large' : String((e as Error)?.message ?? e)})`,
      );
    }
  };
  for (const trigger of LEXICON) {
    for (const phrase of trigger.phrases) {
      const err = add(phrase, { type: 'trigger', trigger });
      if (err) throw new Error(`context lexicon: ${err.message}`);
    }
  }
  // Body sites and routes scope evidence to the lines billed for that site or route (SPEC 4.1).
  for (const c of classes.values()) {
    const entry = NAMED_CLASSES.get(c.id) ?? (ownAnaphors.has(c.id) ? ({ type: 'anaphor', cls: c.id } as const) : undefined);
    if (entry) {
      c.phrases.forEach((phrase, index) => {
        const err = add(phrase, entry);
        if (err) problems.push({ concept: c.id, field: 'patterns', index, message: err.message });
      });
      continue;
    }
    const scope = SCOPE_PREFIXES.find(([, prefix]) => c.id.startsWith(prefix));
    if (!scope) continue;
    // `site-leg-functions` holds what only the leg serves (walking): the leg's, by function.
    const byFunction = c.id.endsWith(FUNCTIONS_SUFFIX);
    const region = c.id.slice(scope[1].length, byFunction ? -FUNCTIONS_SUFFIX.length : undefined);
    const within = parentRegion(scope[1], region, classes);
    const siteEntry: Entry = { type: 'site', kind: scope[0], region, ...(within ? { within } : {}), ...(byFunction ? { byFunction } : {}) };
    c.phrases.forEach((phrase, index) => {
      const err = add(phrase, siteEntry);
      if (err) problems.push({ concept: c.id, field: 'patterns', index, message: err.message });
    });
  }
  for (const c of concepts) {
    byId.set(c.id, c);
    const before = problems.length;
    const anaphors = anaphorClass(c);
    if (anaphors && !classes.has(anaphors))
      problems.push({ concept: c.id, field: 'anaphora', message: `names lexical class @${anaphors}, which policies/lexicon/ lacks` });
    c.patterns.forEach((p, index) => {
      const err = add(p, { type: 'concept', concept: c.id });
      if (err) problems.push({ concept: c.id, field: 'patterns', index, message: err.message, at: err.at });
    });
    (c.together ?? []).forEach((combination, index) => {
      // One number per combination of the whole set: the analyser keys its state by it.
      const cid = combinations++;
      const inOrder = !Array.isArray(combination);
      const list = Array.isArray(combination) ? combination : combination.inOrder;
      list.forEach((p, part) => {
        const reachesBack = anaphors !== undefined;
        const err = add(p, { type: 'part', concept: c.id, combination: index, part, parts: list.length, inOrder, cid, reachesBack });
        if (err) problems.push({ concept: c.id, field: 'together', index, message: `part ${part + 1}: ${err.message}` });
      });
    });
    for (const field of ['near', 'except', 'outOfScope'] as const) {
      (c[field] ?? []).forEach((p, index) => {
        const err = add(p, { type: field, concept: c.id });
        if (err) problems.push({ concept: c.id, field, index, message: err.message, at: err.at });
      });
    }
    // Past the budget every later pattern fails alike: one error per concept says so.
    const over = problems.slice(before).filter((p) => p.message.startsWith(OVER_BUDGET));
    if (over.length > 1) {
      const keep = problems.slice(before).filter((p) => !p.message.startsWith(OVER_BUDGET));
      problems.length = before;
      for (const p of keep) problems.push(p);
      problems.push({ ...over[0], message: `${over[0].message}, nor are ${over.length - 1} more patterns of this concept` });
    }
  }
  return { automaton, entries, concepts: byId, problems, prompts: new PromptMask(byId.values()) };
}
