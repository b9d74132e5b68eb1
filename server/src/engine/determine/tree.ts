/**
 * Evaluates a requirement tree against the evidence. For an `any` that fails, the missing
 * criteria reported are those of the alternative closest to being met: the fewest missing
 * required criteria, ties to the alternative listed first (SPEC 5).
 */
import { codeFits } from '../policies/registry';
import type { Requirement } from '../policies/schema';

export interface TreeResult {
  ok: boolean;
  /** Criteria documented along the reported path. */
  met: string[];
  /** Criteria still to document along the reported path. */
  missing: string[];
  /** The id of the alternative reported (satisfied, or closest to being met). */
  alternative?: string;
}

/** The billed line's body sites, asked only by an alternative limited to some sites (it may cost a read of the notes). */
export type LineSites = () => readonly string[] | undefined;

/**
 * @param sites the billed line's body sites (SPEC 4.1), for alternatives limited to some sites
 *   (`siteOnly`); none when the line names none.
 */
export function evaluate(node: Requirement, code: string, isMet: (criterion: string) => boolean, sites?: LineSites): TreeResult {
  if (typeof node === 'string') {
    const ok = isMet(node);
    return ok ? { ok, met: [node], missing: [] } : { ok, met: [], missing: [node] };
  }
  if ('not' in node) {
    const inner = evaluate(node.not, code, isMet, sites);
    // A negated requirement has nothing to document: report no criteria either way.
    return { ok: !inner.ok, met: [], missing: [] };
  }
  if ('all' in node) {
    const parts = node.all.map((n) => evaluate(n, code, isMet, sites));
    return {
      ok: parts.every((p) => p.ok),
      met: parts.flatMap((p) => p.met),
      missing: parts.flatMap((p) => p.missing),
      alternative: node.id ?? parts.find((p) => p.alternative)?.alternative,
    };
  }
  const options = alternativesFor(node.any, code, sites);
  if (options.length === 0) return { ok: false, met: [], missing: [], alternative: node.id };
  const results = options.map((n) => evaluate(n, code, isMet, sites));
  const satisfied = results.find((r) => r.ok);
  if (satisfied) return { ...satisfied, alternative: satisfied.alternative ?? node.id };
  let best = results[0];
  for (const r of results) if (r.missing.length < best.missing.length) best = r;
  return { ...best, ok: false, alternative: best.alternative ?? node.id };
}

/** Every criterion a tree mentions (for prompts and templates). */
export function criteriaOf(node: Requirement, code?: string): string[] {
  if (typeof node === 'string') return [node];
  if ('not' in node) return [];
  const kids = 'all' in node ? node.all : code ? alternativesFor(node.any, code) : node.any;
  return [...new Set(kids.flatMap((n) => criteriaOf(n, code)))];
}

/** The criteria a tree requires to be absent (under a `not`): what keeps an exclusion away. */
export function negatedCriteria(node: Requirement): string[] {
  if (typeof node === 'string') return [];
  if ('not' in node) return criteriaOf(node.not);
  const kids = 'all' in node ? node.all : node.any;
  return [...new Set(kids.flatMap(negatedCriteria))];
}

/**
 * The alternatives of an `any` that apply to `code` (an alternative may name its codes: I.A.2
 * skin tags) at the line's sites (I.A.4.b fits 15773/15774 only at a facial site: a line that
 * names no site does not fit it).
 */
function alternativesFor(options: readonly Requirement[], code: string, sites?: LineSites): Requirement[] {
  return options.filter((n) => {
    if (typeof n === 'string' || 'not' in n) return true;
    if (n.codes && !codeFits(code, n.codes)) return false;
    if (n.siteOnly && codeFits(code, n.siteOnly.codes)) return (sites?.() ?? []).some((s) => n.siteOnly!.sites.includes(s));
    return true;
  });
}
