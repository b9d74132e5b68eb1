/**
 * `npm run -s eval:corpus [-- --sample N] [--seed S] [--out FILE] [--data DIR]`
 *
 * Runs the engine over real notes nobody here wrote: every MTSamples note
 * (../shared/data/mtsamples/notes/*.note) and every ACI-BENCH visit note (the `note` column of
 * ../shared/data/aci-bench/*.csv). Each note goes through the whole engine (Engine.check, which
 * must never throw) and through analyzeText with the sections the note parser finds, which gives
 * the evidence per criterion.
 *
 * Prints: notes read, exceptions, and for each criterion how many notes document it (a mention
 * that counts), with the mentions that do not count by reason. Writes a seeded random sample of
 * the MTSamples matches per criterion (scripts/eval/sample.ts: the whole sentence, the note,
 * the engine's explanation) to out/eval/corpus-sample.md, or --out, for review (out/ is
 * git-ignored). `--data` names the shared data folder when the project is not beside it (a
 * git worktree).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseNote } from '../../server/src/engine/documents/note';
import { analyzeText } from '../../server/src/engine/evidence/analyze';
import { Engine, type Host } from '../../server/src/engine/index';
import { collectMatches, renderSample } from './sample';

const repoRoot = resolve(__dirname, '..', '..');
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

function usage(message: string): never {
  console.error(message);
  console.error('usage: npm run -s eval:corpus -- [--sample N] [--seed S] [--out FILE] [--data DIR]');
  process.exit(2);
}

const args = process.argv.slice(2);
let perCriterion = 30;
let seed = 4;
let outFile = join(repoRoot, 'out', 'eval', 'corpus-sample.md');
let dataRoot = join(repoRoot, '..', 'shared', 'data');
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--sample') perCriterion = Number(value());
  else if (a === '--seed') seed = Number(value());
  else if (a === '--out') outFile = resolve(value());
  else if (a === '--data') dataRoot = resolve(value());
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
  console.error(
    `eval:corpus: no notes found (looked in ${missing.join(', ')}). ` +
      'The corpora are expected under ../shared/data beside the project root, or in the folder --data names.',
  );
  process.exit(2);
}

const engine = Engine.load({ bundled: true });
if (engine.policyErrors.length) {
  for (const e of engine.policyErrors) console.error(`policy error: ${e.path}: ${e.message}`);
  process.exit(2);
}
const host: Host = { readText: () => undefined };
const criteria = [...engine.compiled.concepts.keys()].sort();

const documented = new Map<string, Set<string>>(criteria.map((c) => [c, new Set()]));
const notCounting = new Map<string, Map<string, number>>(criteria.map((c) => [c, new Map()]));
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
        if (m.counts) documented.get(concept)?.add(d.id);
        else {
          const why = m.reason ?? 'numeric';
          const byReason = notCounting.get(concept)!;
          byReason.set(why, (byReason.get(why) ?? 0) + 1);
        }
      }
    }
  } catch (e) {
    exceptions.push({ doc: d.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
const ms = performance.now() - t0;
// A criterion of several findings (allOf) is documented by a note that documents every part.
for (const c of criteria) {
  const parts = engine.compiled.concepts.get(c)?.allOf;
  if (parts) documented.set(c, new Set([...documented.get(parts[0])!].filter((id) => parts.every((p) => documented.get(p)!.has(id)))));
}

const mtCount = docs.filter((d) => d.id.startsWith('mtsamples/')).length;
console.log(`notes read: ${docs.length} (mtsamples ${mtCount}, aci-bench ${docs.length - mtCount})`);
console.log(`exceptions: ${exceptions.length}`);
for (const e of exceptions.slice(0, 5)) console.log(`  ${e.doc}: ${e.error.split('\n').slice(0, 3).join(' | ')}`);
console.log(`time: ${Math.round(ms)} ms`);
console.log('criterion: notes documenting it (mentions not counting, by reason)');
const width = Math.max(...criteria.map((c) => c.length));
for (const c of criteria) {
  const reasons = [...notCounting.get(c)!].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
  const parts = engine.compiled.concepts.get(c)?.allOf;
  const detail = parts ? `all of ${parts.join(', ')}` : reasons;
  console.log(`  ${c.padEnd(width)}  ${String(documented.get(c)!.size).padStart(5)}${detail ? `  (${detail})` : ''}`);
}

// The sample for review: MTSamples only (public, CC0, so its sentences may be quoted).
const mtsamples = docs.filter((d) => d.id.startsWith('mtsamples/'));
const sample = renderSample(engine.compiled, collectMatches(engine.compiled, mtsamples), {
  perCriterion,
  seed,
  notes: mtsamples.length,
  title: `eval:corpus sample (npm run -s eval:corpus -- --sample ${perCriterion} --seed ${seed})`,
});
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, sample);
console.log(`sample: ${relative(process.cwd(), outFile) || outFile}`);
if (exceptions.length) process.exitCode = 1;
