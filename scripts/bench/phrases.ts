/**
 * The phrase set of the ripgrep floor: every concept pattern and context trigger expanded to
 * its alternatives, each cut at numbers and gaps into runs of literal words (a prefix word
 * is its prefix): what a fixed-string scanner can look for.
 */
import type { Engine } from '../../server/src/engine';
import { LEXICON } from '../../server/src/engine/evidence/context/lexicon';
import { compilePattern } from '../../server/src/engine/evidence/pattern';

export function phraseSet(engine: Engine): string[] {
  const sources: string[] = [];
  for (const t of LEXICON) sources.push(...t.phrases);
  for (const c of engine.compiled.concepts.values()) sources.push(...c.patterns, ...(c.near ?? []));
  const phrases = new Set<string>();
  for (const source of sources) {
    let alternatives;
    try {
      alternatives = compilePattern(source);
    } catch {
      continue; // reported as a policy error by the engine
    }
    for (const steps of alternatives) {
      let run: string[] = [];
      const flush = () => {
        if (run.length) phrases.add(run.join(' '));
        run = [];
      };
      for (const step of steps) {
        if (step.kind === 'lit' || step.kind === 'prefix') run.push(step.text);
        else flush();
      }
      flush();
    }
  }
  return [...phrases].sort();
}
