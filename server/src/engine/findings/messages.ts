/** How findings read: the code, the criterion in words, the citation, the evidence. */
import type { LoadedPolicy } from '../policies/load';
import { quote } from '../documents/text';
import type { NearMiss } from '../results';

/** "Anthem MED.00132": the shortest of the payer's names, then the policy id. */
export function policyLabel(p: LoadedPolicy): string {
  const names = [p.policy.payer, ...p.policy.aliases];
  const short = names.reduce((a, b) => (b.length < a.length ? b : a));
  return `${short} ${p.policy.id}`;
}

export function citation(p: LoadedPolicy, section: string): string {
  return `${policyLabel(p)} §${section}`;
}

/** How much of a piece of evidence a message quotes. */
const EVIDENCE_QUOTE = 90;

/** A piece of evidence, quoted for a message. */
export function quoteEvidence(text: string): string {
  return quote(text, EVIDENCE_QUOTE);
}

/** Why a mention near the criterion did not count, said plainly. */
export function nearMissText(m: NearMiss): string {
  const q = quoteEvidence(m.evidence.text);
  switch (m.reason) {
    case 'negated':
      return `${q} is negated ("${m.trigger}")`;
    case 'hypothetical':
      return `${q} is hypothetical ("${m.trigger}")`;
    case 'experiencer':
      return `${q} is about someone other than the patient ("${m.trigger}")`;
    case 'historical':
      return `${q} is historical ("${m.trigger}")`;
    case 'numeric':
      return m.value === undefined
        ? `${q} states no measurable pain reduction`
        : `${q} is ${fmt(m.value)}% pain reduction, ${notAbove(m)}`;
    default:
      return q;
  }
}

/** "not more than 50%": the threshold is the concept's (`numeric.greaterThan`), never a literal. */
function notAbove(m: NearMiss): string {
  return m.threshold === undefined ? 'not enough' : `not more than ${fmt(m.threshold)}%`;
}

/** Why a mention did not count, in words: messages, hovers and the checklist say it the same way. */
export const MISS_WORDS: Readonly<Record<NearMiss['reason'], string>> = {
  negated: 'negated',
  hypothetical: 'hypothetical',
  experiencer: 'about someone else',
  historical: 'historical',
  numeric: 'number too low',
  scope: 'about another site or procedure',
};

/** The reason alone, for related-information rows next to the quote. */
export function missReason(m: NearMiss): string {
  if (m.reason === 'numeric')
    return m.value === undefined ? 'no measurable pain reduction stated' : `${fmt(m.value)}% pain reduction, ${notAbove(m)}`;
  const what = MISS_WORDS[m.reason];
  return m.trigger ? `${what} ("${m.trigger}")` : what;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}
