/**
 * Plans the text edits of ClinLint's quick fixes, as plain data (offsets into known texts);
 * the code-action handler turns them into LSP workspace edits.
 */
import { basename, dirname, extname, join, relative } from 'node:path';
import type { ClaimDocument } from '../engine';
import type { FindingData } from '../engine';
import { LineIndex } from '../engine';

export interface PlannedInsert {
  /** Absolute path of the document to edit. */
  path: string;
  offset: number;
  /** Snippet text (with ${n:placeholders}) and its plain-text equivalent. */
  snippet: string;
}

/** Puts a prompt on its own line(s) at `offset` of `text`. */
export function promptInsert(text: string, offset: number, prompt: string): { offset: number; snippet: string } {
  const at = Math.max(0, Math.min(offset, text.length));
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  const body = prompt.replace(/\n+$/, '');
  // End the prompt's line unless the insertion point already sits at a line end.
  const after = at < text.length && (text[at] === '\n' || text[at] === '\r') ? '' : '\n';
  return { offset: at, snippet: `${before}${body}${after}` };
}

/**
 * Every missing prompt of a document, grouped per target note and position; each criterion
 * once per note (a claim with two codes missing the same criterion needs one prompt).
 */
export function allPromptInserts(datas: FindingData[], readText: (path: string) => string | undefined): PlannedInsert[] {
  const seen = new Set<string>();
  const byPlace = new Map<string, { path: string; offset: number; prompts: string[] }>();
  for (const d of datas) {
    if (d.rule !== 'missing-documentation' || !d.prompt || !d.insert) continue;
    const key = `${d.insert.path}\u0000${d.criterion ?? d.prompt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const place = `${d.insert.path}\u0000${d.insert.offset}`;
    const entry = byPlace.get(place) ?? { path: d.insert.path, offset: d.insert.offset, prompts: [] };
    entry.prompts.push(d.prompt.replace(/\n+$/, ''));
    byPlace.set(place, entry);
  }
  const out: PlannedInsert[] = [];
  for (const e of byPlace.values()) {
    const text = readText(e.path);
    if (text === undefined) continue;
    // Renumber placeholders so the combined snippet keeps distinct tab stops.
    let n = 0;
    const combined = e.prompts.map((p) => renumber(p, () => ++n)).join('\n');
    const ins = promptInsert(text, e.offset, combined);
    out.push({ path: e.path, ...ins });
  }
  return out;
}

function renumber(snippet: string, next: () => number): string {
  const map = new Map<string, number>();
  return snippet.replace(/(?<!\\)\$(\{)?(\d+)/g, (_m, brace: string | undefined, num: string) => {
    if (num === '0') return brace ? '${0' : '$0';
    let k = map.get(num);
    if (k === undefined) map.set(num, (k = next()));
    return brace ? `\${${k}` : `$${k}`;
  });
}

/** Whether a `# clinlint-disable-line` on this 0-based line applies: a header, dx or claim line. */
export function takesDisable(claim: ClaimDocument, line: number): boolean {
  const idx = new LineIndex(claim.text);
  return (
    claim.lines.some((l) => l.lineIndex === line) ||
    claim.headers.some((h) => idx.lineOf(h.keySpan.start) === line) ||
    claim.dx.some((x) => idx.lineOf(x.span.start) === line)
  );
}

/** The `# clinlint-disable-line <rule>` edit for one header, dx or claim line. */
export function disableLineInsert(lineText: string, rule: string): { character: number; text: string } {
  const m = /#\s*clinlint-disable-line\b(.*)$/.exec(lineText);
  if (m) {
    const rules = m[1]
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (rules.includes(rule)) return { character: lineText.length, text: '' };
    return { character: lineText.trimEnd().length, text: ` ${rule}` };
  }
  const trimmed = lineText.trimEnd().length;
  return { character: trimmed, text: `  # clinlint-disable-line ${rule}` };
}

/** Where a new note for a claim goes: beside it, same base name, `.note`. */
export function newNotePath(claimPath: string, data: FindingData): string {
  if (data.insert?.path && data.insert.path !== claimPath) return data.insert.path;
  return join(dirname(claimPath), `${basename(claimPath, extname(claimPath))}.note`);
}

/** The `note:` line to add to a claim, after its header block (or at the top). */
export function noteLinkInsert(
  claim: ClaimDocument | undefined,
  claimText: string,
  claimPath: string,
  notePath: string,
): { offset: number; text: string } {
  const rel = relative(dirname(claimPath), notePath).split('\\').join('/');
  const idx = new LineIndex(claimText);
  const headers = claim?.headers ?? [];
  if (headers.length === 0) {
    // Skip leading comments so the note line joins the header area.
    let line = 0;
    while (line < idx.lineCount && /^\s*#/.test(idx.lineText(line))) line++;
    return { offset: idx.lineStart(line), text: `note: ${rel}\n` };
  }
  const lastLine = Math.max(...headers.map((h) => idx.lineOf(h.valueSpan.end)));
  const end = idx.lineEnd(lastLine);
  const nl = claimText.slice(end, end + 2).startsWith('\r\n') ? '\r\n' : '\n';
  return { offset: end, text: `${nl}note: ${rel}` };
}
