/**
 * Compiles every concept pattern, every `near` anchor and the context lexicon into one
 * automaton, once per policy set.
 */
import type { Concept } from '../policies/schema';
import { Automaton } from './automaton';
import { LEXICON, type TriggerEntry } from './context/lexicon';
import { compilePattern, PatternError } from './pattern';

export type Entry =
  | { type: 'concept'; concept: string }
  | { type: 'near'; concept: string }
  | { type: 'except'; concept: string }
  | { type: 'trigger'; trigger: TriggerEntry };

export interface PatternProblem {
  concept: string;
  /** Index of the pattern in the concept's `patterns` (or `near`) list. */
  field: 'patterns' | 'near' | 'except';
  index: number;
  message: string;
  /** The offending characters `[start, end)` in the pattern string, when one construct is to blame. */
  at?: { start: number; end: number };
}

export interface CompiledConcepts {
  automaton: Automaton;
  entries: Entry[];
  concepts: Map<string, Concept>;
  problems: PatternProblem[];
}

export function compileConcepts(concepts: Iterable<Concept>): CompiledConcepts {
  const automaton = new Automaton();
  const entries: Entry[] = [];
  const problems: PatternProblem[] = [];
  const byId = new Map<string, Concept>();
  const add = (source: string, entry: Entry): PatternError | undefined => {
    try {
      const id = entries.length;
      const alternatives = compilePattern(source);
      entries.push(entry);
      for (const steps of alternatives) automaton.add(steps, id);
      return undefined;
    } catch (e) {
      if (e instanceof PatternError) return e;
      throw e;
    }
  };
  for (const trigger of LEXICON) {
    for (const phrase of trigger.phrases) {
      const err = add(phrase, { type: 'trigger', trigger });
      if (err) throw new Error(`context lexicon: ${err.message}`);
    }
  }
  for (const c of concepts) {
    byId.set(c.id, c);
    c.patterns.forEach((p, index) => {
      const err = add(p, { type: 'concept', concept: c.id });
      if (err) problems.push({ concept: c.id, field: 'patterns', index, message: err.message, at: err.at });
    });
    for (const field of ['near', 'except'] as const) {
      (c[field] ?? []).forEach((p, index) => {
        const err = add(p, { type: field, concept: c.id });
        if (err) problems.push({ concept: c.id, field, index, message: err.message, at: err.at });
      });
    }
  }
  return { automaton, entries, concepts: byId, problems };
}
