/**
 * Turns note texts into evidence sources, with a per-path cache keyed by the exact text:
 * re-checking a claim after an edit elsewhere re-analyses nothing that did not change. A
 * note's text is analysed on the first question about its evidence: a note that bills no
 * code (most of a corpus) is parsed, never scanned for concepts.
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

/** Notes kept analysed; beyond this the oldest entries are dropped (memory stays bounded). */
const CACHE_MAX = 2048;

export class SourceCache {
  private readonly entries = new Map<string, AnalysedNote>();

  constructor(private readonly compiled: CompiledConcepts) {}

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
    this.entries.delete(path);
    this.entries.set(path, source);
    if (this.entries.size > CACHE_MAX) this.entries.delete(this.entries.keys().next().value as string);
    return source;
  }

  clear(): void {
    this.entries.clear();
  }
}
