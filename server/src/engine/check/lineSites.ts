/**
 * The body sites a billed line is for (SPEC 4.1): from its `;` description and its modifiers
 * (FA-F9 fingers, TA-T9 toes, E1-E4 eyelids), else from the note's line that names its code
 * ("Fat grafting to the plantar feet, CPT 15774"). A line with no known site is scoped to
 * nothing: every sentence documents for it.
 */
import type { ClaimLine, NoteDocument } from '../documents/model';
import type { CompiledConcepts } from '../evidence/compile';
import { sitesIn } from '../evidence/analyze';
import type { LineIndex } from '../lineIndex';

/** The lexical class `site-access`: donor sites, pump pockets (not a treated site). */
const ACCESS = 'access';

/** What the HCPCS modifiers of digits and eyelids say about the site. */
function modifierSite(mod: string): string | undefined {
  const m = mod.toUpperCase();
  if (/^F[A1-9]$/.test(m)) return 'hand';
  if (/^T[A1-9]$/.test(m)) return 'foot';
  if (/^E[1-4]$/.test(m)) return 'face';
  return undefined;
}

export interface NoteWithLines {
  note: NoteDocument;
  text: string;
  lines: LineIndex;
}

/** Per billed code, the sites named on the note lines that mention it: one pass over the notes. */
export type MentionSites = ReadonlyMap<string, readonly string[]>;

export function mentionSites(compiled: CompiledConcepts, notes: readonly NoteWithLines[]): MentionSites {
  const byCode = new Map<string, Set<string>>();
  for (const n of notes) {
    // A line naming many codes is read once ("CPT 15773, 15774 to the face and feet").
    const lineSites = new Map<number, string[]>();
    for (const m of n.note.mentions) {
      if (m.scheme !== 'procedure') continue;
      const l = n.lines.lineOf(m.code.span.start);
      let sites = lineSites.get(l);
      if (!sites) lineSites.set(l, (sites = sitesIn(compiled, n.text.slice(n.lines.lineStart(l), n.lines.lineEnd(l)))));
      if (!sites.length) continue;
      const code = m.code.value.toUpperCase();
      let set = byCode.get(code);
      if (!set) byCode.set(code, (set = new Set()));
      for (const s of sites) set.add(s);
    }
  }
  return new Map([...byCode].map(([code, set]) => [code, [...set]]));
}

export function claimLineSites(compiled: CompiledConcepts, line: ClaimLine, fromNotes: MentionSites): string[] | undefined {
  const sites = new Set<string>();
  // "full-thickness graft, groin donor", "pump, L abdominal pocket": a part of the description
  // that names where tissue comes from or hardware sits is not the treated site.
  for (const part of line.description?.value.split(/[,;]/) ?? []) {
    const named = sitesIn(compiled, part);
    if (!named.includes(ACCESS)) for (const s of named) sites.add(s);
  }
  for (const m of line.modifiers) {
    const s = modifierSite(m.value);
    if (s) sites.add(s);
  }
  if (sites.size) return [...sites];
  const named = fromNotes.get(line.code.value.toUpperCase());
  return named ? [...named] : undefined;
}
