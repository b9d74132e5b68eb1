/**
 * Where a documentation prompt goes and what a new note holds: prompts land at the end of the
 * note's Assessment/Plan section (or the criterion's preferred section), else at the end.
 */
import type { NoteDocument, SectionKind } from '../documents/model';
import type { Concept } from '../policies/schema';

const PREFERRED: Record<Concept['promptSection'], SectionKind[]> = {
  assessment: ['assessment', 'plan'],
  plan: ['plan', 'assessment'],
  hpi: ['hpi', 'assessment'],
  end: [],
};

/** Offset at which to insert a prompt into the note, on a line of its own. */
export function insertionOffset(note: NoteDocument, where: Concept['promptSection']): number {
  for (const kind of PREFERRED[where]) {
    const s = [...note.sections].reverse().find((x) => x.kind === kind);
    if (s) return endOfContent(note.text, s.span.end);
  }
  return note.text.length;
}

/** Just after the last non-blank line before `end`, so the prompt joins the section. */
function endOfContent(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  const nl = text.indexOf('\n', i);
  return nl === -1 || nl >= end ? Math.min(end, text.length) : nl + 1;
}

/** A new note for a claim with no note: front matter from the claim, then every prompt. */
export function noteTemplate(fields: { patient?: string; payer?: string; plan?: string; date?: string }, prompts: string[]): string {
  const header = Object.entries(fields)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  let n = 0;
  // Renumber placeholders so the snippets of several prompts do not share tab stops.
  const body = prompts.map((p) => p.replace(/\$\{(\d+):/g, () => `\${${++n}:`)).join('\n');
  return ['---', ...header, '---', 'HISTORY OF PRESENT ILLNESS:', '', 'ASSESSMENT AND PLAN:', body, ''].join('\n');
}
