/**
 * The fix pipeline (SPEC 6): which prompts a fix inserts, into which note, and where, as plain
 * data. A prompt fix is replayed against the note's current text when it runs (the diagnostic's
 * data names the note and the kind of section, never an offset from an earlier check), so an
 * edit made since cannot put the prompt inside a word. The code-action handler only translates
 * these plans into LSP edits or the client's insert command.
 */
import { basename, dirname, extname, join, relative } from 'node:path';
import { joinSnippets, LineIndex, promptOffset, type ClaimDocument, type FindingData, type Position, type PromptSection } from '../engine';

/** One prompt to insert: an opaque snippet (with ${n:placeholders}) and the section it belongs in. */
export interface PromptItem {
  snippet: string;
  section: PromptSection;
}

/** The prompts one fix inserts into one note (absolute path). */
export interface PromptRequest {
  path: string;
  prompts: PromptItem[];
}

/** An insert planned on a note's current text: where (offset and position, computed once) and what. */
export interface PlannedSnippet {
  offset: number;
  position: Position;
  snippet: string;
}

/** The prompt fixes that findings ask for, one request per note; each criterion once per note. */
export function promptRequests(datas: readonly FindingData[]): PromptRequest[] {
  const seen = new Set<string>();
  const byNote = new Map<string, PromptRequest>();
  for (const d of datas) {
    if (d.rule !== 'missing-documentation' || !d.prompt || !d.insert) continue;
    const key = `${d.insert.path}\u0000${d.criterion ?? d.prompt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const req = byNote.get(d.insert.path) ?? { path: d.insert.path, prompts: [] };
    req.prompts.push({ snippet: d.prompt, section: d.insert.section });
    byNote.set(d.insert.path, req);
  }
  return [...byNote.values()];
}

/**
 * Where the prompts go in `text` (the note as it is now): prompts for one place are joined into
 * one snippet with distinct tab stops, on lines of their own, with the note's line endings.
 */
export function planPrompts(text: string, prompts: readonly PromptItem[]): PlannedSnippet[] {
  const offsets = new Map<PromptSection, number>();
  const byOffset = new Map<number, string[]>();
  for (const p of prompts) {
    let offset = offsets.get(p.section);
    if (offset === undefined) offsets.set(p.section, (offset = promptOffset(text, p.section)));
    byOffset.set(offset, [...(byOffset.get(offset) ?? []), p.snippet]);
  }
  const lines = new LineIndex(text);
  return [...byOffset].map(([offset, snippets]) => {
    const ins = promptInsert(text, offset, joinSnippets(snippets));
    return { offset: ins.offset, position: lines.positionAt(ins.offset), snippet: ins.snippet };
  });
}

/** The line ending a text uses (its first one); LF for a text with none. */
export function eolOf(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Puts a prompt on its own line(s) at `offset` of `text`, with the text's line endings. */
export function promptInsert(text: string, offset: number, prompt: string): { offset: number; snippet: string } {
  const eol = eolOf(text);
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = at === 0 || text[at - 1] === '\n';
  const body = prompt.replace(/(\r?\n)+$/, '').replace(/\r?\n/g, eol);
  // At a line start the prompt is a line of its own; after text it starts a new line, and ends
  // it unless the rest of that line is empty (the text's own line break follows).
  const before = lineStart ? '' : eol;
  const after = lineStart || at === text.length || (text[at] !== '\n' && text[at] !== '\r') ? eol : '';
  return { offset: at, snippet: `${before}${body}${after}` };
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
