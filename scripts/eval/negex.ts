/**
 * `npm run -s eval:negex -- [file] [--part tune|held] [--rows odd|even|all] [--errors]`
 *
 * Scores the engine's clinical context on the NegEx annotated test set (Chapman et al.): each
 * row's condition is classified in its sentence by the engine's own code path. The condition
 * becomes one more concept pattern, compiled with the bundled concepts and the context lexicon
 * into the same one automaton (compileConcepts), and the sentence goes through analyzeText with
 * the sections the note parser finds in it, exactly as a note does. Nothing here decides context.
 *
 * Prints exactly:
 *   negation.precision / negation.recall / negation.f1   (Negated is the positive class)
 *   historical.f1                                        (Historical is the positive class)
 *   hypothetical.precision / .recall / .f1               ("Not particular" temporality is the positive class)
 *   experiencer.accuracy
 *   sentences
 * `--part tune` / `--part held` score a fixed pseudo-random 70% / 30% split of the rows (the held
 * part is kept aside while tuning the lexicon). `--rows odd` / `--rows even` score the odd- or
 * even-numbered data rows of the file (1st, 3rd, ... / 2nd, 4th, ..., header not counted): a
 * second split, tuned on odd and reported on even. `--errors` lists the misclassified rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseNote } from '../../server/src/engine/documents/note';
import { analyzeText, type Mention } from '../../server/src/engine/evidence/analyze';
import { compileConcepts } from '../../server/src/engine/evidence/compile';
import { bundledPolicyDir, loadPolicyFiles, readPolicyDir } from '../../server/src/engine/policies/load';
import type { Concept } from '../../server/src/engine/policies/schema';

const repoRoot = resolve(__dirname, '..', '..');
// `| head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

interface Row {
  line: string;
  condition: string;
  sentence: string;
  negation: string;
  temporality: string;
  experiencer: string;
}

function usage(message: string): never {
  console.error(message);
  console.error('usage: npm run -s eval:negex -- [file.tsv] [--part tune|held] [--rows odd|even|all] [--errors]');
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let part: 'all' | 'tune' | 'held' = 'all';
let parity: 'all' | 'odd' | 'even' = 'all';
let showErrors = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--errors') showErrors = true;
  else if (a === '--part') {
    const v = args[++i];
    if (v !== 'tune' && v !== 'held' && v !== 'all') usage(`--part takes tune, held or all, got ${v ?? 'nothing'}`);
    part = v;
  } else if (a === '--rows') {
    const v = args[++i];
    if (v !== 'odd' && v !== 'even' && v !== 'all') usage(`--rows takes odd, even or all, got ${v ?? 'nothing'}`);
    parity = v;
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (file) usage('give at most one file');
  else file = a;
}
const path = file ? resolve(file) : join(repoRoot, '..', 'shared', 'data', 'negex', 'dev.tsv');
if (!existsSync(path)) {
  console.error(
    `eval:negex: ${path} not found. The NegEx annotated test set is expected at ../shared/data/negex/dev.tsv beside the project root (or give a TSV path).`,
  );
  process.exit(2);
}

function readRows(text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const cols = lines[i].split('\t');
    if (cols.length < 6) continue;
    if (i === 0 && !/^\d+$/.test(cols[0].trim())) continue; // header
    const [line, condition, sentence, negation, temporality, experiencer] = cols.map((c) => c.trim());
    rows.push({ line, condition, sentence, negation, temporality, experiencer });
  }
  return rows;
}

/** Deterministic 30% of the rows, by a hash of the row's line number and condition. */
function isHeld(r: Row): boolean {
  let h = 2166136261;
  for (const ch of `${r.line}\t${r.condition}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) % 100 < 30;
}

/**
 * The condition as a concept pattern: its words, as the pattern language reads them. Characters
 * that are operators of that language ("(venous)") become a short gap.
 */
function conditionPattern(condition: string): string | undefined {
  const p = condition
    .replace(/\.\.\./g, ' ')
    .replace(/[()[\]|#*]+/g, ' ... ')
    .replace(/(\s*\.\.\.\s*)+/g, ' ... ')
    .trim()
    .replace(/^\.\.\.\s*|\s*\.\.\.$/g, '')
    .trim();
  return p || undefined;
}

const bundledDir = bundledPolicyDir();
if (!bundledDir) {
  console.error('eval:negex: bundled policies not found');
  process.exit(2);
}
const bundled = loadPolicyFiles(readPolicyDir(bundledDir).files).concepts.map((c) => c.concept);

let rows = readRows(readFileSync(path, 'utf8'));
// Data rows are numbered from 1 in file order: odd rows are the 1st, 3rd, ...
if (parity !== 'all') rows = rows.filter((_, i) => (i % 2 === 0) === (parity === 'odd'));
if (part !== 'all') rows = rows.filter((r) => isHeld(r) === (part === 'held'));

// One concept per row, all compiled with the bundled concepts and the lexicon into one automaton.
const rowConcepts: Concept[] = [];
const conceptOf = new Map<Row, string>();
for (const [i, r] of rows.entries()) {
  const pattern = conditionPattern(r.condition);
  if (!pattern) continue;
  const id = `negex-row-${i}`;
  conceptOf.set(r, id);
  rowConcepts.push({
    id,
    label: r.condition,
    description: r.condition,
    patterns: [pattern],
    icd10: [],
    historical: 'counts',
    hypothetical: 'counts',
    matchDrugField: false,
    prompt: r.condition,
    promptSection: 'end',
  } as unknown as Concept);
}
const compiled = compileConcepts([...bundled, ...rowConcepts]);
const badPatterns = new Set(compiled.problems.map((p) => p.concept));

interface Outcome {
  row: Row;
  mention?: Mention;
  negated: boolean;
  historical: boolean;
  hypothetical: boolean;
  other: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sentence with other occurrences of the condition masked, and where the annotated one is. */
function maskOthers(sentence: string, condition: string): { text: string; at: number } {
  const pattern = (c: string) => c.trim().split(/\s+/).map(escapeRe).join('\\s+');
  const words = pattern(condition);
  if (!words) return { text: sentence, at: 0 };
  const exact = new RegExp(pattern(condition.toUpperCase())).exec(sentence);
  const at = exact ? exact.index : -1;
  let text = sentence;
  if (at >= 0) {
    for (const m of sentence.matchAll(new RegExp(words, 'gi'))) {
      if (m.index === at) continue;
      text = text.slice(0, m.index) + m[0].replace(/[A-Za-z0-9]/g, 'x') + text.slice(m.index + m[0].length);
    }
  }
  return { text, at: Math.max(0, at) };
}

const outcomes: Outcome[] = [];
for (const r of rows) {
  const id = conceptOf.get(r);
  let mention: Mention | undefined;
  if (id && !badPatterns.has(id)) {
    // The annotated occurrence is the one written in capitals. The engine keeps one mention per
    // concept and sentence, so other occurrences of the same words are masked (letters become
    // "x": same tokens, same offsets) to make the engine report on the annotated one.
    const text = maskOthers(r.sentence, r.condition);
    const note = parseNote(text.text);
    const evidence = analyzeText(compiled, text.text, note.sections, note.bodyStart);
    const mentions = evidence.byConcept.get(id) ?? [];
    mention = mentions.find((m) => m.span.start <= text.at && text.at < m.span.end) ?? mentions[0];
  }
  const c = mention?.context ?? {};
  outcomes.push({
    row: r,
    mention,
    negated: Boolean(c.negated),
    historical: Boolean(c.historical),
    hypothetical: Boolean(c.hypothetical),
    other: Boolean(c.experiencer),
  });
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
function prf(pairs: [boolean, boolean][]): [number, number, number] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [gold, sys] of pairs) {
    if (gold && sys) tp++;
    else if (!gold && sys) fp++;
    else if (gold && !sys) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return [p, r, f1(p, r)];
}

const neg = prf(outcomes.map((o) => [/^negated$/i.test(o.row.negation), o.negated]));
const hist = prf(outcomes.map((o) => [/^historical$/i.test(o.row.temporality), o.historical]));
// ConText's temporality "Not particular" (hypothetical, not of a particular time) is the positive class.
const hyp = prf(outcomes.map((o) => [/^not particular$/i.test(o.row.temporality), o.hypothetical]));
const expOk = outcomes.filter((o) => !/^patient$/i.test(o.row.experiencer) === o.other).length;
const f = (x: number) => x.toFixed(3);

console.log(`negation.precision: ${f(neg[0])}`);
console.log(`negation.recall: ${f(neg[1])}`);
console.log(`negation.f1: ${f(neg[2])}`);
console.log(`historical.f1: ${f(hist[2])}`);
console.log(`hypothetical.precision: ${f(hyp[0])}`);
console.log(`hypothetical.recall: ${f(hyp[1])}`);
console.log(`hypothetical.f1: ${f(hyp[2])}`);
console.log(`experiencer.accuracy: ${f(outcomes.length ? expOk / outcomes.length : 0)}`);
console.log(`sentences: ${outcomes.length}`);

if (showErrors) {
  const wrong: string[] = [];
  for (const o of outcomes) {
    const r = o.row;
    const issues: string[] = [];
    const goldNeg = /^negated$/i.test(r.negation);
    if (goldNeg !== o.negated) issues.push(goldNeg ? 'NEG-MISSED' : `NEG-FALSE(${o.mention?.context.negated})`);
    const goldHist = /^historical$/i.test(r.temporality);
    if (goldHist !== o.historical) issues.push(goldHist ? 'HIST-MISSED' : `HIST-FALSE(${o.mention?.context.historical})`);
    const goldHyp = /^not particular$/i.test(r.temporality);
    if (goldHyp !== o.hypothetical) issues.push(goldHyp ? 'HYP-MISSED' : `HYP-FALSE(${o.mention?.context.hypothetical})`);
    const goldOther = !/^patient$/i.test(r.experiencer);
    if (goldOther !== o.other) issues.push(goldOther ? 'EXP-MISSED' : `EXP-FALSE(${o.mention?.context.experiencer})`);
    if (!issues.length) continue;
    const found = o.mention ? '' : ' [condition not found]';
    wrong.push(`${r.line}\t${issues.join(' ')}${found}\t${r.condition}\t${r.sentence.replace(/\s+/g, ' ')}`);
  }
  console.log(`\n# ${wrong.length} rows misclassified`);
  for (const w of wrong) console.log(w);
}
