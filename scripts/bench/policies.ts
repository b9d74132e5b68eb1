/**
 * 1,000 synthetic policies, generated at bench time (seeded, so every run is the same): each
 * with its own payer, codes, sections and requirement trees over the 18 real criteria, and
 * about a third with concepts of their own whose patterns use the whole pattern language
 * (alternations, options, prefixes, numbers, gaps, `near`) over clinical words, so the one
 * automaton grows as a real policy library would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPolicyDir, policyFileKind, readPolicyDir, type PolicyFile } from '../../server/src/engine/policies/load';
import { MTSAMPLES_NOTES } from './corpus';
import { rng } from '../lib/rng';


export function bundledPolicyFiles(): PolicyFile[] {
  return readPolicyDir(bundledPolicyDir()!).files;
}

/** Words of clinical prose by frequency (MTSamples), without the commonest function words. */
function clinicalWords(): string[] {
  const counts = new Map<string, number>();
  const files = readdirSync(MTSAMPLES_NOTES).filter((f) => f.endsWith('.note')).sort().slice(0, 400);
  for (const f of files) {
    for (const w of readFileSync(join(MTSAMPLES_NOTES, f), 'utf8').toLowerCase().match(/[a-z]{3,}/g) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w).slice(40, 4000);
}

export function syntheticPolicies(count: number, seed = 442): PolicyFile[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const words = clinicalWords();
  const word = () => pick(words);

  const real = bundledPolicyFiles();
  const realCriteria = real.filter((f) => policyFileKind(f.path) === 'concept').map((f) => (JSON.parse(f.text) as { id: string }).id);
  const realCodes = new Set<string>();
  for (const f of real) if (policyFileKind(f.path) === 'policy') for (const c of Object.keys(JSON.parse(f.text).codes)) realCodes.add(c);

  // Codes no real policy uses: HCPCS-shaped, four per policy, consecutive so ranges occur.
  const letters = ['C', 'K', 'L', 'S', 'T', 'V'];
  let next = 0;
  const codeBlock = (n: number): string[] => {
    const out: string[] = [];
    while (out.length < n) {
      const letter = letters[Math.floor(next / 10000) % letters.length];
      const code = letter + String(next % 10000).padStart(4, '0');
      next += 1;
      if (!realCodes.has(code)) out.push(code);
      else out.length = 0; // keep blocks consecutive
    }
    return out;
  };

  const pattern = (): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let k = 0; k < n; k++) {
      const r = random();
      if (r < 0.25) parts.push(`(${word()}|${word()} ${word()}|${word()})`);
      else if (r < 0.35 && k > 0) parts.push(`[${word()}|${word()}]`);
      else if (r < 0.5) parts.push(`${word().slice(0, 5)}*`);
      else if (r < 0.55 && k > 0) parts.push('#');
      else if (r < 0.65 && k > 0 && k < n - 1 && parts[k - 1] !== '...') parts.push('...');
      else parts.push(word());
    }
    // A pattern starts and ends with a word or an alternation (never an option, number or gap).
    if (parts[0].startsWith('[') || parts[0] === '#') parts[0] = word();
    if (parts[n - 1].startsWith('[')) parts[n - 1] = word();
    return parts.join(' ');
  };

  const files: PolicyFile[] = [];
  for (let i = 0; i < count; i++) {
    const own: string[] = [];
    if (chance(0.35)) {
      const m = 1 + Math.floor(random() * 3);
      for (let k = 0; k < m; k++) {
        const id = `syn-${i}-c${k}`;
        own.push(id);
        const concept: Record<string, unknown> = {
          id,
          label: `synthetic finding ${i}.${k}`,
          description: `A synthetic criterion of synthetic policy ${i}.`,
          patterns: Array.from({ length: 2 + Math.floor(random() * 6) }, pattern),
          historical: chance(0.5) ? 'counts' : 'excludes',
          prompt: `Synthetic ${i}.${k}: \${1:describe}.`,
        };
        if (chance(0.15)) concept.near = [word(), `${word()} ${word()}`];
        if (chance(0.1)) concept.icd10 = ['M54.5'];
        files.push({ path: `/synthetic/policies/concepts/${id}.json`, text: JSON.stringify(concept, null, 2) });
      }
    }
    const criteria = [...realCriteria, ...own];
    const tree = (depth: number, codes: string[]): unknown => {
      if (depth === 0 || chance(0.3)) return pick(criteria);
      const kids = Array.from({ length: 2 + Math.floor(random() * 3) }, () => tree(depth - 1, codes));
      if (chance(0.1)) return { not: pick(criteria) };
      const node: Record<string, unknown> = chance(0.5) ? { all: kids } : { any: kids };
      if (chance(0.3)) node.id = `${depth}.${Math.floor(random() * 9)}`;
      if (chance(0.2)) node.codes = [pick(codes)];
      return node;
    };
    const codes = codeBlock(4);
    const sections: Record<string, unknown>[] = [];
    const nSections = 1 + Math.floor(random() * 4);
    for (let s = 0; s < nSections; s++) {
      const kind = s === 0 ? 'coverage' : pick(['coverage', 'coverage', 'investigational', 'cosmetic', 'informational']);
      const sectionCodes = s === 0 ? [`${codes[0]}-${codes[2]}`, codes[3]] : [pick(codes)];
      const section: Record<string, unknown> = {
        id: `${['I', 'II', 'III', 'IV'][s]}.A`,
        title: `Synthetic section ${i}.${s}`,
        kind,
        text: `Synthetic policy ${i}, section ${s}: ${Array.from({ length: 20 }, word).join(' ')}.`,
        codes: sectionCodes,
      };
      if (kind === 'coverage') section.requires = tree(3, codes);
      if (chance(0.3)) section.advisory = [pick(criteria)];
      if (chance(0.2)) section.exclusions = [{ when: pick(criteria), reason: 'exclusion', message: 'Synthetic exclusion.' }];
      if (chance(0.1)) section.notices = [{ when: pick(criteria), rule: 'benefit-limitation', message: 'Synthetic notice.' }];
      if (chance(0.1)) section.when = pick(criteria);
      sections.push(section);
    }
    const policy = {
      id: `SYN-${i}`,
      title: `Synthetic policy ${i}`,
      payer: `Synthetic Health Plan ${i}`,
      aliases: [`SHP ${i}`],
      plans: chance(0.5) ? ['commercial'] : ['commercial', 'medicare', 'medicaid'],
      effective: '2024-01-01',
      source: 'synthetic',
      notes: [],
      codes: Object.fromEntries(codes.map((c) => [c, `Synthetic procedure ${c}`])),
      sections,
    };
    files.push({ path: `/synthetic/policies/syn-${i}.json`, text: JSON.stringify(policy, null, 2) });
  }
  return files;
}
