/**
 * The review sample of `eval:corpus`: for each criterion, a seeded random choice of the
 * mentions that document it (and of those the context rejected), with what the engine says of
 * each: the whole sentence with the matched words in bold, the section, the context triggers,
 * the body sites and the relief read. A reviewer marks each one TP or FP (docs/clinical-context.md).
 *
 * The choice is a bottom-k sample: every candidate gets a pseudo-random key from the seed, the
 * criterion and its own text, and the k smallest keys are taken. The same seed gives the same
 * sample, and after a concept is tuned the sentences that still match keep their keys, so a
 * second review only reads the sentences that entered the sample.
 */
import { analyzeText, type Mention } from '../../server/src/engine/evidence/analyze';
import type { CompiledConcepts } from '../../server/src/engine/evidence/compile';
import { parseNote } from '../../server/src/engine/documents/note';
import { LineIndex } from '../../server/src/engine/index';
import { rng } from '../lib/rng';

export interface CorpusNote {
  id: string;
  text: string;
}

/** One mention in one distinct note text; `alsoIn` are the other files with the same text. */
export interface Match {
  doc: string;
  alsoIn: string[];
  text: string;
  mention: Mention;
}

/** Per criterion, the mentions that document it and those that do not, over distinct note texts. */
export interface CorpusMatches {
  counting: Map<string, Match[]>;
  rejected: Map<string, Match[]>;
  /** Per criterion, the files (all copies) whose text documents it. */
  files: Map<string, Set<string>>;
  /** Per criterion, the distinct texts that document it. */
  texts: Map<string, number>;
  distinctTexts: number;
}

/**
 * Reads every note once per distinct text (MTSamples files many reports under two specialties)
 * with the engine's evidence reader, as the engine reads a note (its sections, its body start).
 */
export function collectMatches(compiled: CompiledConcepts, notes: readonly CorpusNote[]): CorpusMatches {
  const copies = new Map<string, string[]>();
  for (const n of notes) {
    const ids = copies.get(n.text);
    if (ids) ids.push(n.id);
    else copies.set(n.text, [n.id]);
  }
  const criteria = [...compiled.concepts.keys()];
  const counting = new Map<string, Match[]>(criteria.map((c) => [c, []]));
  const rejected = new Map<string, Match[]>(criteria.map((c) => [c, []]));
  const files = new Map<string, Set<string>>(criteria.map((c) => [c, new Set()]));
  const texts = new Map<string, number>(criteria.map((c) => [c, 0]));
  for (const [text, ids] of copies) {
    ids.sort(); // the first file names the text, whatever order the notes came in
    const note = parseNote(text);
    const evidence = analyzeText(compiled, text, note.sections, note.bodyStart);
    for (const [concept, mentions] of evidence.byConcept) {
      let documents = false;
      for (const mention of mentions) {
        const match = { doc: ids[0], alsoIn: ids.slice(1), text, mention };
        (mention.counts ? counting : rejected).get(concept)?.push(match);
        documents ||= mention.counts;
      }
      if (!documents) continue;
      for (const id of ids) files.get(concept)?.add(id);
      texts.set(concept, (texts.get(concept) ?? 0) + 1);
    }
  }
  return { counting, rejected, files, texts, distinctTexts: copies.size };
}

/** FNV-1a of a string, as the seed of one candidate's key. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const sentenceOf = (m: Match) => m.text.slice(m.mention.sentence.start, m.mention.sentence.end);

/**
 * Up to `n` of `matches`, chosen at random by `seed`: the same seed and matches give the same
 * sample in the same order, whatever order the matches come in. The key depends on the note,
 * the sentence and the matched words, not on the other candidates.
 */
export function sampleMatches(matches: readonly Match[], criterion: string, n: number, seed: number): Match[] {
  const keyed = matches.map((m) => {
    const words = m.text.slice(m.mention.span.start, m.mention.span.end);
    const key = rng(fnv1a(`${seed}\u0000${criterion}\u0000${m.doc}\u0000${sentenceOf(m)}\u0000${words}`))();
    return { m, key };
  });
  // Equal keys (one chance in 2^32) fall back to the note and the position: still deterministic.
  const byPlace = (a: Match, b: Match) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.mention.span.start - b.mention.span.start);
  keyed.sort((a, b) => a.key - b.key || byPlace(a.m, b.m));
  return keyed.slice(0, n).map((k) => k.m);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The whole sentence, the matched words in bold. */
export function markedSentence(m: Match): string {
  const { span, sentence } = m.mention;
  const s = sentenceOf(m);
  const a = span.start - sentence.start;
  const b = span.end - sentence.start;
  return oneLine(`${s.slice(0, a)}**${oneLine(s.slice(a, b))}**${s.slice(b)}`);
}

/**
 * What the engine says of a mention: the words that matched, its section, each context trigger
 * (which the concept may count: "history of" does for a failed therapy), the sites, the relief.
 */
export function explain(m: Match, concept?: { hypothetical: string; historical: string }): string {
  const mention = m.mention;
  const parts = [`matched "${oneLine(m.text.slice(mention.span.start, mention.span.end))}"`, `section ${mention.section ?? 'none'}`];
  for (const [category, trigger] of Object.entries(mention.context)) {
    const policy = category === 'hypothetical' || category === 'historical' ? concept?.[category] : undefined;
    parts.push(`${category} "${trigger}"${policy ? ` (${policy} for this concept)` : ''}`);
  }
  if (mention.sites?.length) parts.push(`sites ${mention.sites.join(', ')}`);
  if (mention.relief) parts.push(`relief ${mention.relief.percent}% from "${oneLine(mention.relief.quote)}"`);
  parts.push(mention.counts ? 'counts' : `not counted: ${mention.reason ?? 'numeric'}${mention.trigger ? ` ("${mention.trigger}")` : ''}`);
  return parts.join('; ');
}

function entry(m: Match, i: number, concept?: { hypothetical: string; historical: string }): string {
  const line = new LineIndex(m.text).lineOf(m.mention.span.start) + 1;
  const copies = m.alsoIn.length ? ` (same text: ${m.alsoIn.join(', ')})` : '';
  return `${i + 1}. \`${m.doc}\` line ${line}${copies}\n   > ${markedSentence(m)}\n\n   engine: ${explain(m, concept)}\n`;
}

/** The sample as markdown: per criterion, the counting sample, then the rejected one. */
export function renderSample(
  compiled: CompiledConcepts,
  corpus: CorpusMatches,
  options: { perCriterion: number; seed: number; title: string; notes: number },
): string {
  const { perCriterion, seed } = options;
  const lines = [
    `# ${options.title}`,
    '',
    `Seed ${seed}, up to ${perCriterion} documenting mentions per criterion over ${options.notes} notes ` +
      `(${corpus.distinctTexts} distinct texts: a text filed twice is read once, its other files are named).`,
    'Each entry: the note file and line, the whole sentence the engine quotes with the matched words in bold,',
    "and the engine's explanation (matched words, section, context triggers, sites, relief).",
    '',
  ];
  for (const c of [...compiled.concepts.keys()].sort()) {
    const concept = compiled.concepts.get(c);
    const yes = corpus.counting.get(c) ?? [];
    const no = corpus.rejected.get(c) ?? [];
    const files = corpus.files.get(c)?.size ?? 0;
    const texts = corpus.texts.get(c) ?? 0;
    const counts = `${yes.length} counting mentions, ${no.length} rejected`;
    lines.push(`## ${c}`, '', `${files} note files (${texts} distinct texts) document it; ${counts}.`, '');
    const shown = sampleMatches(yes, c, perCriterion, seed);
    lines.push(`### counting (${shown.length} of ${yes.length})`, '');
    shown.forEach((m, i) => lines.push(entry(m, i, concept)));
    const rejectedShown = sampleMatches(no, c, Math.ceil(perCriterion / 2), seed);
    lines.push(`### rejected (${rejectedShown.length} of ${no.length})`, '');
    rejectedShown.forEach((m, i) => lines.push(entry(m, i, concept)));
  }
  return lines.join('\n');
}
