import assert from 'node:assert/strict';
import type { ParseProblem } from '../../../server/src/engine/documents/model';
import type { Span } from '../../../server/src/engine/types';

/** The span of the `nth` (0-based) occurrence of `needle` in `text`, searching from `after`. */
export function find(text: string, needle: string, nth = 0, after = ''): Span {
  let from = after ? text.indexOf(after) + after.length : 0;
  assert.ok(from >= 0, `"${after}" not in text`);
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, from);
    assert.ok(at >= 0, `occurrence ${k} of "${needle}" not in text`);
    from = at + needle.length;
  }
  return { start: at, end: at + needle.length };
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** Exactly one problem of `rule` whose message contains `fragment`; returns it. */
export function problem(problems: ParseProblem[], rule: ParseProblem['rule'], fragment: string): ParseProblem {
  const found = problems.filter((p) => p.rule === rule && p.message.includes(fragment));
  assert.equal(found.length, 1, `expected one ${rule} problem with "${fragment}", got:\n${dump(problems)}`);
  return found[0];
}

/** Asserts a problem with the fragment sits on exactly `span` (and quotes `expected` there). */
export function assertProblem(
  text: string,
  problems: ParseProblem[],
  fragment: string,
  span: Span,
  rule: ParseProblem['rule'] = 'syntax',
  severity: 'error' | 'warning' = 'error',
): void {
  const p = problem(problems, rule, fragment);
  assert.deepEqual(p.span, span, `span of "${p.message}": got "${slice(text, p.span)}", want "${slice(text, span)}"`);
  assert.equal(levelOf(p), severity, `severity of "${p.message}"`);
}

/** A problem the reader recovered from is reported as a warning (the rule table's `recovered`). */
function levelOf(p: ParseProblem): 'error' | 'warning' {
  return p.recovered ? 'warning' : 'error';
}

export function dump(problems: ParseProblem[]): string {
  return problems.map((p) => `  ${levelOf(p)} ${p.rule} [${p.span.start},${p.span.end}] ${p.message}`).join('\n') || '  (none)';
}

/** Every span inside the text, start <= end. */
export function assertSpansInBounds(value: unknown, length: number, path = 'doc'): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertSpansInBounds(v, length, `${path}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
    assert.ok(0 <= o.start && o.start <= o.end && o.end <= length, `${path} = [${o.start},${o.end}] outside 0..${length}`);
    return;
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'text') assertSpansInBounds(v, length, `${path}.${k}`);
}

/** A document without text, spans, line indexes and problems: what printing preserves. */
export function structure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structure);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'text' || k === 'problems' || k === 'lineIndex' || /span$/i.test(k)) continue;
    out[k] = structure(v);
  }
  return out;
}
