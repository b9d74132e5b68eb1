/**
 * The policy files against the seed documents they were encoded from (../shared/seeds): every
 * code of the seeds' code tables, with its descriptor, governed by the policy; texts verbatim.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPolicyDir, loadPolicyFiles, readPolicyDir } from '../../../server/src/engine/policies/load';
import type { LoadedPolicy } from '../../../server/src/engine/policies/load';
import { PolicyRegistry } from '../../../server/src/engine/policies/registry';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
const SEED_FILES: Record<string, string> = {
  'MED.00132': '000_ab404b6b44417b21.txt',
  'CP.MP.31': '001_e468dd6d1c76533e.txt',
  'MC.CP.MP.31': '003_8ac43135611ca0a5.txt',
  'MP-442': '004_0b41e2f070da36bb.txt',
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Centene tables: `code<TAB>descriptor`; a line starting with a tab continues the last one (page break). */
function centeneTable(text: string): Map<string, string> {
  const codes = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split('\n')) {
    const m = /^([0-9A-Z]{5})\t(.+)$/.exec(line);
    if (m) codes.set((last = m[1]), m[2]);
    else if (last && /^\t\S/.test(line)) codes.set(last, `${codes.get(last)} ${line}`);
  }
  for (const [k, v] of codes) codes.set(k, norm(v));
  return codes;
}

/**
 * MP-442 lists `code |` then `descriptor |`, or both on one line; `; with ...` continues the
 * parent's text before its semicolon; `E0782-E0783` is a range. The trailing `*` (a footnote
 * marker without a footnote) is not part of the descriptor.
 */
function mp442Table(text: string): Map<string, string> {
  const lines = text.split('\n').map((l) => l.trim());
  const body = lines.slice(lines.indexOf('CPT Codes:') + 1, lines.indexOf('REFERENCES:'));
  const codes = new Map<string, string>();
  let pending: string[] = [];
  let parent = '';
  for (const line of body) {
    if (line === 'HCPCS:' || line === '') continue;
    const m = /^([0-9A-Z]{5})(?:-([0-9A-Z]{5}))? \|\s*(.*)$/.exec(line);
    let desc = line;
    if (m) {
      pending = m[2] ? expand(m[1], m[2]) : [m[1]];
      desc = m[3];
      if (!desc) continue;
    }
    desc = desc.replace(/\s*\|$/, '').replace(/\*$/, '');
    if (desc.startsWith(';')) desc = parent + desc;
    else parent = desc.split(';')[0];
    for (const c of pending) codes.set(c, norm(desc));
    pending = [];
  }
  return codes;
}

function expand(first: string, last: string): string[] {
  const prefix = first.slice(0, 1);
  const out: string[] = [];
  for (let n = Number(first.slice(1)); n <= Number(last.slice(1)); n++) out.push(prefix + String(n).padStart(4, '0'));
  return out;
}

function load(): { registry: PolicyRegistry; byId: Map<string, LoadedPolicy> } {
  const { files } = readPolicyDir(bundledPolicyDir()!);
  const { policies } = loadPolicyFiles(files);
  return { registry: new PolicyRegistry(policies), byId: new Map(policies.map((p) => [p.policy.id, p])) };
}

const TABLES: [string, (text: string) => Map<string, string>, number][] = [
  ['CP.MP.31', centeneTable, 115],
  ['MC.CP.MP.31', centeneTable, 115],
  ['MP-442', mp442Table, 20],
];

for (const [id, parse, count] of TABLES) {
  test(`${id}: every code of the seed's code tables is in the policy with its descriptor, and governed`, (t) => {
    if (!existsSync(SEEDS)) return t.skip(`seeds not found at ${SEEDS} (../shared/seeds beside the repository)`);
    const table = parse(readFileSync(join(SEEDS, SEED_FILES[id]), 'utf8'));
    assert.equal(table.size, count, 'codes parsed from the seed');
    const { registry, byId } = load();
    const policy = byId.get(id)!;
    for (const [code, descriptor] of table) {
      assert.equal(norm(policy.policy.codes[code] ?? '(missing)'), descriptor, `${id} ${code} descriptor`);
      assert.ok(registry.sectionsFor(code).some((g) => g.policy === policy), `${id} ${code} is governed by a section`);
    }
    assert.deepEqual(Object.keys(policy.policy.codes).sort(), [...table.keys()].sort(), 'no code the seed does not list');
  });
}

test('section texts and notes are verbatim from the seeds', (t) => {
  if (!existsSync(SEEDS)) return t.skip(`seeds not found at ${SEEDS} (../shared/seeds beside the repository)`);
  const { byId } = load();
  for (const [id, file] of Object.entries(SEED_FILES)) {
    const seed = readFileSync(join(SEEDS, file), 'utf8');
    const policy = byId.get(id)!.policy;
    assert.equal(policy.source, file);
    const quoted = [...policy.sections.flatMap((s) => s.text.split('\n')), ...policy.notes];
    for (const line of quoted) assert.ok(seed.includes(line), `${id}: "${line.slice(0, 60)}..." is in ${file}`);
  }
});
