/** Hover contents over a checked document: a code, or a piece of evidence. */
import type { CheckResult, Determination } from '../engine/results';
import type { Span } from '../engine/types';
import { pathToFileURL } from 'node:url';
import { type Catalog, criterionLabel, type SectionInfo } from './catalog';
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
      for (const line of sectionQuote(s)) out.push(line);
      for (const note of pol?.notes ?? []) out.push('', `_${mdEscape(note)}_`);
    }
    out.push('', `Status: **${statusWords(p.status)}**`);
    if (p.exclusion) out.push('', `⛔ ${mdEscape(p.exclusion.message)}`);
    const items = renderItems(checklistItems(p, catalog), result.path);
    if (items.length) out.push('', ...items);
  }
  return out.join('\n');
}

/** A hover quotes at most this much of a section's text; the rest is a link away. */
const QUOTE_LINES = 40;
const QUOTE_CHARS = 3000;

/**
 * The start of a section's verbatim text as quote lines, whatever its length (a policy file
 * may hold a section of 130,000 lines): only the start is split, and a longer text ends with
 * what is left and a link to the section in its policy file.
 */
export function sectionQuote(s: SectionInfo): string[] {
  const text = s.text;
  const lines: string[] = [];
  let end = 0;
  while (lines.length < QUOTE_LINES && end < text.length && end < QUOTE_CHARS) {
    const nl = text.indexOf('\n', end);
    const stop = Math.min(nl < 0 ? text.length : nl, QUOTE_CHARS);
    lines.push(text.slice(end, stop).replace(/\r$/, ''));
    end = stop === nl ? nl + 1 : stop;
  }
  const quoted = (lines.length ? lines : ['']).map((l) => `> ${mdEscape(l)}`);
  if (end >= text.length) return quoted;
  // What is left, in lines (the rest of a line cut short counts as one).
  let more = 1;
  for (let i = text.indexOf('\n', end); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) more++;
  const file = s.policy.file;
  const link = file
    ? `[${mdEscape(file.replace(/^.*[\\/]/, ''))}](${pathToFileURL(file).href.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}#L${(s.range?.start.line ?? 0) + 1})`
    : 'the policy file';
  return [...quoted, '> …', '', `_The section continues for ${more} more ${more === 1 ? 'line' : 'lines'}: see ${link}, or Go to Definition on the code._`];
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
        const line = `✅ Documents **${mdEscape(criterionLabel(catalog, m.criterion))}** for ${d.code} (${citation(p, catalog.section(p.policy, p.section))})`;
        if (!seen.has(line)) lines.push(line), seen.add(line);
      }
      for (const n of p.nearMisses) {
        const ev = n.evidence;
        if (ev.path !== result.path || !inside(ev.span, offset)) continue;
        span ??= ev.span;
        const line = `❌ Does not document **${mdEscape(criterionLabel(catalog, n.criterion))}** for ${d.code}: ${n.reason}${n.value !== undefined ? ` (${n.value}%)` : ''}`;
        if (!seen.has(line)) lines.push(line), seen.add(line);
      }
    }
  }
  return span ? { markdown: lines.join('\n\n'), span } : undefined;
}
