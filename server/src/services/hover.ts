/** Hover contents over a checked document: a code, or a piece of evidence. */
import { MISS_WORDS, type CheckResult, type Determination } from '../engine';
import type { Span } from '../engine';
import { type Catalog, criterionLabel } from './catalog';
import { checklistItems, citation, renderItems } from './checklist';
import { mdEscape, statusWords } from './text';

export interface HoverModel {
  markdown: string;
  span: Span;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export function hoverAt(result: CheckResult, catalog: Catalog, offset: number): HoverModel | undefined {
  const d = result.determinations.find((x) => inside(x.span, offset));
  if (d) return { markdown: codeHover(result, catalog, d), span: d.span };
  return evidenceHover(result, catalog, offset);
}

function codeHover(result: CheckResult, catalog: Catalog, d: Determination): string {
  const desc = catalog.descriptor(d.code);
  const out = [`**${d.code}**${desc ? `: ${mdEscape(desc)}` : ''}`, '', `ClinLint: **${statusWords(d.status)}**`];
  if (d.policies.length === 0) {
    out.push('', 'No loaded policy governs this code for this payer, plan and date.');
  }
  for (const p of d.policies) {
    const s = catalog.section(p.policy, p.section);
    out.push('', '---', '');
    const pol = s?.policy;
    out.push(`**${citation(p, s)}**${pol ? `: ${mdEscape(pol.title)}` : ''}`);
    if (pol) {
      const facts = [`plans: ${pol.plans.join(', ')}`];
      if (pol.effective) facts.push(`effective ${pol.effective}`);
      if (pol.revised) facts.push(`revised ${pol.revised}`);
      out.push('', facts.join(' · '));
    }
    if (s) {
      out.push('', `§${s.id} ${mdEscape(s.title)} (${s.kind}):`, '');
      out.push(...s.text.split(/\r?\n/).map((l) => `> ${mdEscape(l)}`));
      for (const note of pol?.notes ?? []) out.push('', `_${mdEscape(note)}_`);
    }
    out.push('', `Status: **${statusWords(p.status)}**`);
    if (p.exclusion) out.push('', `⛔ ${mdEscape(p.exclusion.message)}`);
    const items = renderItems(checklistItems(p, catalog), result.path);
    if (items.length) out.push('', ...items);
  }
  return out.join('\n');
}

/** Evidence in this document: which criterion it supports (or why it does not count). */
function evidenceHover(result: CheckResult, catalog: Catalog, offset: number): HoverModel | undefined {
  const lines: string[] = [];
  let span: Span | undefined;
  const seen = new Set<string>();
  for (const d of result.determinations) {
    for (const p of d.policies) {
      for (const m of p.met) {
        const ev = m.evidence;
        if (ev.path !== result.path || !inside(ev.span, offset)) continue;
        span ??= ev.span;
        const cite = citation(p, catalog.section(p.policy, p.section));
        const line = `✅ Documents **${mdEscape(criterionLabel(catalog, m.criterion))}** for ${d.code} (${cite})`;
        if (!seen.has(line)) {
          lines.push(line);
          seen.add(line);
        }
      }
      for (const n of p.nearMisses) {
        const ev = n.evidence;
        if (ev.path !== result.path || !inside(ev.span, offset)) continue;
        span ??= ev.span;
        const value = n.value !== undefined ? ` (${n.value}%)` : '';
        const line = `❌ Does not document **${mdEscape(criterionLabel(catalog, n.criterion))}** for ${d.code}: ${MISS_WORDS[n.reason]}${value}`;
        if (!seen.has(line)) {
          lines.push(line);
          seen.add(line);
        }
      }
    }
  }
  return span ? { markdown: lines.join('\n\n'), span } : undefined;
}
