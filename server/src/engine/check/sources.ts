/**
 * Turns note texts into evidence sources, with a per-path cache keyed by the exact text:
 * re-checking a claim after an edit elsewhere re-analyses nothing that did not change. A
 * note's text is analysed on the first question about its evidence: a note that bills no
 * code (most of a corpus) is parsed, never scanned for concepts.
 *
 * The cache is bounded in bytes, not entries: a few notes of 10 MB weigh as much as
 * thousands of short ones. Beyond the budget the least recently used notes are dropped.
 */
import type { NoteDocument } from '../documents/model';
import { parseNote } from '../documents/note';
import type { CompiledConcepts } from '../evidence/compile';
import { analyzeText, type TextEvidence } from '../evidence/analyze';
import { LineIndex } from '../lineIndex';
import type { EvidenceSource } from '../determine/evidenceSet';

export interface AnalysedNote extends EvidenceSource {
  note: NoteDocument;
}

/**
 * The memory budget of the analysed-note cache, in bytes (64 MB). The language server's
 * heap is this budget plus its loaded policies and the one document being checked; see
 * docs/performance.md ("Memory").
 */
export const SOURCE_CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Heap bytes one analysed note holds per character of its text: the text (2 bytes a
 * character at worst), its line index, parse and evidence. Measured at about 2.6 for 1 MB
 * of English dictation (a one-byte string); 3 keeps the estimate an upper bound.
 */
const BYTES_PER_CHAR = 3;

export const noteWeight = (text: string): number => BYTES_PER_CHAR * text.length + 1024;

export class SourceCache {
  /** In recency order: the first entry is the least recently used. */
  private readonly entries = new Map<string, AnalysedNote>();
  private weight = 0;

  constructor(
    private readonly compiled: CompiledConcepts,
    readonly budget = SOURCE_CACHE_BUDGET_BYTES,
  ) {}

  /** Estimated bytes held by the cached notes (never over the budget). */
  get bytes(): number {
    return this.weight;
  }

  get size(): number {
    return this.entries.size;
  }

  note(path: string, text: string, parsed?: NoteDocument): AnalysedNote {
    const hit = this.entries.get(path);
    if (hit && hit.text === text) {
      // Refresh recency.
      this.entries.delete(path);
      this.entries.set(path, hit);
      return hit;
    }
    const note = parsed ?? parseNote(text);
    const compiled = this.compiled;
    let evidence: TextEvidence | undefined;
    const source: AnalysedNote = {
      path,
      text,
      note,
      lines: new LineIndex(text),
      get evidence() {
        return (evidence ??= analyzeText(compiled, text, note.sections, note.bodyStart));
      },
    };
    this.forget(path);
    const w = noteWeight(text);
    // A note heavier than the whole budget is used for this check and not kept.
    if (w > this.budget) return source;
    for (const [oldest, entry] of this.entries) {
      if (this.weight + w <= this.budget) break;
      this.entries.delete(oldest);
      this.weight -= noteWeight(entry.text);
    }
    this.entries.set(path, source);
    this.weight += w;
    return source;
  }

  /** Drops one path's note (the server does so for files that are no longer open). */
  forget(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    this.weight -= noteWeight(entry.text);
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
