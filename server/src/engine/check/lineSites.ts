/**
 * The body sites a billed line is for (SPEC 4.1): from its `;` description and its modifiers
 * (FA-F9 fingers, TA-T9 toes, E1-E4 eyelids), else from the note's line that names its code
 * ("Fat grafting to the plantar feet, CPT 15774"). A line with no known site is scoped to
 * nothing: every sentence documents for it.
 */
import type { ClaimLine, NoteDocument } from '../documents/model';
import type { CompiledConcepts, ScopeKind } from '../evidence/compile';
import { namesDeformity, sitesIn } from '../evidence/analyze';
import type { LineIndex } from '../lineIndex';
import { trimEnd } from '../documents/text';

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

/** Per billed code, the sites (or routes) named in the note sentences that mention it: one pass over the notes. */
export type MentionSites = ReadonlyMap<string, readonly string[]>;

/** Where sentences start in a line: after ". ", "! " or "? " (offsets into the line, ascending). */
function sentenceStarts(line: string): number[] {
  const starts = [0];
  const end = /[.!?]\s+/g;
  for (let m = end.exec(line); m; m = end.exec(line)) starts.push(m.index + m[0].length);
  return starts;
}

/** Longest sentence whose comma parts are searched for a code's route. */
const ROUTE_PART_MAX = 2000;

/** The bounds, within [from, to), of the comma- or semicolon-separated part holding offset `at`. */
function commaPart(text: string, from: number, to: number, at: number): [number, number] {
  let a = at;
  while (a > from && text[a - 1] !== ',' && text[a - 1] !== ';') a--;
  let b = at;
  while (b < to && text[b] !== ',' && text[b] !== ';') b++;
  return [a, b];
}

/** The last start at or before `at` (binary search: a 10 MB line with many codes stays linear). */
function startBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many lines a sentence wrapped by the writer may run back or on from a code's line. */
const WRAP_LINES = 2;

/**
 * The lines holding the sentence of line `l`, as a writer wraps it: "Pt wishes to proceed with
 * implantable intrathecal pump,\nCPT 62362, morphine." A line that ends a sentence (. ! ? or a
 * label's colon) or is blank ends the block.
 */
function wrappedBlock(n: NoteWithLines, l: number): [number, number] {
  /** The line's last character that is not a space, or '' for a blank line. */
  const lastChar = (line: number) => {
    const start = n.lines.lineStart(line);
    const k = trimEnd(n.text, start, n.lines.lineEnd(line));
    return k === start ? '' : n.text[k - 1];
  };
  const runsOn = (line: number) => {
    const c = lastChar(line);
    return c !== '' && !'.!?:'.includes(c);
  };
  let first = l;
  while (first > 0 && l - first < WRAP_LINES && runsOn(first - 1)) first--;
  let last = l;
  while (last + 1 < n.lines.lineCount && last - l < WRAP_LINES && runsOn(last) && lastChar(last + 1) !== '') last++;
  return [first, last];
}

/**
 * The sites or routes the note's sentence naming each code names (SPEC 4.1): "PLAN: pump with
 * intrathecal catheter (CPT 62362). Dose from the epidural requirement." gives 62362 intrathecal.
 */
export function mentionSites(compiled: CompiledConcepts, notes: readonly NoteWithLines[], kind: ScopeKind = 'site'): MentionSites {
  const byCode = new Map<string, Set<string>>();
  for (const n of notes) {
    // A sentence naming many codes is read once ("CPT 15773, 15774 to the face and feet").
    // Each line is sliced and split once, each sentence read once: a 10 MB line naming
    // thousands of codes stays linear.
    const lineSentences = new Map<string, { text: string; starts: number[] }>();
    const sentenceSites = new Map<string, string[]>();
    for (const m of n.note.mentions) {
      if (m.scheme !== 'procedure') continue;
      const [first, last] = wrappedBlock(n, n.lines.lineOf(m.code.span.start));
      const block = `${first}:${last}`;
      let line = lineSentences.get(block);
      if (!line) {
        const text = n.text.slice(n.lines.lineStart(first), n.lines.lineEnd(last));
        lineSentences.set(block, (line = { text, starts: sentenceStarts(text) }));
      }
      const at = m.code.span.start - n.lines.lineStart(first);
      const s = startBefore(line.starts, at);
      const from = line.starts[s];
      const to = line.starts[s + 1] ?? line.text.length;
      const read = (a: number, b: number): string[] => {
        const key = `${block}:${a}:${b}`;
        let named = sentenceSites.get(key);
        if (!named) sentenceSites.set(key, (named = treatedSites(compiled, line!.text.slice(a, b), kind)));
        return named;
      };
      // A route is the one named in the code's own comma part when it names one: "intrathecal
      // pump (CPT 62362) with morphine, converting from the epidural trial dose" is intrathecal.
      // (Short sentences only: the search per code would be quadratic in a 10 MB one.)
      const part = kind === 'route' && to - from <= ROUTE_PART_MAX ? commaPart(line.text, from, to, at) : undefined;
      const inPart = part ? read(part[0], part[1]) : [];
      const sites = inPart.length ? inPart : read(from, to);
      if (!sites.length) continue;
      const code = m.code.value.toUpperCase();
      let set = byCode.get(code);
      if (!set) byCode.set(code, (set = new Set()));
      for (const s of sites) set.add(s);
    }
  }
  return new Map([...byCode].map(([code, set]) => [code, [...set]]));
}

/**
 * The treated sites a procedure's words name: "full-thickness graft, groin donor", "pump, L
 * abdominal pocket", "graft to L socket, donor L hip (CPT 15769)": a comma part that names where
 * tissue comes from or hardware sits is not the treated site. Routes have no such parts.
 */
function treatedSites(compiled: CompiledConcepts, text: string, kind: ScopeKind): string[] {
  if (kind === 'route') return sitesIn(compiled, text, kind);
  const sites = new Set<string>();
  for (const part of text.split(/[,;]/)) {
    const named = sitesIn(compiled, part);
    // A donor site that is itself what is treated ("left thigh skin graft donor site
    // depression": class `deformity`) is the line's site, not a harvest site.
    if (!named.includes(ACCESS) || namesDeformity(compiled, part)) for (const s of named) if (s !== ACCESS) sites.add(s);
  }
  return [...sites];
}

/**
 * The sites the notes' PROCEDURE and INDICATIONS sections name: "the note's procedure text"
 * (SPEC 3.1), which decides whether an alternative limited to some sites (`siteOnly`: I.A.4.b
 * at the face) fits a line that names no site itself. It does not scope evidence: an op note's
 * procedure text also names donor sites and other lines' sites. Read once per check, when first asked (most lines never ask).
 */
export function procedureSites(compiled: CompiledConcepts, notes: readonly NoteWithLines[]): () => string[] {
  let read: string[] | undefined;
  return () => (read ??= readProcedureSites(compiled, notes));
}

function readProcedureSites(compiled: CompiledConcepts, notes: readonly NoteWithLines[]): string[] {
  const sites = new Set<string>();
  for (const n of notes)
    for (const s of n.note.sections)
      if (s.kind === 'procedure' || s.kind === 'indications')
        for (const site of treatedSites(compiled, n.text.slice(s.bodyStart, s.span.end), 'site')) sites.add(site);
  return [...sites];
}

export function claimLineSites(compiled: CompiledConcepts, line: ClaimLine, fromNotes: MentionSites): string[] | undefined {
  const sites = new Set<string>(line.description ? treatedSites(compiled, line.description.value, 'site') : []);
  for (const m of line.modifiers) {
    const s = modifierSite(m.value);
    if (s) sites.add(s);
  }
  if (sites.size) return [...sites];
  const named = fromNotes.get(line.code.value.toUpperCase());
  return named ? [...named] : undefined;
}

/**
 * The routes of administration each line is given by (`route-<name>` classes): its `;`
 * description's, else the note sentences that name its code, else those the claim's other lines
 * name (a pump and its catheter are one treatment: "tunneled intrathecal catheter" gives the pump
 * line its route). Each description is read once.
 */
export function claimLineRoutes(
  compiled: CompiledConcepts,
  lines: readonly ClaimLine[],
  fromNotes: MentionSites,
): (string[] | undefined)[] {
  const own = lines.map((l) => (l.description ? sitesIn(compiled, l.description.value, 'route') : []));
  const claim = [...new Set(own.flat())];
  return lines.map((l, i) => {
    if (own[i].length) return own[i];
    const named = fromNotes.get(l.code.value.toUpperCase());
    if (named?.length) return [...named];
    return claim.length ? [...claim] : undefined;
  });
}
