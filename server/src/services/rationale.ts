/**
 * The coverage rationale a utilization reviewer reads (SPEC 6, in the depth of seed 002): a
 * decision summary; per criterion every supporting quote with its note and line, grouped by
 * the site of each billed line; the cause and the failed conservative care when documented;
 * why each exclusion does not apply; the diagnoses; the benefit-limitation caveat; the gaps
 * with their documentation prompts; the per-code determination, codes argued the same way
 * together; citations in the policy's own words.
 *
 * Facts only: every sentence is built from the determinations, their evidence, the statements
 * the engine reads as documenting a criterion, the claim and the policy text. Where ClinLint
 * found nothing it says so as its own reading ("ClinLint found no statement ..."), never as a
 * fact about the patient. A claim with a gap gets no APPROVE line.
 */
import { basename } from 'node:path';
import {
  evidenceOf,
  missReason,
  type CheckResult,
  type ClaimDocument,
  type ClaimLine,
  type Determination,
  type Engine,
  type EvidenceRef,
  type Host,
  type PolicyDetermination,
} from '../engine';
import { type Catalog, type ExclusionInfo, type SectionInfo, criterionLabel } from './catalog';
import type { Icd10List } from './icd10';
import { policyQuote } from './policyQuote';
import { mdEscape, quote, snippetToText, statusWords, where } from './text';

/** Concepts the rationale reports when documented, whether or not a criterion asks for them (SPEC 6). */
const CAUSE = 'reconstructive-cause';
const CONSERVATIVE = 'conservative-therapy-failed';

interface RationaleInput {
  result: CheckResult;
  catalog: Catalog;
  title: string;
  /** Every statement that documents each criterion (Engine.documented), not only the first. */
  documented: ReadonlyMap<string, readonly EvidenceRef[]>;
  /** ICD-10-CM descriptions, when a code list is available at run time. */
  icd10?: Icd10List;
}

/** How reports name a document: `claim 2024-0117 (2024-0117.claim)`, else the file name. */
export function documentTitle(result: CheckResult): string {
  const id = result.document.kind === 'claim' ? result.document.claimId?.value : undefined;
  return id ? `claim ${id} (${basename(result.path)})` : basename(result.path);
}

/** The rationale of a checked document: the one renderer the editor command and the CLI share. */
export function draftRationale(engine: Engine, result: CheckResult, host: Host, catalog: Catalog, icd10?: Icd10List): string {
  return renderRationale({
    result,
    catalog,
    title: documentTitle(result),
    documented: engine.documented(result, host, criteriaToRead(result, catalog)),
    icd10,
  });
}

/** The criteria whose statements the rationale quotes: the determinations', exclusions', cause and care. */
function criteriaToRead(result: CheckResult, catalog: Catalog): Set<string> {
  const out = new Set<string>([CAUSE, CONSERVATIVE]);
  for (const d of result.determinations) {
    for (const p of d.policies) {
      for (const m of p.met) out.add(m.criterion);
      for (const c of [...p.missing, ...p.advisory]) out.add(c);
      for (const e of catalog.section(p.policy, p.section)?.exclusions ?? []) for (const c of [...e.when, ...e.unless]) out.add(c);
    }
  }
  return out;
}

/** A documentation prompt as the clinician's form: the engine's prompt text, its placeholders' bracketed instructions as blanks. */
function promptForm(catalog: Catalog, criterion: string): string | undefined {
  const prompt = catalog.concept(criterion)?.prompt;
  return prompt === undefined ? undefined : snippetToText(prompt);
}

interface Ctx extends RationaleInput {
  claim?: ClaimDocument;
  /** The claim line of each billed code, by the code's offset (a claim may bill thousands). */
  lines: Map<number, ClaimLine>;
  cite: (key: string, text: () => string) => string;
  at: (ev: EvidenceRef) => string;
}

function renderRationale(input: RationaleInput): string {
  const { result } = input;
  const refs: { key: string; text: string }[] = [];
  const ctx: Ctx = {
    ...input,
    claim: result.document.kind === 'claim' ? result.document : undefined,
    lines: new Map(result.document.kind === 'claim' ? result.document.lines.map((l) => [l.code.span.start, l]) : []),
    cite: (key, text) => {
      let i = refs.findIndex((r) => r.key === key);
      if (i < 0) i = refs.push({ key, text: text() }) - 1;
      return `[${i + 1}]`;
    },
    at: (ev) => `${where(ev.path, ev.line, result.path)} ${ctx.cite(`note:${ev.path}`, () => sourceRef(ev.path, result))}`,
  };
  const out = [`# Coverage rationale: ${mdEscape(input.title)}`, ''];
  const facts = headerFacts(ctx);
  if (facts) out.push(facts, '');
  if (result.determinations.length === 0) {
    out.push('No procedure codes to determine. Bill a code on a `line` of the claim, or mention it in the note as `CPT 15773`.');
    return out.join('\n') + '\n';
  }
  const blocks = policyBlocks(result.determinations);
  out.push('## Decision summary', '', ...summary(ctx, blocks), '');
  out.push(...diagnoses(ctx));
  for (const b of blocks) out.push(...criteriaBlock(ctx, b));
  out.push(...documentedConcept(ctx, CAUSE, 'Cause of the condition'));
  out.push(...documentedConcept(ctx, CONSERVATIVE, 'Conservative care'));
  out.push(...exclusionsBlock(ctx, blocks));
  out.push(...benefitLimitation(ctx));
  out.push(...gapsBlock(ctx, blocks));
  out.push(...determinationBlock(ctx));
  if (refs.length) out.push('## Citations', '', ...refs.map((r, i) => `${i + 1}. ${r.text}`), '');
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

// ---- the claim ----------------------------------------------------------------------------

function headerFacts(ctx: Ctx): string | undefined {
  const doc = ctx.result.document;
  const parts: string[] = [];
  if (ctx.claim?.claimId) parts.push(`Claim ${mdEscape(ctx.claim.claimId.value)}`);
  if (doc.payer) parts.push(`payer ${mdEscape(doc.payer.value)}`);
  if (doc.plan) parts.push(`plan ${doc.plan.value}`);
  if (doc.patient) parts.push(`patient ${mdEscape(doc.patient.value)}`);
  if (doc.date) parts.push(`date of service ${mdEscape(doc.date.value)}`);
  if (ctx.claim?.notes.length) parts.push(`notes: ${ctx.claim.notes.map((n) => mdEscape(basename(n.value))).join(', ')}`);
  return parts.length ? parts.join(' · ') : undefined;
}

function lineOf(ctx: Ctx, d: Determination): ClaimLine | undefined {
  return ctx.lines.get(d.span.start);
}

/** "claim line 2, 15774" (or "line 12" of a note). */
function codeAt(ctx: Ctx, d: Determination): string {
  const l = lineOf(ctx, d);
  return l ? `${d.code} (claim line ${l.number.value})` : `${d.code} (${where(ctx.result.path, d.line, ctx.result.path)})`;
}

/** The site a billed line names: its modifiers and its `;` description (SPEC 2.1). */
function siteOf(ctx: Ctx, d: Determination): string {
  const l = lineOf(ctx, d);
  if (!l) return '';
  const mods = l.modifiers.map((m) => m.value.toUpperCase());
  const desc = l.description?.value.trim() ?? '';
  return mods.length ? `${desc}${desc ? ' ' : ''}(modifier ${mods.join(', ')})` : desc;
}

function diagnoses(ctx: Ctx): string[] {
  const out = ['## Diagnoses', ''];
  const on = ctx.claim ? 'on the claim' : 'in the note';
  const missing = ctx.icd10 ? `not described ${on} or in ${mdEscape(ctx.icd10.source)}` : `not described ${on} (no ICD-10-CM list loaded)`;
  const describe = (code: string, own?: string) => {
    if (own) return mdEscape(own);
    const listed = ctx.icd10?.describe(code);
    return listed ? `${mdEscape(listed)} (${mdEscape(ctx.icd10!.source)})` : `_${missing}_`;
  };
  if (ctx.claim) {
    if (ctx.claim.dx.length === 0) return [...out, 'The claim lists no diagnosis codes.', ''];
    for (const dx of ctx.claim.dx) {
      const letter = dx.letter.value.toUpperCase();
      const billed = ctx.claim.lines
        .filter((l) => l.pointers.some((p) => p.value.toUpperCase() === letter))
        .map((l) => `${l.code.value} (line ${l.number.value})`);
      out.push(
        `- ${letter}: ${mdEscape(dx.normalized)} ${describe(dx.normalized, dx.description?.value)}${billed.length ? `; pointed to by ${billed.join(', ')}` : ''}`,
      );
    }
    return [...out, ''];
  }
  const doc = ctx.result.document;
  const codes =
    doc.kind === 'note' ? [...new Set(doc.mentions.filter((m) => m.scheme === 'icd10').map((m) => m.code.value.toUpperCase()))] : [];
  if (codes.length === 0) return [...out, 'The note names no ICD-10-CM codes.', ''];
  return [...out, ...codes.map((c) => `- ${mdEscape(c)} ${describe(c)}`), ''];
}

// ---- determinations grouped by policy section ---------------------------------------------

interface Entry {
  d: Determination;
  p: PolicyDetermination;
}

interface PolicyBlock {
  policy: string;
  section: string;
  alternative?: string;
  entries: Entry[];
}

function policyBlocks(ds: Determination[]): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  for (const d of ds) {
    for (const p of d.policies) {
      let b = blocks.find((x) => x.policy === p.policy && x.section === p.section && x.alternative === p.alternative);
      if (!b) blocks.push((b = { policy: p.policy, section: p.section, alternative: p.alternative, entries: [] }));
      b.entries.push({ d, p });
    }
  }
  return blocks;
}

function sectionOf(ctx: Ctx, p: { policy: string; section: string }): SectionInfo | undefined {
  return ctx.catalog.section(p.policy, p.section);
}

/** "Anthem Blue Cross Connecticut MED.00132 §I.A (I.A.1)" with its citation number. */
function citeSection(ctx: Ctx, p: PolicyDetermination | PolicyBlock): string {
  const s = sectionOf(ctx, p);
  const pd = 'entries' in p ? { ...p.entries[0].p } : p;
  const key = `policy:${p.policy}:${p.section}:${p.alternative ?? ''}`;
  const payer = s ? `${mdEscape(s.policy.payer)} ` : '';
  const title = s ? ` (${mdEscape(s.title)})` : '';
  return `${payer}${mdEscape(pd.policy)} §${mdEscape(pd.reported)}${title} ${ctx.cite(key, () => policyRef(pd, s))}`;
}

function policyRef(p: PolicyDetermination, s: SectionInfo | undefined): string {
  if (!s) return `${p.policy} §${p.section}.`;
  const pol = s.policy;
  const date = pol.revised ? `revised ${pol.revised}` : pol.effective ? `effective ${pol.effective}` : '';
  const head = `${mdEscape(pol.payer)}, ${mdEscape(pol.id)} "${mdEscape(pol.title)}"${date ? ` (${date})` : ''}, §${mdEscape(s.id)} ${mdEscape(s.title)}${p.alternative && p.alternative !== s.id ? `, as applied under ${mdEscape(p.alternative)}` : ''}:`;
  // One quoted paragraph per line of the policy: markdown would otherwise run a line after a
  // bullet into that bullet.
  const quoted = policyQuote(s.text, s.id, p.alternative).flatMap((l, i) => [...(i ? ['   >'] : []), `   > ${mdEscape(l)}`]);
  return [head, '', ...quoted, ''].join('\n');
}

function sourceRef(path: string, result: CheckResult): string {
  return path === result.path && result.kind === 'claim'
    ? `The claim, ${mdEscape(basename(path))}.`
    : `Clinical documentation: ${mdEscape(basename(path))}.`;
}

const codesOf = (ctx: Ctx, es: readonly Entry[]) => es.map((e) => codeAt(ctx, e.d)).join(', ');
const hasGaps = (ds: readonly Determination[]) => ds.some((d) => d.status === 'documentation-missing');

function summary(ctx: Ctx, blocks: PolicyBlock[]): string[] {
  const out: string[] = [];
  const ds = ctx.result.determinations;
  for (const b of blocks) {
    const by = (st: string) => b.entries.filter((e) => e.p.status === st);
    const ok = by('supported');
    const gap = by('documentation-missing');
    const no = by('not-covered');
    const cite = citeSection(ctx, b);
    if (ok.length) {
      const met = [...new Set(ok.flatMap((e) => e.p.met.map((m) => criterionLabel(ctx.catalog, m.criterion))))];
      out.push(`- ${codesOf(ctx, ok)}: the documentation meets ${cite}${met.length ? `: ${met.join('; ')} documented` : ''}.`);
    }
    if (gap.length) {
      const missing = [...new Set(gap.flatMap((e) => e.p.missing.map((c) => criterionLabel(ctx.catalog, c))))];
      out.push(
        `- ${codesOf(ctx, gap)}: cannot be approved as documented under ${cite}: ClinLint found no documentation of ${missing.join('; ')}.`,
      );
    }
    for (const e of no)
      out.push(
        `- ${codeAt(ctx, e.d)}: not covered under ${cite}: ${mdEscape(sentence(e.p.exclusion?.message ?? 'the policy excludes it'))}`,
      );
  }
  // A claim whose notes cannot be read has nothing to quote: say so before anything else.
  const unread = ctx.result.findings.filter((f) => f.rule === 'no-note' || f.rule === 'note-not-found');
  if (unread.length) out.unshift(...unread.map((f) => `- **No documentation read**: ${mdEscape(f.message)}.`), '');
  const none = ds.filter((d) => d.status === 'no-policy');
  if (none.length)
    out.push(
      `- ${none.map((d) => codeAt(ctx, d)).join(', ')}: no loaded policy governs ${none.length > 1 ? 'these codes' : 'this code'} for this payer, plan and date of service.`,
    );
  if (hasGaps(ds))
    out.push(
      '',
      `**Not ready for approval**: ${gapCount(ds)} documentation gap(s), listed under "What is missing" with the prompt that would close each.`,
    );
  return out;
}

function gapCount(ds: readonly Determination[]): number {
  return ds.reduce((n, d) => n + d.policies.reduce((m, p) => m + (p.status === 'documentation-missing' ? p.missing.length : 0), 0), 0);
}

// ---- criteria and their evidence ----------------------------------------------------------

const evKey = (ev: EvidenceRef) => `${ev.path}\u0000${ev.line}\u0000${ev.text}`;
const bullet = (ctx: Ctx, ev: EvidenceRef) => `- ${quote(ev.text, 240)} (${ctx.at(ev)})`;

function criteriaBlock(ctx: Ctx, b: PolicyBlock): string[] {
  const entries = b.entries.filter((e) => e.p.status !== 'not-covered');
  if (entries.length === 0) return [];
  const out = [`## Criteria: ${citeSection(ctx, b)}`, '', `Applied to ${codesOf(ctx, entries)}.`, ''];
  const criteria = [...new Set(entries.flatMap((e) => [...e.p.met.map((m) => m.criterion), ...e.p.missing]))];
  if (criteria.length === 0) out.push('The section asks for no documentation criteria.', '');
  // Sites: the billed lines' own sites; one group when they all bill the same site (or none).
  const sites = new Map<string, Entry[]>();
  for (const e of entries) {
    const site = siteOf(ctx, e.d);
    const group = sites.get(site);
    if (group) group.push(e);
    else sites.set(site, [e]);
  }
  for (const c of criteria) {
    const label = criterionLabel(ctx.catalog, c);
    const metBy = entries.filter((e) => e.p.met.some((m) => m.criterion === c));
    const state =
      metBy.length === entries.length ? 'documented' : metBy.length ? `documented for ${codesOf(ctx, metBy)} only` : 'not documented';
    out.push(`### ${mdEscape(capitalize(label))}: ${state}`, '');
    const used = new Set<string>();
    if (sites.size > 1) {
      for (const [site, es] of sites) {
        out.push(`**${site ? `Site: ${mdEscape(site)}` : 'No site on the claim line'}**: ${codesOf(ctx, es)}`, '');
        const own = es.flatMap((e) => e.p.met.filter((m) => m.criterion === c).flatMap(evidenceOf));
        // Every other statement about this site documents it too (SPEC 4.1), not only the first.
        const lineSites = new Set(es.flatMap((e) => e.d.sites ?? []));
        const sameSite = own.length ? (ctx.documented.get(c) ?? []).filter((ev) => ev.sites?.some((x) => lineSites.has(x))) : [];
        const evs = dedupe([...own, ...sameSite]);
        for (const ev of evs) used.add(evKey(ev));
        out.push(
          ...(evs.length
            ? evs.map((ev) => bullet(ctx, ev))
            : [`- ClinLint found no statement documenting ${mdEscape(label)} for this line.`]),
          '',
        );
      }
      const others = metBy.length ? (ctx.documented.get(c) ?? []).filter((ev) => !used.has(evKey(ev))) : [];
      if (others.length)
        out.push(
          `Other statements in the record that document ${mdEscape(label)} (ClinLint did not tie them to a billed line):`,
          '',
          ...others.map((ev) => bullet(ctx, ev)),
          '',
        );
    } else {
      const own = dedupe(entries.flatMap((e) => e.p.met.filter((m) => m.criterion === c).flatMap(evidenceOf)));
      const all = dedupe([...own, ...(own.length ? (ctx.documented.get(c) ?? []) : [])]);
      out.push(
        ...(all.length
          ? all.map((ev) => bullet(ctx, ev))
          : [`- ClinLint found no statement documenting ${mdEscape(label)} (see "What is missing").`]),
        '',
      );
    }
  }
  return out;
}

function dedupe(evs: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return evs.filter((ev) => !seen.has(evKey(ev)) && Boolean(seen.add(evKey(ev))));
}

/** The cause or the failed conservative care, quoted when the record documents it. */
function documentedConcept(ctx: Ctx, criterion: string, heading: string): string[] {
  const evs = ctx.documented.get(criterion) ?? [];
  // Documented and not asked for by a criterion (where it is quoted already, as under Centene I.A.1).
  const argued = ctx.result.determinations.some((d) =>
    d.policies.some((p) => p.met.some((m) => m.criterion === criterion) || p.missing.includes(criterion)),
  );
  if (evs.length === 0 || argued) return [];
  const policyWords = causeCitations(ctx, criterion);
  const lead = `Statements in the record documenting ${mdEscape(criterionLabel(ctx.catalog, criterion))}:`;
  return [`## ${heading}`, '', lead, '', ...evs.map((ev) => bullet(ctx, ev)), '', ...policyWords];
}

/** The applied sections whose benefit-limitation notice the documented cause triggers. */
function causeCitations(ctx: Ctx, criterion: string): string[] {
  const cites = new Set<string>();
  for (const d of ctx.result.determinations) {
    for (const p of d.policies) {
      const notice =
        criterion === CAUSE &&
        ctx.result.findings.some(
          (f) => f.rule === 'benefit-limitation' && f.code === d.code && f.policy === p.policy && f.section === p.section,
        );
      if (notice) cites.add(`See ${citeSection(ctx, p)}: its benefit-limitation notice for reconstructive services applies (below).`);
    }
  }
  return cites.size ? [...cites, ''] : [];
}

// ---- exclusions, benefit limitation, gaps -------------------------------------------------

function exclusionsBlock(ctx: Ctx, blocks: PolicyBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const entries = b.entries.filter((e) => e.p.status !== 'not-covered');
    const s = sectionOf(ctx, b);
    if (!entries.length || !s) continue;
    const codes = [...new Set(entries.map((e) => e.d.code))];
    const are = codes.length > 1 ? 'are' : 'is';
    for (const ex of s.exclusions) {
      const why = whyNot(ctx, entries, ex);
      if (why)
        out.push(
          `- **${mdEscape(capitalize(ex.reason))}** (${citeSection(ctx, b)}): the policy excludes: ${quote(ex.message, 400)} ${why}`,
        );
    }
    // The policy's cosmetic lists that name these codes (Centene §II.P) and did not govern them.
    const applied = (x: SectionInfo) => entries.some((e) => e.d.policies.some((p) => p.policy === x.policy.id && p.section === x.id));
    const lists = new Map<string, SectionInfo>();
    for (const code of codes)
      for (const x of ctx.catalog.sectionsFor(code))
        if (x.policy.id === b.policy && x.kind === 'cosmetic' && x.id !== b.section && !applied(x)) lists.set(x.id, x);
    for (const x of lists.values()) {
      for (const ex of x.exclusions) {
        const why = whyNot(ctx, entries, ex);
        if (why)
          out.push(
            `- **${mdEscape(capitalize(ex.reason))}** (${citeOther(ctx, x)}): the policy's cosmetic list names ${x.codes.map(mdEscape).join(', ')}: ${quote(ex.message, 400)} ${why}`,
          );
      }
    }
    // Not investigational: the policy's investigational sections do not list these codes.
    for (const inv of ctx.catalog.sectionsOf(b.policy).filter((x) => x.kind === 'investigational' && x.id !== b.section)) {
      out.push(
        `- **Investigational** (${citeOther(ctx, inv)}): that section governs ${inv.codes.map(mdEscape).join(', ')}; ${codes.join(', ')} ${are} not among them and ${are} governed by §${mdEscape(b.section)} (${mdEscape(s.title)}).`,
      );
    }
  }
  return out.length ? ['## Why the exclusions do not apply', '', ...out, ''] : [];
}

/** Why an exclusion did not apply to these lines, from the record; undefined when it could have. */
function whyNot(ctx: Ctx, entries: readonly Entry[], ex: ExclusionInfo): string | undefined {
  const whenDocs = ex.when.flatMap((c) => ctx.documented.get(c) ?? []);
  const what = ex.when.map((c) => mdEscape(criterionLabel(ctx.catalog, c))).join(', ');
  if (whenDocs.length === 0) return `ClinLint found no statement of ${what} in the record.`;
  const unlessMet = ex.unless.filter((c) =>
    entries.every((e) => e.p.met.some((m) => m.criterion === c) || (ctx.documented.get(c) ?? []).length > 0),
  );
  if (unlessMet.length === 0) return undefined;
  const mentions = whenDocs.map((ev) => `${quote(ev.text, 160)}, ${ctx.at(ev)}`).join('; ');
  const documented = unlessMet.map((c) => mdEscape(criterionLabel(ctx.catalog, c))).join(', ');
  return `The record mentions ${what} (${mentions}), but it documents ${documented}, and the exclusion applies only without it.`;
}

/** A section that determined none of these codes, cited by its number: `MED.00132 §I [3]`. */
function citeOther(ctx: Ctx, x: SectionInfo): string {
  const n = ctx.cite(`policy:${x.policy.id}:${x.id}:`, () => policyRef({ policy: x.policy.id, section: x.id } as PolicyDetermination, x));
  return `${mdEscape(x.policy.id)} §${mdEscape(x.id)} (${mdEscape(x.title)}) ${n}`;
}

function benefitLimitation(ctx: Ctx): string[] {
  const groups = new Map<string, { codes: string[]; text: string; cite: string }>();
  for (const f of ctx.result.findings) {
    if (f.rule !== 'benefit-limitation' || !f.policy || !f.section || !f.code) continue;
    const s = ctx.catalog.section(f.policy, f.section);
    const text = s?.notices.find((n) => n.rule === 'benefit-limitation')?.message ?? f.message;
    const key = `${f.policy}\u0000${f.section}\u0000${text}`;
    const g = groups.get(key) ?? { codes: [], text, cite: s ? citeOther(ctx, s) : `${mdEscape(f.policy)} §${mdEscape(f.section)}` };
    if (!g.codes.includes(f.code)) g.codes.push(f.code);
    groups.set(key, g);
  }
  if (groups.size === 0) return [];
  const out = ['## Benefit limitation', ''];
  for (const g of groups.values())
    out.push(
      `- ${g.codes.join(', ')} (${g.cite}): ${quote(g.text, 400)} The record documents a reconstructive cause, so check the member's benefit contract for reconstructive services.`,
    );
  return [...out, ''];
}

function gapsBlock(ctx: Ctx, blocks: PolicyBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const byCriterion = new Map<string, { entries: Entry[]; advisory: boolean }>();
    for (const e of b.entries) {
      if (e.p.status === 'not-covered') continue;
      const gaps = [
        ...(e.p.status === 'documentation-missing' ? e.p.missing.map((c) => [c, false] as const) : []),
        ...e.p.advisory.map((c) => [c, true] as const),
      ];
      for (const [c, advisory] of gaps) {
        const g = byCriterion.get(c) ?? { entries: [], advisory };
        g.entries.push(e);
        byCriterion.set(c, g);
      }
    }
    for (const [c, g] of byCriterion) {
      const label = criterionLabel(ctx.catalog, c);
      out.push(
        `### ${mdEscape(capitalize(label))}${g.advisory ? ' (as applicable)' : ''}: ${codesOf(ctx, g.entries)}, ${citeSection(ctx, b)}`,
        '',
      );
      out.push(
        g.advisory
          ? '- Not documented. The policy asks for it as applicable: it does not change the determination.'
          : '- ClinLint found no statement documenting it.',
      );
      const near = g.entries.flatMap((e) => e.p.nearMisses.filter((m) => m.criterion === c));
      for (const m of dedupeBy(near, (x) => evKey(x.evidence)))
        out.push(`- ${quote(m.evidence.text, 200)} (${ctx.at(m.evidence)}) does not count: ${mdEscape(missReason(m))}.`);
      const form = promptForm(ctx.catalog, c);
      if (form) out.push(`- Documentation prompt for the clinician, to complete in their own words: ${quote(form, 600)}`);
      out.push('');
    }
  }
  return out.length ? ['## What is missing', '', ...out] : [];
}

function dedupeBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && Boolean(seen.add(key(x))));
}

// ---- per-code determination ---------------------------------------------------------------

/** Codes argued the same way: same status, sections, criteria and the same evidence for each. */
function reasoningKey(d: Determination): string {
  return JSON.stringify([
    d.status,
    d.policies.map((p) => [
      p.policy,
      p.section,
      p.alternative,
      p.status,
      p.met.map((m) => [m.criterion, evKey(m.evidence)]),
      p.missing,
      p.exclusion?.reason,
      p.exclusion?.evidence && evKey(p.exclusion.evidence),
    ]),
  ]);
}

function determinationBlock(ctx: Ctx): string[] {
  const ds = ctx.result.determinations;
  const groups = new Map<string, Determination[]>();
  for (const d of ds) {
    const key = reasoningKey(d);
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const gaps = hasGaps(ds);
  const out = ['## Coverage determination', ''];
  for (const g of groups.values()) {
    const d = g[0];
    const codes = g.map((x) => codeAt(ctx, x)).join(', ');
    const under = d.policies.map((p) => citeSection(ctx, p)).join('; ');
    const same = g.length > 1 ? ' The same criteria and the same evidence apply to each.' : '';
    if (d.status === 'supported' && !gaps) out.push(`- **APPROVE** ${codes} as medically necessary under ${under}.${same}`);
    else if (d.status === 'supported')
      out.push(`- **Criteria met** for ${codes} under ${under}; not for approval while the claim has documentation gaps.${same}`);
    else if (d.status === 'documentation-missing') {
      const missing = [...new Set(d.policies.flatMap((p) => p.missing))].map((c) => criterionLabel(ctx.catalog, c));
      out.push(`- **PEND** ${codes}: documentation incomplete under ${under}; missing ${missing.map(mdEscape).join('; ')}.${same}`);
    } else if (d.status === 'not-covered') {
      const p = d.policies.find((x) => x.status === 'not-covered')!;
      const ev = p.exclusion?.evidence;
      const ex = sectionOf(ctx, p)?.exclusions.find((x) => x.reason === p.exclusion?.reason && x.message === p.exclusion?.message);
      const absent = (ex?.unless ?? [])
        .filter((c) => (ctx.documented.get(c) ?? []).length === 0)
        .map((c) => mdEscape(criterionLabel(ctx.catalog, c)));
      const without = absent.length ? ` ClinLint found no statement documenting ${absent.join(' or ')}.` : '';
      out.push(
        `- **DENY** ${codes}: not covered, ${mdEscape(p.exclusion?.reason ?? statusWords(p.status))}, under ${citeSection(ctx, p)}: ${quote(p.exclusion?.message ?? '', 400)}${ev ? `; documented as ${quote(ev.text, 200)} (${ctx.at(ev)})` : ''}.${without}${same}`,
      );
    } else
      out.push(
        `- **NO POLICY** ${codes}: no loaded policy governs ${g.length > 1 ? 'these codes' : 'this code'} for this payer, plan and date of service.`,
      );
  }
  return [...out, ''];
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Text ending with exactly one full stop. */
const sentence = (s: string) => s.replace(/[\s.]+$/, '') + '.';
