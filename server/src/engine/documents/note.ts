/**
 * Clinical notes (`*.note`, SPEC 2.2): optional `---` front matter, section headings, and code
 * mentions. Line by line, linear in the text, never throws.
 */
import { PLANS, type Plan, type Span } from '../types';
import { dateProblem } from './codes';
import { isCapsLabelLine, matchHeading } from './headings';
import { MentionScanner } from './mentions';
import type { Header, NoteDocument, NoteSection } from './model';
import { contentStart, forEachLine, indexIn, internalError, isSpace, LIMITS, quote, skipSpace, span, trimEnd } from './text';

export function parseNote(text: string): NoteDocument {
  const doc: NoteDocument = {
    kind: 'note',
    text,
    headers: [],
    bodyStart: contentStart(text),
    sections: [],
    mentions: [],
    problems: [],
  };
  try {
    const body = frontMatter(text, doc);
    const scanner = new MentionScanner(text, (start, end) => isCapsLabelLine(text, start, end));
    let prev: NoteSection | undefined;
    let capped = false;
    forEachLine(
      text,
      (index, start, end) => {
        const m = matchHeading(text, start, end);
        if (m) {
          if (prev) prev.span.end = m.start;
          prev = {
            heading: text.slice(m.start, m.end),
            kind: m.kind,
            headingSpan: span(m.start, m.end),
            span: span(m.start, text.length),
            bodyStart: m.bodyStart,
          };
          doc.sections.push(prev);
        }
        // A 10 MB paste of codes stops at the limit, said once (on the first code not checked).
        if (!capped) {
          scanner.line(index, start, end, m !== undefined);
          if (scanner.mentions.length > LIMITS.mentions) {
            capped = true;
            const first = scanner.mentions[LIMITS.mentions].code.span;
            scanner.mentions.length = LIMITS.mentions;
            problem(doc, first, `more than ${LIMITS.mentions} code mentions: only the first ${LIMITS.mentions} are checked`, 'recovered');
          }
        }
      },
      doc.bodyStart,
      body,
    );
    doc.mentions = scanner.mentions;
  } catch (e) {
    doc.problems.push(internalError('note', e));
  }
  return doc;
}

/** A `---` line (trailing spaces allowed). */
function isFence(text: string, start: number, end: number): boolean {
  return end - start >= 3 && text.startsWith('---', start) && trimEnd(text, start + 3, end) === start + 3;
}

/** End of the line starting at `i` (before its break). */
function lineEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** After the line break at `end` (or the end of the text). */
function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** Reads the front matter into `doc`, sets `doc.bodyStart`; returns the first body line's index. */
function frontMatter(text: string, doc: NoteDocument): number {
  const openStart = doc.bodyStart; // after the BOM
  const openEnd = lineEnd(text, openStart);
  if (!isFence(text, openStart, openEnd)) return 0;
  const from = nextLineStart(text, openEnd);
  let close = -1;
  let closeEnd = 0;
  forEachLine(
    text,
    (index, start, end) => {
      if (!isFence(text, start, end)) return true;
      close = index;
      closeEnd = end;
      return false;
    },
    from,
    1,
  );
  if (close < 0) {
    doc.problems.push({
      rule: 'syntax',
      recovered: true,
      span: span(openStart, openStart + 3),
      message: 'the note header opened by "---" is never closed: add a "---" line after its fields (read as note text)',
    });
    return 0;
  }
  const seen = new Set<string>();
  forEachLine(
    text,
    (index, start, end) => {
      if (index >= close) return false;
      if (doc.problems.length >= LIMITS.problems) {
        problem(doc, span(start, end), `more than ${LIMITS.problems} problems: the rest of the note header is not read`, 'recovered');
        return false;
      }
      field(text, start, end, doc, seen);
      return true;
    },
    from,
    1,
  );
  doc.bodyStart = nextLineStart(text, closeEnd);
  return close + 1;
}

/** `recovered`: the reader goes on as if the text were right (a warning, see the rule table). */
function problem(doc: NoteDocument, s: Span, message: string, recovered?: 'recovered'): void {
  doc.problems.push({ rule: 'syntax', message, span: s, ...(recovered ? { recovered: true } : {}) });
}

/** One `key: value` line of the front matter (YAML-like: `#` comments, optional quotes). */
function field(text: string, start: number, end: number, doc: NoteDocument, seen: Set<string>): void {
  const s = skipSpace(text, start, end);
  let e = trimEnd(text, s, end);
  if (s === e || text.charCodeAt(s) === 35) return;
  const colon = indexIn(text, 58, s, e);
  const ke = trimEnd(text, s, colon);
  if (colon >= e || ke === s) {
    problem(doc, span(s, e), `expected "key: value" in the note header, got ${quote(text.slice(s, e))}`);
    return;
  }
  // A comment starts at a `#` that follows a space, as in YAML (`MRN#123` stays).
  for (let i = colon + 1; i < e; i++) {
    if (text.charCodeAt(i) === 35 && isSpace(text.charCodeAt(i - 1))) {
      e = trimEnd(text, colon + 1, i);
      break;
    }
  }
  let vs = skipSpace(text, colon + 1, e);
  let ve = e;
  const q = text.charCodeAt(vs);
  if (ve - vs >= 2 && (q === 34 || q === 39) && text.charCodeAt(ve - 1) === q) {
    vs++;
    ve--;
  }
  const key = text.slice(s, ke).toLowerCase();
  const header: Header = { key, keySpan: span(s, ke), value: text.slice(vs, ve), valueSpan: span(vs, ve) };
  doc.headers.push(header);
  const value = { value: header.value, span: header.valueSpan };
  if (key !== 'payer' && key !== 'plan' && key !== 'patient' && key !== 'date') return;
  if (seen.has(key)) {
    problem(doc, header.keySpan, `"${key}" is given twice in the note header; the first applies`, 'recovered');
    return;
  }
  if (header.value === '') {
    problem(doc, span(s, colon + 1), `missing value after "${key}:"`);
    return;
  }
  seen.add(key);
  if (key === 'plan') {
    const plan = header.value.toLowerCase() as Plan;
    if (PLANS.includes(plan)) doc.plan = { value: plan, span: header.valueSpan };
    else problem(doc, header.valueSpan, `plan must be commercial, medicare or medicaid, got ${quote(header.value)}`);
  } else if (key === 'date') {
    const why = dateProblem(header.value);
    if (why) problem(doc, header.valueSpan, `invalid date ${quote(header.value)}: ${why}`);
    else doc.date = value;
  } else if (key === 'payer') doc.payer = value;
  else doc.patient = value;
}
