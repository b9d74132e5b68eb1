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

export interface Found {
  met?: EvidenceRef;
  miss?: NearMiss;
}

/** Longest quote kept as evidence text. */
const QUOTE_MAX = 240;

function evidenceRef(path: string, text: string, lines: LineIndex, span: Span): EvidenceRef {
  let quote = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (quote.length > QUOTE_MAX) quote = quote.slice(0, QUOTE_MAX - 1) + '…';
  return { path, line: lines.lineOf(span.start), text: quote, span, range: lines.range(span) };
}

export class EvidenceSet {
  private readonly cache = new Map<string, Found>();

  constructor(
    private readonly compiled: CompiledConcepts,
    readonly sources: readonly EvidenceSource[],
    private readonly dx: readonly DxCode[],
  ) {}

  find(criterion: string): Found {
    let found = this.cache.get(criterion);
    if (!found) this.cache.set(criterion, (found = this.search(criterion)));
    return found;
  }

  /** The criterion for one claim line: also documented by the drugs its `drug` field names. */
  findForLine(criterion: string, drugs: readonly Spanned[] | undefined, claim?: { path: string; text: string; lines: LineIndex }): Found {
    const general = this.find(criterion);
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

  private search(criterion: string): Found {
    let miss: NearMiss | undefined;
    for (const src of this.sources) {
      const mentions = src.evidence.byConcept.get(criterion);
      if (!mentions) continue;
      for (const m of mentions) {
        if (m.counts) return { met: evidenceRef(src.path, src.text, src.lines, m.sentence) };
        miss ??= nearMiss(criterion, src, m, this.compiled.concepts.get(criterion)?.numeric?.greaterThan);
      }
    }
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
