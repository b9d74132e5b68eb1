/**
 * Canonical printing of a claim: headers, then dx entries, then claim lines, one per line.
 * `parseClaim(printClaim(parseClaim(t)))` equals `parseClaim(t)` in every field but `text`,
 * spans, `lineIndex` and `problems` (comments and layout are not kept; values are printed as
 * written, so invalid codes stay invalid and the same problems come back).
 */
import { DISABLE_LINE } from './claimLine';
import type { ClaimDocument, ClaimLine, DxEntry, Header, Spanned } from './model';

export function printClaim(doc: ClaimDocument): string {
  const out: string[] = [];
  for (const h of doc.headers) out.push(printHeader(h));
  if (doc.dx.length) {
    if (out.length) out.push('');
    for (const d of doc.dx) out.push(printDx(d));
  }
  if (doc.lines.length) {
    if (out.length) out.push('');
    for (const l of doc.lines) out.push(printLine(doc, l));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function printHeader(h: Header): string {
  return withDisable(h.value ? `${h.key}: ${h.value}` : `${h.key}:`, h.disabled);
}

function printDx(d: DxEntry): string {
  let s = `dx ${d.letter.value}: ${d.code.value}`;
  if (d.description) s += ` ${d.description.value}`;
  return withDisable(s.trimEnd(), d.disabled);
}

function withDisable(entry: string, disabled: string[] | undefined): string {
  return disabled ? `${entry} # ${[DISABLE_LINE, ...disabled].join(' ')}` : entry;
}

/** A number as written when it has no faithful decimal form (`1a`, a 30-digit number). */
function printNumber(doc: ClaimDocument, n: Spanned<number>): string {
  if (Number.isSafeInteger(n.value) && n.value >= 0) return String(n.value);
  const raw = doc.text.slice(n.span.start, n.span.end);
  return raw || (Number.isNaN(n.value) ? '' : String(n.value));
}

function printLine(doc: ClaimDocument, l: ClaimLine): string {
  const parts = [`line ${printNumber(doc, l.number)}:`];
  let code = l.code.value;
  for (const m of l.modifiers) code += `-${m.value}`;
  // A line read from `line 1: - x2` has no code but has fields: a bare `-` keeps the next
  // field from being read as the code.
  if (!code && (l.units || l.pointers.length || l.date || l.drugs.length)) code = '-';
  if (code) parts.push(code);
  if (l.units) parts.push(`x${l.units.value}`);
  if (l.pointers.length) parts.push(`dx ${l.pointers.map((p) => p.value).join(',')}`);
  if (l.date) parts.push(`date ${l.date.value}`);
  // `drug` runs to `;`, so it is printed after every other field.
  if (l.drugs.length) parts.push(`drug ${l.drugs.map((d) => d.value).join(', ')}`);
  if (l.description) parts.push(`; ${l.description.value}`);
  return withDisable(parts.join(' '), l.disabled);
}
