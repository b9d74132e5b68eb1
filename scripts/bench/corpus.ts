/**
 * Bench inputs built from the repository's examples and the MTSamples corpus: a realistic
 * 10 KB note (an example pump-trial note padded with pain-management dictations) and a 1 MB
 * note, each linked from the example claim.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const MTSAMPLES = resolve(ROOT, '../shared/data/mtsamples');
export const MTSAMPLES_NOTES = join(MTSAMPLES, 'notes');

const EXAMPLE_NOTE = join(ROOT, 'examples/notes/2024-08-19-pump-trial.note');
const EXAMPLE_CLAIM = join(ROOT, 'examples/claims/2024-0916-intrathecal-pump.claim');

/** MTSamples dictations of the specialties closest to the example (pain, spine), in file order. */
function mtsamplesTexts(): string[] {
  const index = readFileSync(join(MTSAMPLES, 'index.csv'), 'utf8').split('\n').slice(1);
  const wanted = index
    .filter((l) => /,(Pain Management|Neurosurgery|Orthopedic),/.test(l))
    .map((l) => l.slice(0, l.indexOf(',')));
  const all = readdirSync(MTSAMPLES_NOTES).filter((f) => f.endsWith('.note')).sort();
  const files = [...wanted, ...all.filter((f) => !wanted.includes(f))];
  return files.map((f) => readFileSync(join(MTSAMPLES_NOTES, f), 'utf8'));
}

/**
 * The example note with MTSamples text inserted between its history and its procedure, until
 * the note is `bytes` long (within one dictation).
 */
export function buildNote(bytes: number): string {
  const example = readFileSync(EXAMPLE_NOTE, 'utf8');
  const cut = example.indexOf('PROCEDURE:');
  const head = example.slice(0, cut);
  const tail = example.slice(cut);
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (const t of mtsamplesTexts()) {
    if (size >= bytes) break;
    const piece = t.slice(0, bytes - size).replace(/\s*$/, '\n\n');
    parts.push(piece);
    size += piece.length;
  }
  return head + parts.join('') + tail;
}

export interface Fixture {
  claimPath: string;
  claimText: string;
  notePath: string;
  noteText: string;
}

/** The example claim and its linked note replaced by `noteText`. */
export function fixture(noteText: string): Fixture {
  const claimText = readFileSync(EXAMPLE_CLAIM, 'utf8');
  const rel = /^note:\s*(.+)$/m.exec(claimText)![1].trim();
  return { claimPath: EXAMPLE_CLAIM, claimText, notePath: resolve(EXAMPLE_CLAIM, '..', rel), noteText };
}

/**
 * The keystroke case: the note text with one character changed, different at every
 * iteration, so the engine's per-text cache never answers.
 */
export function edited(text: string, i: number): string {
  const at = text.length >> 1;
  return text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at + 1);
}

/**
 * A note of about `bytes` characters made from the repository's example notes only (no
 * shared corpus needed): a header, the example bodies repeated, and a billed fat-grafting
 * code, so checking it analyses the whole text. `n` makes each generated note different.
 */
export function syntheticNote(bytes: number, n: number): string {
  const bodies = exampleBodies();
  const head = `---\npatient: MRN ${String(n).padStart(6, '0')}\npayer: Anthem Blue Cross Connecticut\nplan: commercial\ndate: 2024-03-01\n---\n`;
  const tail = `\nASSESSMENT AND PLAN:\nAutologous fat grafting to the face, CPT 15773 (generated note ${n}).\n`;
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const piece = bodies[i % bodies.length].slice(0, bytes - size);
    parts.push(piece);
    size += piece.length;
  }
  return head + parts.join('') + tail;
}

let bodies: string[] | undefined;
function exampleBodies(): string[] {
  const dir = join(ROOT, 'examples/notes');
  return (bodies ??= readdirSync(dir)
    .filter((f) => f.endsWith('.note'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
    // Their code mentions are dropped: the note bills one code, once.
    .map((body) => body.replace(/\b(CPT|HCPCS|ICD-10(-CM)?|codes?)\b/gi, 'procedure')));
}
