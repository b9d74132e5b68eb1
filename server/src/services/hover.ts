/** Hover contents over a checked document: a code, or a piece of evidence. */
import { basename } from 'node:path';
import { MISS_WORDS, type CheckResult, type Determination, type Span } from '../engine';
import { pathToFileURL } from 'node:url';
import type { Catalog, SectionInfo } from './catalog';
import { checklistItems, citation, type LineLink, renderItems } from './checklist';
import { evidenceIn } from './evidence';
import { policyTextMarkdown } from './policyText';
import { mdEscape, statusWords } from './text';

export interface HoverModel {
  markdown: string;
  span: Span;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export interface HoverOptions {
  /** Results of the claims that link this note: their evidence in it is hovered too. */
  related?: readonly CheckResult[];
  /** Link target of a document line (evidence lines link to the note line). */
  link?: LineLink;
}

export function hoverAt(result: CheckResult, catalog: Catalog, offset: number, options: HoverOptions = {}): HoverModel | undefined {
  const d = result.determinations.find((x) => inside(x.span, offset));
  if (d) return { markdown: codeHover(result, catalog, d, options.link), span: d.span };
  return evidenceHover(result, catalog, offset, options.related ?? []);
}

/**
 * Status and checklist first (what the coder acts on, reachable without scrolling), then each
 * policy's details and its verbatim text.
 */
function codeHover(result: CheckResult, catalog: Catalog, d: Determination, link?: LineLink): string {
  const desc = catalog.descriptor(d.code);
  const out = [`**${d.code}**${desc ? `: ${mdEscape(desc)}` : ''}`, '', `ClinLint: **${statusWords(d.status)}**`];
  if (d.policies.length === 0) {
    out.push('', 'No loaded policy governs this code for this payer, plan and date.');
  }
  for (const p of d.policies) {
    const s = catalog.section(p.policy, p.section);
    out.push('', `**${citation(p, s)}**: ${statusWords(p.status)}`);
    if (p.exclusion) out.push('', `⛔ ${mdEscape(p.exclusion.message)}`);
    const items = renderItems(checklistItems(p, catalog), result.path, link);
    if (items.length) out.push('', ...items);
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
      // A section of ordinary length renders as markdown; a very long one quotes its start (F11).
      const long = s.text.length > QUOTE_CHARS || lineCountOver(s.text, QUOTE_LINES);
      for (const line of long ? sectionQuote(s) : policyTextMarkdown(s.text)) out.push(line);
      for (const note of pol?.notes ?? []) out.push('', `_${mdEscape(note)}_`);
    }
  }
  return out.join('\n');
}

/** Whether `text` has more than `n` lines (stops counting there). */
function lineCountOver(text: string, n: number): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > n) return true;
  return false;
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
  return [
    ...quoted,
    '> …',
    '',
    `_The section continues for ${more} more ${more === 1 ? 'line' : 'lines'}: see ${link}, or Go to Definition on the code._`,
  ];
}

/** Evidence in this document: which criterion it supports (or why it does not count), for which code. */
function evidenceHover(result: CheckResult, catalog: Catalog, offset: number, related: readonly CheckResult[]): HoverModel | undefined {
  const text = result.document.text;
  const here = evidenceIn(result.path, text, [result, ...related], catalog).filter((e) => inside(e.span, offset));
  if (here.length === 0) return undefined;
  const lines: string[] = [];
  for (const e of here) {
    const from = e.source === result.path ? '' : ` on ${basename(e.source)}`;
    const line =
      e.kind === 'met'
        ? `✅ Documents **${mdEscape(e.label)}** for ${e.code}${from} (${mdEscape(e.citation)})`
        : `❌ Does not document **${mdEscape(e.label)}** for ${e.code}${from}: ${MISS_WORDS[e.reason!]}${percent(e.value)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  // The innermost span under the cursor.
  const span = here.reduce((a, b) => (b.span.end - b.span.start < a.span.end - a.span.start ? b : a)).span;
  return { markdown: lines.join('\n\n'), span };
}

const percent = (value: number | undefined) => (value !== undefined ? ` (${value}%)` : '');
