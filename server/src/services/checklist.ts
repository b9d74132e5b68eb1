/** The criterion-by-criterion checklist of a checked document (hovers, the checklist command). */
import { missReason, type CheckResult, type EvidenceRef, type NearMiss, type PolicyDetermination } from '../engine';
import { type Catalog, type SectionInfo, criterionLabel } from './catalog';
import { mdEscape, quote, statusWords, where } from './text';

export interface ChecklistItem {
  criterion: string;
  label: string;
  state: 'met' | 'missing' | 'advisory';
  evidence?: EvidenceRef;
  /** A criterion of several findings: the evidence of its other parts. */
  also?: readonly EvidenceRef[];
  /** For a missing criterion: the closest mention that did not count, and why. */
  nearMiss?: NearMiss;
}

export function checklistItems(pd: PolicyDetermination, catalog: Catalog): ChecklistItem[] {
  const nearMiss = (c: string) => pd.nearMisses.find((n) => n.criterion === c);
  return [
    ...pd.met.map((m) => ({
      criterion: m.criterion,
      label: criterionLabel(catalog, m.criterion),
      state: 'met' as const,
      evidence: m.evidence,
      ...(m.also ? { also: m.also } : {}),
    })),
    ...pd.missing.map((c) => ({ criterion: c, label: criterionLabel(catalog, c), state: 'missing' as const, nearMiss: nearMiss(c) })),
    ...pd.advisory.map((c) => ({ criterion: c, label: criterionLabel(catalog, c), state: 'advisory' as const, nearMiss: nearMiss(c) })),
  ];
}

/** A link target for a document line (hovers link evidence to the note line), if any. */
export type LineLink = (path: string, line: number) => string | undefined;

/** `line 12` / `visit.note line 12`, as a markdown link when `link` gives a target. */
function placeOf(path: string, line: number, currentPath: string, link?: LineLink): string {
  const text = where(path, line, currentPath);
  const target = link?.(path, line);
  return target ? `[${text}](${target})` : text;
}

/** One markdown bullet per criterion. */
export function renderItems(items: ChecklistItem[], currentPath: string, link?: LineLink): string[] {
  return items.map((it) => {
    if (it.state === 'met' && it.evidence) {
      const quoted = [it.evidence, ...(it.also ?? [])].map((ev) => `${quote(ev.text)} (${placeOf(ev.path, ev.line, currentPath, link)})`);
      return `- ✅ **${mdEscape(it.label)}**: ${quoted.join('; and ')}`;
    }
    const mark = it.state === 'advisory' ? '⚠️' : '❌';
    const tail = it.state === 'advisory' ? 'not documented (as applicable)' : 'not documented';
    let line = `- ${mark} **${mdEscape(it.label)}**: ${tail}`;
    const nm = it.nearMiss;
    if (nm) {
      const at = placeOf(nm.evidence.path, nm.evidence.line, currentPath, link);
      line += `; ${quote(nm.evidence.text)} at ${at} does not count: ${mdEscape(missReason(nm))}`;
    }
    return line;
  });
}

/**
 * "Anthem Blue Cross Connecticut MED.00132 §II": the section as the diagnostics cite it (the
 * determination's `reported` section, I.A.2), with a named path in parentheses (MP-442's pain).
 */
export function citation(pd: PolicyDetermination, section: SectionInfo | undefined): string {
  const payer = section?.policy.payer;
  const path = pd.alternative && pd.alternative !== pd.reported && pd.alternative !== pd.section ? ` (${pd.alternative})` : '';
  const id = `${pd.policy} §${pd.reported}${path}`;
  return payer ? `${payer} ${id}` : id;
}

/** The checklist command's document: every code, every governing policy, every criterion. */
export function renderChecklist(result: CheckResult, catalog: Catalog, title: string, link?: LineLink): string {
  const out = [`# Coverage checklist: ${mdEscape(title)}`, ''];
  if (result.determinations.length === 0) {
    out.push(
      result.kind === 'claim'
        ? 'No billed codes on this claim.'
        : 'No procedure codes mentioned in this note (write `CPT 15773` to have one checked).',
    );
    return out.join('\n') + '\n';
  }
  for (const d of result.determinations) {
    const desc = catalog.descriptor(d.code);
    out.push(`## ${d.code} (${where(result.path, d.line, result.path)}): ${statusWords(d.status)}`);
    if (desc) out.push('', `_${mdEscape(desc)}_`);
    if (d.policies.length === 0) out.push('', 'No loaded policy governs this code for this payer, plan and date.');
    for (const p of d.policies) {
      const s = catalog.section(p.policy, p.section);
      out.push('', `### ${citation(p, s)}${s ? `: ${mdEscape(s.title)}` : ''} (${statusWords(p.status)})`, '');
      if (p.exclusion) {
        const ev = p.exclusion.evidence;
        out.push(`- ⛔ ${mdEscape(p.exclusion.message)}${ev ? `: ${quote(ev.text)} (${where(ev.path, ev.line, result.path)})` : ''}`);
      }
      const items = renderItems(checklistItems(p, catalog), result.path, link);
      out.push(...(items.length ? items : ['- No documentation criteria for this section.']));
    }
    out.push('');
  }
  return out.join('\n');
}
