/**
 * Documentation prompts never count as documentation (SPEC 4.2). A prompt is a snippet: fixed
 * wording (the question) and placeholders whose default text is a bracketed instruction
 * (`${1:[what the patient cannot do ...]}`). Only what a person writes in place of a placeholder
 * is documentation, so before a text is read:
 * - on a line that is a known prompt (its fixed wording found in order), the fixed wording is
 *   blanked, and so is every placeholder still holding its instruction (or nothing);
 * - anywhere else, a bracketed instruction of a known prompt is blanked (a prompt whose wording
 *   was edited still cannot document anything with its instructions).
 * Blanking keeps the text's length, so every offset, line and quoted span stays the same.
 */
import type { Concept } from '../policies/schema';

/** A prompt as its parts: fixed wording and placeholders (with their default text). */
type PromptPart = { fixed: string } | { slot: string };

/** Parses a snippet (`${1:text}`, `$1`, `${1|a,b|}`, `\$`) into fixed parts and placeholders. */
function promptParts(snippet: string): PromptPart[] {
  const parts: PromptPart[] = [];
  let fixed = '';
  const flush = () => {
    if (fixed) parts.push({ fixed });
    fixed = '';
  };
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      fixed += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = matchBrace(snippet, i + 1);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      const colon = /^(?:\d+|[A-Z_]+):/.exec(body);
      flush();
      parts.push({ slot: choice ? choice[1] : colon ? snippetToText(body.slice(colon[0].length)) : '' });
      i = close;
    } else if (c === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      while (/[0-9]/.test(snippet[i + 1] ?? '')) i++;
      flush();
      parts.push({ slot: '' });
    } else {
      fixed += c;
    }
  }
  flush();
  return parts;
}

/** A snippet as the plain text its defaults give (what a client without snippets inserts). */
export function snippetToText(snippet: string): string {
  return promptParts(snippet)
    .map((p) => ('fixed' in p ? p.fixed : p.slot))
    .join('');
}

function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return s.length;
}

interface Template {
  /** Fixed wording between placeholders: fixed[0] before the first, fixed[n] after the last. */
  fixed: string[];
  defaults: string[];
}

/** A bracketed instruction is at most this long: the scan for its `]` stops there. */
const MAX_INSTRUCTION = 400;

export class PromptMask {
  /** Templates by the first word of their wording (lower case): a line is tried against few. */
  private readonly byFirstWord = new Map<string, Template[]>();
  /** Every placeholder's default text that is a bracketed instruction, `[...]`. */
  private readonly instructions = new Set<string>();

  constructor(concepts: Iterable<Pick<Concept, 'prompt'>>) {
    for (const c of concepts) {
      const parts = promptParts(c.prompt);
      const fixed: string[] = [''];
      const defaults: string[] = [];
      for (const p of parts) {
        if ('fixed' in p) fixed[fixed.length - 1] += p.fixed;
        else {
          defaults.push(p.slot);
          fixed.push('');
          if (/^\[.*\]$/s.test(p.slot)) this.instructions.add(p.slot);
        }
      }
      fixed[0] = fixed[0].trimStart();
      fixed[fixed.length - 1] = fixed[fixed.length - 1].trimEnd();
      const key = firstWord(fixed[0]);
      if (!key) continue; // a prompt that opens with a placeholder is found by its instructions only
      const list = this.byFirstWord.get(key) ?? [];
      list.push({ fixed, defaults });
      this.byFirstWord.set(key, list);
    }
  }

  /** The text with prompt wording and unfilled placeholders blanked (same length). */
  mask(text: string): string {
    if (this.byFirstWord.size === 0 && this.instructions.size === 0) return text;
    let out: string[] | undefined;
    const blank = (start: number, end: number, last = ' ') => {
      out ??= text.split("");
      for (let i = start; i < end; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = i === end - 1 ? last : ' ';
    };
    let lineStart = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      this.maskLine(text, lineStart, lineEnd, blank);
      lineStart = lineEnd + 1;
    }
    this.maskInstructions(text, blank);
    return out ? out.join('') : text;
  }

  private maskLine(text: string, start: number, end: number, blank: Blank): void {
    let s = start;
    while (s < end && (text[s] === ' ' || text[s] === '\t')) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    const key = firstWord(text.slice(s, Math.min(e, s + 40)));
    const candidates = key ? this.byFirstWord.get(key) : undefined;
    if (!candidates) return;
    const line = text.slice(s, e);
    for (const t of candidates) {
      const slots = matchTemplate(line, t);
      if (!slots) continue;
      // The wording is the prompt's, never the clinician's: blank it, and every placeholder
      // still holding its instruction (or nothing but blanks).
      // Wording before a placeholder ends in a full stop, so that each answer is a sentence of
      // its own and does not run into the line before it or into the next answer.
      let at = 0;
      for (let i = 0; i < slots.length; i++) {
        blank(s + at, s + slots[i].start, '.');
        const value = line.slice(slots[i].start, slots[i].end).trim();
        if (!value || value === t.defaults[i].trim()) blank(s + slots[i].start, s + slots[i].end);
        at = slots[i].end;
      }
      blank(s + at, e, '.');
      return;
    }
  }

  private maskInstructions(text: string, blank: Blank): void {
    if (this.instructions.size === 0) return;
    // The next `]` is looked up again only once passed: a text of many `[` and one far `]`
    // is still read once (no quadratic rescans).
    let close = -1;
    for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) {
      if (close <= i) close = text.indexOf(']', i + 1);
      if (close === -1) return;
      if (close - i > MAX_INSTRUCTION) continue;
      if (this.instructions.has(text.slice(i, close + 1))) {
        blank(i, close + 1);
        i = close;
      }
    }
  }
}

/** Where the placeholders of `t` stand in `line`, or undefined when the line is not that prompt. */
function matchTemplate(line: string, t: Template): { start: number; end: number }[] | undefined {
  const lower = line.toLowerCase();
  const fixed = t.fixed.map((f) => f.toLowerCase());
  if (!lower.startsWith(fixed[0])) return undefined;
  const last = fixed[fixed.length - 1];
  if (!lower.endsWith(last)) return undefined;
  const limit = lower.length - last.length;
  const slots: { start: number; end: number }[] = [];
  let at = fixed[0].length;
  for (let i = 1; i < fixed.length; i++) {
    if (i === fixed.length - 1) {
      if (limit < at) return undefined;
      slots.push({ start: at, end: limit });
      break;
    }
    const next = fixed[i] ? lower.indexOf(fixed[i], at) : at;
    if (next === -1 || next > limit) return undefined;
    slots.push({ start: at, end: next });
    at = next + fixed[i].length;
  }
  return slots;
}

/** Blanks `[start, end)`, writing `last` in its final character (a space, or a full stop). */
type Blank = (start: number, end: number, last?: string) => void;

function firstWord(s: string): string {
  const m = /^[^\s:([—-]+/.exec(s.toLowerCase());
  return m ? m[0] : '';
}
