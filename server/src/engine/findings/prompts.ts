/**
 * Where a documentation prompt goes and what a new note holds. A prompt lands at the end of the
 * section its concept names (`promptSection`: a trial result under PROCEDURE when there is one,
 * else Assessment/Plan), else at the end of the note. Prompts are opaque snippets here.
 */
import type { NoteDocument, SectionKind } from '../documents/model';
import { parseNote } from '../documents/note';
import type { Concept } from '../policies/schema';

export type PromptSection = Concept['promptSection'];

const PREFERRED: Record<PromptSection, SectionKind[]> = {
  procedure: ['procedure', 'assessment', 'plan'],
  assessment: ['assessment', 'plan'],
  plan: ['plan', 'assessment'],
  hpi: ['hpi', 'assessment'],
  end: [],
};

/** Offset at which to insert a prompt into the note, on a line of its own. */
function insertionOffset(note: NoteDocument, where: PromptSection): number {
  for (const kind of PREFERRED[where] ?? []) {
    const s = [...note.sections].reverse().find((x) => x.kind === kind);
    if (s) return endOfContent(note.text, s.span.end);
  }
  return note.text.length;
}

/** The same, read from a note's current text (fixes replay against what the editor holds now). */
export function promptOffset(noteText: string, where: PromptSection): number {
  return insertionOffset(parseNote(noteText), where);
}

/** Just after the last non-blank line before `end`, so the prompt joins the section. */
function endOfContent(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  const nl = text.indexOf('\n', i);
  return nl === -1 || nl >= end ? Math.min(end, text.length) : nl + 1;
}

/**
 * Several snippets as one: each prompt on its own line, placeholders renumbered so they keep
 * distinct tab stops in order (`$0`, the final cursor, is left alone).
 */
export function joinSnippets(prompts: readonly string[]): string {
  let n = 0;
  return prompts.map((p) => renumber(p.replace(/\n+$/, ''), () => ++n)).join('\n');
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

/** A new note for a claim with no note: front matter from the claim, then every prompt. */
export function noteTemplate(fields: { patient?: string; payer?: string; plan?: string; date?: string }, prompts: string[]): string {
  const header = Object.entries(fields)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  return ['---', ...header, '---', 'HISTORY OF PRESENT ILLNESS:', '', 'ASSESSMENT AND PLAN:', joinSnippets(prompts), ''].join('\n');
}
