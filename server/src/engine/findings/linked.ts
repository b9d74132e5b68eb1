/**
 * One gap, one diagnostic (SPEC 5). When a claim links a note and both bill the same code (the
 * note names it inline), the claim line carries the finding; the note's own mention shows it as
 * information pointing at that claim line. A note that no claim links keeps its severities.
 */
import type { CheckResult, Finding } from '../results';
import type { Range } from '../types';
import { reportedOnClaim } from './messages';

/** What a note needs to know of a claim that links it: its path, the notes, the billed lines. */
export interface ClaimLink {
  path: string;
  notes: readonly string[];
  lines: readonly { code: string; range: Range }[];
}

export function claimLink(result: CheckResult): ClaimLink | undefined {
  if (result.kind !== 'claim') return undefined;
  return { path: result.path, notes: result.linkedNotes, lines: result.determinations.map((d) => ({ code: d.code, range: d.range })) };
}

/** The note's findings, with those a linking claim also bills turned into pointers at the claim. */
export function foldIntoClaims(note: CheckResult, claims: Iterable<ClaimLink>): Finding[] {
  if (note.kind !== 'note') return note.findings;
  const billed = new Map<string, { path: string; range: Range }>();
  for (const c of claims) {
    if (!c.notes.includes(note.path)) continue;
    for (const l of c.lines) if (!billed.has(l.code)) billed.set(l.code, { path: c.path, range: l.range });
  }
  if (billed.size === 0) return note.findings;
  return note.findings.map((f) => {
    const on = f.code ? billed.get(f.code) : undefined;
    if (!on) return f;
    return {
      ...f,
      severity: f.severity === 'hint' ? 'hint' : 'information',
      related: [{ path: on.path, range: on.range, message: reportedOnClaim(on.path, on.range.start.line) }, ...f.related],
    };
  });
}

/** The CLI's view: every note result folded into the claims among the same results. */
export function foldLinkedGaps(results: readonly CheckResult[]): CheckResult[] {
  const links = results.map(claimLink).filter((l): l is ClaimLink => Boolean(l));
  if (links.length === 0) return [...results];
  return results.map((r) => (r.kind === 'note' ? { ...r, findings: foldIntoClaims(r, links) } : r));
}
