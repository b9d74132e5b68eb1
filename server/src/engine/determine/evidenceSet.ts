/**
 * The evidence available to one document: the analysed text of each evidence source (a note,
 * or the notes a claim links), the diagnosis codes on the claim or in the note, and, per
 * claim line, the drugs it names. Answers "is this criterion documented, and where?".
 */
import { normalizeIcd10 } from '../documents/codes';
import type { Spanned } from '../documents/model';
import type { CompiledConcepts } from '../evidence/compile';
import { analyzeText, type Mention, type TextEvidence } from '../evidence/analyze';
import type { LineIndex } from '../lineIndex';
import type { EvidenceRef, NearMiss } from '../results';
import type { Span } from '../types';

export interface EvidenceSource {
  path: string;
  text: string;
  lines: LineIndex;
  evidence: TextEvidence;
}

export interface DxCode {
  code: string; // normalised, dotted
  path: string;
  span: Span;
  lines: LineIndex;
}

/** What a claim line is for (SPEC 4.1): its body sites and its routes; each absent when none is known. */
export interface LineScope {
  sites?: readonly string[];
  routes?: readonly string[];
}

/** Whether a mention's scope lets it document for a line of `line` scope: same site, same route. */
function inScope(m: Mention, line: LineScope): boolean {
  return sitesOverlap(line.sites, m.sites) && overlaps(line.routes, m.routes);
}

/**
 * Sites are unknown on either side, or shared: a site both name, unless both also name parts
 * of it and no part is shared ("fat grafting, right temple" is not documented by a sentence
 * about the lips, though both are the face). Parts are named `<site>-<part>` (site-face-temple).
 */
function sitesOverlap(line?: readonly string[], mention?: readonly string[]): boolean {
  if (!line?.length || !mention?.length) return true;
  return line.some((site) => {
    if (!mention.includes(site)) return false;
    const part = (s: string) => s.startsWith(`${site}-`);
    const lineParts = line.filter(part);
    const mentionParts = mention.filter(part);
    return !lineParts.length || !mentionParts.length || lineParts.some((p) => mentionParts.includes(p));
  });
}

/** A scope is unknown (either side names none) or shared. */
function overlaps(a?: readonly string[], b?: readonly string[]): boolean {
  return !a?.length || !b?.length || a.some((x) => b.includes(x));
}

/** The words that put a mention outside a line's scope: its sites, else its routes. */
function scopeTrigger(m: Mention, line: LineScope): string {
  return (sitesOverlap(line.sites, m.sites) ? m.routes! : m.sites!).join(', ');
}

export interface Found {
  met?: EvidenceRef;
  /** For a criterion of several findings (`allOf`): its other parts' evidence. */
  also?: EvidenceRef[];
  miss?: NearMiss;
}

/** Longest quote kept as evidence text. */
const QUOTE_MAX = 240;

/** The quote of `span` as evidence carries it: whitespace collapsed, shortened to QUOTE_MAX. */
export function evidenceQuote(text: string, span: Span): string {
  const quote = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return quote.length > QUOTE_MAX ? quote.slice(0, QUOTE_MAX - 1) + '…' : quote;
}

function evidenceRef(path: string, text: string, lines: LineIndex, span: Span): EvidenceRef {
  return { path, line: lines.lineOf(span.start), text: evidenceQuote(text, span), span, range: lines.range(span) };
}

export class EvidenceSet {
  private readonly cache = new Map<string, Found>();

  constructor(
    private readonly compiled: CompiledConcepts,
    readonly sources: readonly EvidenceSource[],
    private readonly dx: readonly DxCode[],
  ) {}

  /** Whether any evidence source exists (a claim with no readable note has none). */
  get hasText(): boolean {
    return this.sources.length > 0;
  }

  /** Where the criterion is documented for a line of that scope (none: a line of no known site or route). */
  find(criterion: string, scope: LineScope = {}): Found {
    const key = [criterion, [...(scope.sites ?? [])].sort().join(','), [...(scope.routes ?? [])].sort().join(',')].join('\u0000');
    let found = this.cache.get(key);
    if (!found) this.cache.set(key, (found = this.search(criterion, scope)));
    return found;
  }

  /** The criterion for one claim line: also documented by the drugs its `drug` field names. */
  findForLine(
    criterion: string,
    drugs: readonly Spanned[] | undefined,
    claim?: { path: string; text: string; lines: LineIndex },
    scope: LineScope = {},
  ): Found {
    const general = this.find(criterion, scope);
    if (general.met || !drugs?.length || !claim) return general;
    const concept = this.compiled.concepts.get(criterion);
    if (!concept?.matchDrugField) return general;
    const span = { start: drugs[0].span.start, end: drugs[drugs.length - 1].span.end };
    // Two or more drugs in one pump are a mixture, which the FDA has not approved.
    if (drugs.length > 1) return { met: evidenceRef(claim.path, claim.text, claim.lines, span) };
    const ev = analyzeText(this.compiled, claim.text.slice(0, span.end), [], span.start, { ignoreNear: true });
    const hit = ev.byConcept.get(criterion)?.find((m) => m.counts);
    return hit ? { met: evidenceRef(claim.path, claim.text, claim.lines, span) } : general;
  }

  /**
   * Every statement that documents the criterion, in source order (each note, then the dx
   * codes): what a rationale quotes. Not scoped to a billed line (that is each line's `met`).
   */
  all(criterion: string): EvidenceRef[] {
    const parts = this.compiled.concepts.get(criterion)?.allOf;
    if (parts) return parts.flatMap((p) => this.all(p));
    const out: EvidenceRef[] = [];
    for (const src of this.sources) {
      for (const m of src.evidence.byConcept.get(criterion) ?? []) {
        if (!m.counts) continue;
        const ref = evidenceRef(src.path, src.text, src.lines, m.sentence);
        out.push(m.sites?.length ? { ...ref, sites: m.sites } : ref);
      }
    }
    const concept = this.compiled.concepts.get(criterion);
    // A code in a line already quoted (`HIV infection (ICD-10 B20)`) adds nothing to the quote.
    const quoted = new Set(out.map((e) => `${e.path}\u0000${e.line}`));
    for (const d of this.dx) {
      if (!concept?.icd10.some((p) => d.code.startsWith(normalizeIcd10(p)))) continue;
      const ref = evidenceRef(d.path, d.lines.text, d.lines, lineSpan(d));
      if (!quoted.has(`${ref.path}\u0000${ref.line}`)) out.push(ref);
    }
    return out;
  }

  private search(criterion: string, scope: LineScope): Found {
    const parts = this.compiled.concepts.get(criterion)?.allOf;
    if (parts) return this.searchParts(criterion, parts, scope);
    let miss: NearMiss | undefined;
    let scopeMiss: NearMiss | undefined;
    for (const src of this.sources) {
      const mentions = src.evidence.byConcept.get(criterion);
      if (!mentions) continue;
      for (const m of mentions) {
        // SPEC 4.1: a sentence that names a body site documents only for lines at that site
        // (and, for a trial, one that names a route only for lines of that route).
        if (m.counts && inScope(m, scope)) {
          const met = evidenceRef(src.path, src.text, src.lines, m.sentence);
          const scopedTo = [...(m.sites ?? []), ...(m.routes ?? [])];
          return { met: scopedTo.length ? { ...met, sites: scopedTo } : met };
        }
        const threshold = this.compiled.concepts.get(criterion)?.numeric?.greaterThan;
        if (m.counts) scopeMiss ??= { ...nearMiss(criterion, src, m, threshold), reason: 'scope', trigger: scopeTrigger(m, scope) };
        else miss ??= nearMiss(criterion, src, m, threshold);
      }
    }
    miss = scopeMiss ?? miss;
    const concept = this.compiled.concepts.get(criterion);
    if (concept?.icd10.length) {
      for (const d of this.dx) {
        if (concept.icd10.some((p) => d.code.startsWith(normalizeIcd10(p)))) {
          return { met: evidenceRef(d.path, d.lines.text, d.lines, lineSpan(d)) };
        }
      }
    }
    return { miss };
  }

  /**
   * A criterion of several findings: documented for the line when each part is, each in its
   * own sentence and scope. Missing, its near miss is its first missing part's, reported as
   * the criterion's (the words that were there and why they did not count).
   */
  private searchParts(criterion: string, parts: readonly string[], scope: LineScope): Found {
    const found = parts.map((p) => this.find(p, scope));
    if (found.every((f) => f.met)) return { met: found[0].met, also: found.slice(1).map((f) => f.met!) };
    const miss = found.find((f) => !f.met && f.miss)?.miss;
    return miss ? { miss: { ...miss, criterion } } : {};
  }
}

function lineSpan(d: DxCode): Span {
  const line = d.lines.lineOf(d.span.start);
  return { start: d.lines.lineStart(line), end: d.lines.lineEnd(line) };
}

function nearMiss(criterion: string, src: EvidenceSource, m: Mention, threshold: number | undefined): NearMiss {
  return {
    criterion,
    reason: m.reason ?? 'numeric',
    trigger: m.trigger,
    value: m.relief?.percent,
    ...((m.reason ?? 'numeric') === 'numeric' && threshold !== undefined ? { threshold } : {}),
    evidence: evidenceRef(src.path, src.text, src.lines, m.sentence),
  };
}
