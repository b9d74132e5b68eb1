/** Outline of a parsed claim or note: headers, dx entries, billed lines, note sections. */
import type { ParsedDocument } from '../engine';
import type { Span } from '../engine';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: 'header' | 'dx' | 'line' | 'section' | 'code';
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

export function outline(doc: ParsedDocument): OutlineItem[] {
  if (doc.kind === 'claim') {
    return [
      ...doc.headers.map((h) => ({
        name: `${h.key}: ${h.value}`,
        kind: 'header' as const,
        span: { start: h.keySpan.start, end: h.valueSpan.end },
        selection: h.keySpan,
        children: [],
      })),
      ...doc.dx.map((d) => ({
        name: `dx ${d.letter.value}: ${d.code.value}`,
        detail: d.description?.value,
        kind: 'dx' as const,
        span: d.span,
        selection: d.code.span,
        children: [],
      })),
      ...doc.lines.map((l) => ({
        name: `line ${l.number.value}: ${l.code.value}${l.modifiers.map((m) => `-${m.value}`).join('')}`,
        detail: l.description?.value ?? (l.pointers.length ? `dx ${l.pointers.map((p) => p.value).join(',')}` : undefined),
        kind: 'line' as const,
        span: l.span,
        selection: l.code.span,
        children: [],
      })),
    ];
  }
  const codes = doc.mentions
    .filter((m) => m.scheme === 'procedure')
    .map((m) => ({
      name: m.code.value,
      detail: 'code mention',
      kind: 'code' as const,
      span: m.code.span,
      selection: m.code.span,
      children: [] as OutlineItem[],
    }));
  const sections = doc.sections.map((s) => ({
    name: s.heading,
    detail: s.kind === 'other' ? undefined : s.kind,
    kind: 'section' as const,
    span: s.span,
    selection: s.headingSpan,
    children: codes.filter((c) => within(c.span, s.span)),
  }));
  const loose = codes.filter((c) => !sections.some((s) => within(c.span, s.span)));
  const headers = doc.headers.map((h) => ({
    name: `${h.key}: ${h.value}`,
    kind: 'header' as const,
    span: { start: h.keySpan.start, end: h.valueSpan.end },
    selection: h.keySpan,
    children: [],
  }));
  return [...headers, ...loose, ...sections];
}
