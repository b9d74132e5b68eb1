/**
 * Determinations: for one billed code, the status under each governing policy section
 * (SPEC 5), with the criteria met (and their evidence), missing, advisory and excluded.
 */
import type { Spanned } from '../documents/model';
import type { LineIndex } from '../lineIndex';
import type { Governing, PolicyRegistry } from '../policies/registry';
import type { LoadedPolicy } from '../policies/load';
import type { Notice, Requirement, Section } from '../policies/schema';
import type { CriterionMet, Determination, EvidenceRef, NearMiss, PolicyDetermination } from '../results';
import { STATUS_RANK, type Plan, type Span, type Status } from '../types';
import type { EvidenceSet, Found } from './evidenceSet';
import { criteriaOf, evaluate, type LineSites } from './tree';

export interface CodeOccurrence {
  code: string;
  span: Span;
  /** Drugs named on the claim line (pump codes). */
  drugs?: readonly Spanned[];
  /** The body sites the line is for (SPEC 4.1); undefined: no known site, every sentence counts. */
  sites?: readonly string[];
  /** The routes of administration it is given by; undefined: none known, every route counts. */
  routes?: readonly string[];
  /**
   * The sites the notes' procedure text names: for a line of no site of its own, whether an
   * alternative limited to some sites fits it (SPEC 3.1, I.A.4.b). Never scopes evidence.
   */
  procedureSites?: LineSites;
}

/** The sites that decide which alternatives fit the line: its own, else its notes' procedure text's. */
function fitSites(occ: CodeOccurrence): LineSites {
  return () => (occ.sites?.length ? occ.sites : occ.procedureSites?.());
}

export interface DetermineContext {
  registry: PolicyRegistry;
  evidence: EvidenceSet;
  /** The policies in scope: the payer's (or all when none is named), already filtered by plan. */
  policies: ReadonlySet<LoadedPolicy>;
  /** The checked document, for evidence found on the claim line itself (drugs). */
  self: { path: string; text: string; lines: LineIndex };
}

/** A notice (benefit limitation, unapproved drug) that applies to this code, with its evidence. */
interface FiredNotice {
  notice: Notice;
  policy: LoadedPolicy;
  section: Section;
  evidence?: EvidenceRef;
}

export interface CodeDetermination {
  determination: Determination;
  notices: FiredNotice[];
  governing: Governing[];
}

export function determineCode(ctx: DetermineContext, occ: CodeOccurrence, lines: LineIndex): CodeDetermination {
  // Asked once per criterion for this line: sections, `when`, exclusions and notices share answers
  // (a drug field would otherwise be re-read for every question about it).
  const answers = new Map<string, Found>();
  const found = (criterion: string): Found => {
    let f = answers.get(criterion);
    if (!f) {
      f = ctx.evidence.findForLine(criterion, occ.drugs, ctx.self, { sites: occ.sites, routes: occ.routes });
      answers.set(criterion, f);
    }
    return f;
  };
  const isMet = (criterion: string) => Boolean(found(criterion).met);
  const sites = fitSites(occ);
  const applicable = ctx.registry
    .sectionsFor(occ.code)
    .filter((g) => ctx.policies.has(g.policy) && (!g.section.when || evaluate(g.section.when, occ.code, isMet, sites).ok));
  const decided = applicable.map((g) => ({ g, d: determineSection(g, occ.code, sites, found, isMet) }));
  // A section that governs only when other sections are not met (CP.MP.31 §II applies only
  // when no I.A alternative is met, SPEC 3.1) is dropped once one of them is supported.
  const supported = new Set(decided.filter((x) => x.d.status === 'supported').map((x) => `${x.d.policy}\u0000${x.d.section}`));
  const kept = decided.filter((x) => !x.g.section.unlessMet?.some((id) => supported.has(`${x.d.policy}\u0000${id}`)));
  const governing = kept.map((x) => x.g);
  const policies: PolicyDetermination[] = kept.map((x) => x.d);
  const notices: FiredNotice[] = [];
  for (const g of governing) {
    for (const notice of g.section.notices ?? []) {
      if (notice.when && !evaluate(notice.when, occ.code, isMet, sites).ok) continue;
      const evidence = notice.when ? firstEvidence(notice.when, occ.code, found).evidence : undefined;
      notices.push({ notice, policy: g.policy, section: g.section, evidence });
    }
  }
  const status: Status = policies.reduce<Status>(
    (worst, p) => (STATUS_RANK[p.status] > STATUS_RANK[worst] ? p.status : worst),
    'no-policy',
  );
  return {
    determination: {
      code: occ.code,
      line: lines.lineOf(occ.span.start),
      span: occ.span,
      range: lines.range(occ.span),
      status,
      policies,
      ...(occ.sites?.length ? { sites: occ.sites } : {}),
      ...(occ.routes?.length ? { routes: occ.routes } : {}),
    },
    notices,
    governing,
  };
}

function determineSection(
  g: Governing,
  code: string,
  sites: LineSites,
  found: (c: string) => Found,
  isMet: (c: string) => boolean,
): PolicyDetermination {
  const { section } = g;
  const base = {
    policy: g.policy.policy.id,
    section: section.id,
    reported: section.id,
    met: [] as CriterionMet[],
    nearMisses: [] as NearMiss[],
  };
  const advisory = (section.advisory ?? []).filter((c) => !isMet(c));
  for (const ex of section.exclusions ?? []) {
    if (!evaluate(ex.when, code, isMet, sites).ok) continue;
    return {
      ...base,
      status: 'not-covered',
      missing: [],
      advisory,
      exclusion: { reason: ex.reason, message: ex.message, ...firstEvidence(ex.when, code, found) },
    };
  }
  if (section.kind === 'investigational' || section.kind === 'cosmetic') {
    return {
      ...base,
      status: 'not-covered',
      missing: [],
      advisory,
      exclusion: { reason: section.kind, message: section.title },
    };
  }
  if (!section.requires) return { ...base, status: 'supported', missing: [], advisory };
  const r = evaluate(section.requires, code, isMet, sites);
  const met = r.met.map((criterion) => {
    const f = found(criterion);
    return { criterion, evidence: f.met!, ...(f.also ? { also: f.also } : {}) };
  });
  const nearMisses = r.missing.map((c) => found(c).miss).filter((m): m is NearMiss => Boolean(m));
  return {
    ...base,
    alternative: r.alternative,
    // A numbered sub-section (I.A.1) is what the finding cites; a named path (pain) is not.
    reported: r.alternative?.startsWith(section.id + '.') ? r.alternative : section.id,
    status: r.ok ? 'supported' : 'documentation-missing',
    met,
    missing: r.missing,
    advisory,
    nearMisses,
  };
}

/** The first documented criterion of a condition, with its evidence (what triggered it). */
function firstEvidence(when: Requirement, code: string, found: (c: string) => Found): { criterion?: string; evidence?: EvidenceRef } {
  for (const c of criteriaOf(when, code)) {
    const f = found(c);
    if (f.met) return { criterion: c, evidence: f.met };
  }
  return {};
}

/** Policies in scope for a document: the payer's (all when none is named), on the plan. */
export function policiesInScope(
  registry: PolicyRegistry,
  payer: string | undefined,
  plan: Plan,
): { policies: Set<LoadedPolicy>; unknownPayer: boolean } {
  const byPayer = payer ? registry.matchPayer(payer) : registry.policies;
  if (!byPayer) return { policies: new Set(), unknownPayer: true };
  return { policies: new Set(byPayer.filter((p) => p.policy.plans.includes(plan))), unknownPayer: false };
}
