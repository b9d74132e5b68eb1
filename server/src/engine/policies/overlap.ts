/**
 * Overlapping policies (issue 13 F14): a user policy that governs codes a bundled policy also
 * governs, for the same payer and a plan they share, changes what those codes get (every policy
 * in scope applies and the worst status wins), so a user policy claiming `00000-99999` for BCBS
 * would silently make every BCBS code "not covered" beside MP-442. It is not an error (a payer's
 * local policy may rightly add to the bundled one): an information diagnostic on the user's
 * file names both policies and a code they share.
 */
import type { LoadedPolicy, PolicyFileError } from './load';
import { codeAt, normalizePayer, parseCodeRef, sameShape, type CodeRange } from './registry';

export function overlapNotices(bundled: readonly LoadedPolicy[], user: readonly LoadedPolicy[]): PolicyFileError[] {
  const notices: PolicyFileError[] = [];
  for (const u of user) {
    for (const b of bundled) {
      if (!samePayer(u, b) || !u.policy.plans.some((p) => b.policy.plans.includes(p))) continue;
      const hit = firstSharedCode(u, b);
      if (!hit) continue;
      notices.push({
        path: u.path,
        severity: 'information',
        message:
          `policy ${u.policy.id} governs codes that the bundled policy ${b.policy.id} (${b.policy.payer}) also governs ` +
          `for this payer (e.g. ${hit.code} in §${hit.section}): both apply to them, and the worst status wins`,
        range: u.sectionRanges.get(hit.section) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return notices;
}

function samePayer(a: LoadedPolicy, b: LoadedPolicy): boolean {
  const names = new Set([a.policy.payer, ...a.policy.aliases].map(normalizePayer));
  return [b.policy.payer, ...b.policy.aliases].some((n) => names.has(normalizePayer(n)));
}

/** The first code of `u` (section order) inside a range `b` governs, with the section of `u`. */
function firstSharedCode(u: LoadedPolicy, b: LoadedPolicy): { code: string; section: string } | undefined {
  const theirs: CodeRange[] = [];
  for (const s of b.policy.sections) {
    for (const ref of s.codes) {
      const r = parseCodeRef(ref);
      if (r) theirs.push(r);
    }
  }
  for (const s of u.policy.sections) {
    for (const ref of s.codes) {
      const mine = parseCodeRef(ref);
      if (!mine) continue;
      for (const t of theirs) {
        const shared = intersection(mine, t);
        if (shared !== undefined) return { code: shared, section: s.id };
      }
    }
  }
  return undefined;
}

/** The first code two ranges share, written as the policy writes codes; undefined when none. */
function intersection(a: CodeRange, b: CodeRange): string | undefined {
  if (!sameShape(a.first, b.first)) return undefined;
  const lo = Math.max(a.first.num, b.first.num);
  return lo > Math.min(a.last.num, b.last.num) ? undefined : codeAt(a.first, lo);
}
