/**
 * A coverage rationale draft in the style of a reviewer's memo (seed 002): a decision line,
 * then per code and policy the criteria met with the evidence quoted and its line, what is
 * still missing, and numbered citations.
 */
import { basename } from 'node:path';
import type { CheckResult, Determination, PolicyDetermination } from '../engine';
import { type Catalog, criterionLabel } from './catalog';
import { citation } from './checklist';
import { mdEscape, quote, snippetToText, where } from './text';

const DECISION: Record<string, string> = {
  supported: 'APPROVE as medically necessary',
  'documentation-missing': 'PEND: documentation incomplete',
  'not-covered': 'DENY: not covered',
  'no-policy': 'NO POLICY: no loaded policy governs this code',
};

export function renderRationale(result: CheckResult, catalog: Catalog, title: string): string {
  const refs: string[] = [];
  const cite = (text: string) => {
    let i = refs.indexOf(text);
    if (i < 0) i = refs.push(text) - 1;
    return `[${i + 1}]`;
  };
  const out = [`# Coverage rationale: ${mdEscape(title)}`, ''];
  if (result.determinations.length === 0) {
    out.push('No procedure codes to determine. Bill a code on a `line` of the claim, or mention it in the note as `CPT 15773`.');
    return out.join('\n') + '\n';
  }
  out.push(summary(result.determinations, catalog), '');

  for (const d of result.determinations) {
    const desc = catalog.descriptor(d.code);
    out.push(`## ${d.code}${desc ? `: ${mdEscape(desc)}` : ''}`, '');
    if (d.policies.length === 0) out.push('No loaded policy governs this code for this payer, plan and date of service.', '');
    for (const p of d.policies) out.push(...policyBlock(result, catalog, p, cite), '');
  }

  out.push('## Coverage determination', '');
  for (const d of result.determinations) {
    const under = d.policies.map((p) => citation(p, catalog.section(p.policy, p.section))).join('; ');
    out.push(
      `- ${d.code} (${where(result.path, d.line, result.path)}): ${DECISION[d.status] ?? d.status}${under ? ` under ${under}` : ''}`,
    );
  }
  if (refs.length) out.push('', '## Citations', '', ...refs.map((r, i) => `${i + 1}. ${r}`));
  return out.join('\n') + '\n';
}

function summary(ds: Determination[], catalog: Catalog): string {
  const codes = (st: string) => ds.filter((d) => d.status === st).map((d) => d.code);
  const parts: string[] = [];
  const ok = codes('supported');
  const gap = codes('documentation-missing');
  const no = codes('not-covered');
  if (ok.length) parts.push(`The documentation supports ${ok.join(', ')} as medically necessary.`);
  if (gap.length) {
    const missing = new Set(ds.filter((d) => d.status === 'documentation-missing').flatMap((d) => d.policies.flatMap((p) => p.missing)));
    const labels = [...missing].map((c) => criterionLabel(catalog, c)).join(', ');
    parts.push(`${gap.join(', ')} cannot yet be approved: the record does not document ${labels}.`);
  }
  if (no.length) parts.push(`${no.join(', ')} ${no.length > 1 ? 'are' : 'is'} not covered under the governing policy.`);
  const none = codes('no-policy');
  if (none.length) parts.push(`No loaded policy governs ${none.join(', ')}.`);
  return parts.join(' ');
}

function policyBlock(result: CheckResult, catalog: Catalog, p: PolicyDetermination, cite: (t: string) => string): string[] {
  const s = catalog.section(p.policy, p.section);
  const pol = s?.policy;
  const dated = pol?.revised ? ` (revised ${pol.revised})` : pol?.effective ? ` (effective ${pol.effective})` : '';
  const ref = cite(`${pol ? `${pol.payer}, ${p.policy} "${pol.title}"` : p.policy}, §${p.section}${s ? ` ${s.title}` : ''}${dated}.`);
  const head = p.status === 'supported' ? 'Meets' : p.status === 'not-covered' ? 'Not covered under' : 'Does not yet meet';
  const out = [`### ${head} ${citation(p, s)}${s ? ` (${mdEscape(s.title)})` : ''}`, ''];
  if (s) out.push(`The policy states: ${quote(firstSentence(s.text), 300)} ${ref}`, '');
  if (p.exclusion) {
    const ev = p.exclusion.evidence;
    const documented = ev ? `, documented as ${quote(ev.text)} (${where(ev.path, ev.line, result.path)}) ${cite(noteRef(ev.path))}` : '';
    out.push(`Exclusion: ${mdEscape(p.exclusion.message)}${documented} ${ref}`, '');
  }
  if (p.met.length) {
    out.push('Key qualifying factors:');
    for (const m of p.met) {
      const ev = m.evidence;
      const label = mdEscape(capitalize(criterionLabel(catalog, m.criterion)));
      out.push(`- ${label}: ${quote(ev.text, 240)} (${where(ev.path, ev.line, result.path)}) ${cite(noteRef(ev.path))} ✓`);
    }
    out.push('');
  }
  const gaps = [...p.missing.map((c) => [c, false] as const), ...p.advisory.map((c) => [c, true] as const)];
  if (gaps.length) {
    out.push('Not yet documented:');
    for (const [c, advisory] of gaps) {
      const prompt = catalog.concept(c)?.prompt;
      const label = mdEscape(capitalize(criterionLabel(catalog, c)));
      const suggested = prompt ? ` Suggested documentation: ${quote(snippetToText(prompt), 300)}` : '';
      out.push(`- ${label}${advisory ? ' (as applicable)' : ''}: not found in the record.${suggested} ✗`);
    }
    out.push('');
  }
  return out;
}

const noteRef = (path: string) => `Clinical documentation, ${basename(path)}.`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.{40,}?[.;:])\s/.exec(flat);
  return m ? m[1] : flat;
}
