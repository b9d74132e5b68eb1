/**
 * Every statement in a checked document's evidence that documents a criterion, not only the
 * first one a determination quotes: what a coverage rationale cites (SPEC 6). The evidence is
 * the same as the check's (the note itself, or the notes a claim links, and the dx codes).
 */
import { resolve } from 'node:path';
import { EvidenceSet, type DxCode, type EvidenceSource } from '../determine/evidenceSet';
import type { CompiledConcepts } from '../evidence/compile';
import { LineIndex } from '../lineIndex';
import type { CheckResult, EvidenceRef } from '../results';
import type { Host } from './claim';
import { claimDx, noteDx } from './common';
import type { AnalysedNote, SourceCache } from './sources';

export function documentedIn(
  compiled: CompiledConcepts,
  cache: SourceCache,
  result: CheckResult,
  host: Host,
  criteria: Iterable<string>,
): Map<string, EvidenceRef[]> {
  const doc = result.document;
  let sources: AnalysedNote[];
  let dx: DxCode[];
  if (doc.kind === 'note') {
    const src = cache.note(result.path, doc.text, doc);
    sources = [src];
    dx = noteDx(doc, result.path, src.lines);
  } else {
    sources = [];
    for (const path of result.linkedNotes) {
      const text = path === resolve(result.path) ? undefined : host.readText(path);
      if (text !== undefined) sources.push(cache.note(path, text));
    }
    dx = claimDx(doc, result.path, new LineIndex(doc.text));
    for (const n of sources) dx.push(...noteDx(n.note, n.path, n.lines));
  }
  const set = new EvidenceSet(compiled, sources as EvidenceSource[], dx);
  const out = new Map<string, EvidenceRef[]>();
  for (const c of criteria) if (!out.has(c)) out.set(c, set.all(c));
  return out;
}
