/**
 * `npm run -s eval:corpus [-- --sample N] [--seed S] [--out FILE]`
 *
 * Runs the engine over real notes nobody here wrote: every MTSamples note
 * (../shared/data/mtsamples/notes/*.note) and every ACI-BENCH visit note (the `note` column of
 * ../shared/data/aci-bench/*.csv). Each note goes through the whole engine (Engine.check, which
 * must never throw) and through analyzeText with the sections the note parser finds, which gives
 * the evidence per criterion.
 *
 * Prints: notes read, exceptions, and for each criterion how many notes document it (a mention
 * that counts), with the mentions that do not count by reason. Writes a random sample of matches
 * per criterion (quote, note, context decision and trigger) to out/eval/corpus-sample.md for
 * review (out/ is git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseNote } from '../../server/src/engine/documents/note';
import { analyzeText, type Mention } from '../../server/src/engine/evidence/analyze';
import { Engine, type Host } from '../../server/src/engine/index';
import { rng } from '../lib/rng';

const repoRoot = resolve(__dirname, '..', '..');
const dataRoot = join(repoRoot, '..', 'shared', 'data');
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

function usage(message: string): never {
  console.error(message);
  console.error('usage: npm run -s eval:corpus -- [--sample N] [--seed S] [--out FILE]');
  process.exit(2);
}

const args = process.argv.slice(2);
let perCriterion = 30;
let seed = 4;
let outFile = join(repoRoot, 'out', 'eval', 'corpus-sample.md');
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--sample') perCriterion = Number(value());
  else if (a === '--seed') seed = Number(value());
  else if (a === '--out') outFile = resolve(value());
  else usage(`unknown argument ${a}`);
}
if (!Number.isInteger(perCriterion) || perCriterion < 0) usage('--sample takes a non-negative integer');

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Doc {
  id: string;
  text: string;
}

function readCorpus(): { docs: Doc[]; missing: string[] } {
  const docs: Doc[] = [];
  const missing: string[] = [];
  const mt = join(dataRoot, 'mtsamples', 'notes');
  if (existsSync(mt)) {
    for (const f of readdirSync(mt).filter((n) => n.endsWith('.note')).sort()) {
      docs.push({ id: `mtsamples/${f}`, text: readFileSync(join(mt, f), 'utf8') });
    }
  } else missing.push(mt);
  const aci = join(dataRoot, 'aci-bench');
  if (existsSync(aci)) {
    for (const f of readdirSync(aci).filter((n) => n.endsWith('.csv') && !n.includes('metadata')).sort()) {
      const rows = parseCsv(readFileSync(join(aci, f), 'utf8'));
      const header = rows[0] ?? [];
      const noteCol = header.indexOf('note');
      const idCol = header.indexOf('encounter_id');
      if (noteCol < 0) continue;
      for (const [k, r] of rows.slice(1).entries()) {
        if (r.length <= noteCol || !r[noteCol].trim()) continue;
        docs.push({ id: `aci-bench/${basename(f, '.csv')}#${idCol >= 0 ? r[idCol] : k + 1}`, text: r[noteCol] });
      }
    }
  } else missing.push(aci);
  return { docs, missing };
}


const { docs, missing } = readCorpus();
if (docs.length === 0) {
  console.error(`eval:corpus: no notes found (looked in ${missing.join(', ')}). The corpora are expected under ../shared/data beside the project root.`);
  process.exit(2);
}

const engine = Engine.load({ bundled: true });
if (engine.policyErrors.length) {
  for (const e of engine.policyErrors) console.error(`policy error: ${e.path}: ${e.message}`);
  process.exit(2);
}
const host: Host = { readText: () => undefined };
const criteria = [...engine.compiled.concepts.keys()].sort();

interface Sampled {
  doc: string;
  text: string;
  mention: Mention;
}
const documented = new Map<string, Set<string>>(criteria.map((c) => [c, new Set()]));
const notCounting = new Map<string, Map<string, number>>(criteria.map((c) => [c, new Map()]));
const counting = new Map<string, Sampled[]>(criteria.map((c) => [c, []]));
const rejected = new Map<string, Sampled[]>(criteria.map((c) => [c, []]));
const exceptions: { doc: string; error: string }[] = [];
const t0 = performance.now();

for (const d of docs) {
  const path = join('/corpus', d.id.replace(/[#]/g, '_') + (d.id.endsWith('.note') ? '' : '.note'));
  try {
    engine.check({ path, text: d.text, kind: 'note' }, host, {});
    const note = parseNote(d.text);
    const evidence = analyzeText(engine.compiled, d.text, note.sections, note.bodyStart);
    for (const [concept, mentions] of evidence.byConcept) {
      for (const m of mentions) {
        if (m.counts) {
          documented.get(concept)?.add(d.id);
          counting.get(concept)?.push({ doc: d.id, text: d.text, mention: m });
        } else {
          const why = m.reason ?? 'numeric';
          const byReason = notCounting.get(concept)!;
          byReason.set(why, (byReason.get(why) ?? 0) + 1);
          rejected.get(concept)?.push({ doc: d.id, text: d.text, mention: m });
        }
      }
    }
  } catch (e) {
    exceptions.push({ doc: d.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
const ms = performance.now() - t0;

const mtCount = docs.filter((d) => d.id.startsWith('mtsamples/')).length;
console.log(`notes read: ${docs.length} (mtsamples ${mtCount}, aci-bench ${docs.length - mtCount})`);
console.log(`exceptions: ${exceptions.length}`);
for (const e of exceptions.slice(0, 5)) console.log(`  ${e.doc}: ${e.error.split('\n').slice(0, 3).join(' | ')}`);
console.log(`time: ${Math.round(ms)} ms`);
console.log('criterion: notes documenting it (mentions not counting, by reason)');
const width = Math.max(...criteria.map((c) => c.length));
for (const c of criteria) {
  const reasons = [...notCounting.get(c)!].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
  console.log(`  ${c.padEnd(width)}  ${String(documented.get(c)!.size).padStart(5)}${reasons ? `  (${reasons})` : ''}`);
}

// The sample for review: random mentions per criterion, those that count and those that do not.
const random = rng(seed);
const pick = <T>(list: T[], n: number): T[] => {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
};
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const show = (s: Sampled, i: number): string => {
  const m = s.mention;
  const sentence = s.text.slice(m.sentence.start, m.sentence.end);
  const a = m.span.start - m.sentence.start;
  const b = m.span.end - m.sentence.start;
  const quote = oneLine(`${sentence.slice(0, a)}**${sentence.slice(a, b)}**${sentence.slice(b)}`).slice(0, 600);
  const ctx = Object.entries(m.context).map(([k, v]) => `${k}: "${v}"`).join(', ');
  const verdict = m.counts ? 'counts' : `not counted: ${m.reason ?? 'numeric'}${m.trigger ? ` ("${m.trigger}")` : ''}`;
  const relief = m.relief ? `; relief ${m.relief.percent}% from "${m.relief.quote}"` : '';
  return `${i + 1}. \`${s.doc}\` [${m.section ?? 'no section'}] ${verdict}${ctx ? `; context ${ctx}` : ''}${relief}\n   > ${quote}\n`;
};
const lines: string[] = [
  '# eval:corpus sample',
  '',
  `Generated by \`npm run -s eval:corpus\` (seed ${seed}); ${docs.length} notes, ${exceptions.length} exceptions.`,
  'Each criterion: a random sample of mentions that document it, then of mentions the context rejected.',
  'The matched words are in bold; the bracket gives the section the note parser found.',
  '',
];
for (const c of criteria) {
  const yes = counting.get(c)!;
  const no = rejected.get(c)!;
  lines.push(`## ${c}`, '', `${documented.get(c)!.size} notes document it; ${yes.length} counting mentions, ${no.length} rejected.`, '');
  lines.push(`### counting (${Math.min(perCriterion, yes.length)} of ${yes.length})`, '');
  pick(yes, perCriterion).forEach((s, i) => lines.push(show(s, i)));
  lines.push(`### rejected (${Math.min(Math.ceil(perCriterion / 2), no.length)} of ${no.length})`, '');
  pick(no, Math.ceil(perCriterion / 2)).forEach((s, i) => lines.push(show(s, i)));
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, lines.join('\n'));
console.log(`sample: ${relative(process.cwd(), outFile) || outFile}`);
if (exceptions.length) process.exitCode = 1;
