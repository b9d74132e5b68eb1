/** How findings read: the code, the criterion in words, the citation, the evidence. */
import { basename } from 'node:path';
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

/**
 * One Problems row is about 100 columns (SPEC 5): a message holds the code, what is missing and
 * the citation; quotes and reasons go to relatedInformation and the hover.
 */
const MESSAGE_COLUMNS = 100;

/**
 * `<code>: <what><tail> (<citation>)` within MESSAGE_COLUMNS: a long `what` keeps its head (the
 * words before a parenthesis, colon, dash or sentence end), else is cut at a word with "…".
 */
export function rowMessage(code: string, what: string, cite: string, tail = ''): string {
  const room = MESSAGE_COLUMNS - `${code}: ${tail} (${cite})`.length;
  return `${code}: ${fitWords(what, room)}${tail} (${cite})`;
}

function fitWords(text: string, room: number): string {
  if (text.length <= room) return text;
  const head = text.split(/ \(| — |: |\. /)[0].replace(/[.,;:]+$/, '');
  if (head.length <= room) return head;
  const cut = head.slice(0, Math.max(1, room - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > room / 2 ? cut.slice(0, space) : cut}…`;
}

/** The related row of a note's mention whose finding the linking claim carries (0-based line). */
export function reportedOnClaim(claimPath: string, line: number): string {
  return `reported on the claim: ${basename(claimPath)} line ${line + 1}`;
}

/** How much of a piece of evidence a message quotes. */
const EVIDENCE_QUOTE = 90;

/** A piece of evidence, quoted for a message. */
export function quoteEvidence(text: string): string {
  return quote(text, EVIDENCE_QUOTE);
}

/** Why a mention near the criterion did not count, said plainly: the quote, then its reason in MISS_WORDS' words. */
export function nearMissText(m: NearMiss): string {
  const q = quoteEvidence(m.evidence.text);
  return m.reason === 'numeric' && m.value === undefined ? `${q} states no measurable pain reduction` : `${q} is ${missReason(m)}`;
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

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** The reason alone; without text (SARIF's default) it carries nothing read from the note. */
export function missReason(m: NearMiss, withText = true): string {
  // Without text (SARIF's default) neither the figure nor the trigger words read from the note.
  if (m.reason === 'numeric') {
    if (!withText) return `${notAbove(m)} pain reduction`;
    return m.value === undefined ? 'no measurable pain reduction stated' : `${fmt(m.value)}% pain reduction, ${notAbove(m)}`;
  }
  const what = MISS_WORDS[m.reason];
  return m.trigger && withText ? `${what} ("${m.trigger}")` : what;
}
