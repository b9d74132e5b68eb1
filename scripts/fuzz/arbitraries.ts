/**
 * fast-check arbitraries for the reliability properties (SPEC 9), shared by the unit tests
 * (test/unit/reliability/properties.test.ts, ~200 runs each) and the longer campaign
 * (`npm run -s fuzz`, scripts/fuzz/index.ts).
 *
 * Inputs start from realistic seeds (the example claims and notes, the bundled policy and
 * concept files) and are mutated, or are generated from the claim grammar (SPEC 2.1), then
 * salted with what editors and pasted text really contain: CRLF and lone CR, a BOM, NULs and
 * other control characters, NBSP, lone surrogates, emoji, right-to-left text, very long tokens.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyFileKind } from '../../server/src/engine/policies/load';

export const ROOT = join(__dirname, '..', '..');

export interface SeedFile {
  /** A virtual absolute path: claims under /fuzz/claims, notes under /fuzz/notes (as examples/). */
  path: string;
  text: string;
}

function readDir(dir: string, ext: string, virtual: string): SeedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ path: `${virtual}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

export const SEED_CLAIMS = readDir(join(ROOT, 'examples', 'claims'), '.claim', '/fuzz/claims');
export const SEED_NOTES = readDir(join(ROOT, 'examples', 'notes'), '.note', '/fuzz/notes');
export const SEED_POLICIES = readDir(join(ROOT, 'policies'), '.json', '/fuzz/policies');
export const SEED_CONCEPTS = readDir(join(ROOT, 'policies', 'concepts'), '.json', '/fuzz/policies/concepts');

// ---------------------------------------------------------------------------------------------
// Characters and strings

/** Characters that break naive text handling. */
const NASTY_CHARS = [
  '\0', '\r', '\n', '\r\n', '\t', '\v', '\f', '\u00a0', '\ufeff', '\u200b', '\u2028', '\u2029',
  '\ud800', '\udfff', '\ud83d\ude00', '\u0301', '\u202e', '\u05d0', '\u4e2d', '\u00e9', '\u00ff',
  '\ufffd', '\x7f', '\x1b', '#', ';', ':', ',', '-', '.', '%', '/', '(', ')', '---', ' ', '  ',
];

/** Words that steer the parsers into their interesting branches. */
const WORDS = [
  'CPT', 'HCPCS', 'ICD-10', 'code', 'codes:', 'line', 'dx', 'x2', 'x0', 'date', 'drug', 'note:',
  'payer:', 'plan:', 'claim:', 'date:', 'patient:', 'provider:', 'HPI:', 'ASSESSMENT:', 'PLAN:',
  'FAMILY HISTORY:', 'PAST MEDICAL HISTORY:', 'denies', 'no', 'not', 'mother', 'if', 'history of',
  '15773', '15774', '15877', '62362', '0489T', 'Q2028', 'G0429', 'E0782', '11200', '19318', 'M34.0',
  'B20', 'E88.1', 'Z21', '12345', '99999', '1577', '157733', 'unable to walk', 'difficulty chewing',
  'trial', 'intrathecal', 'morphine', 'hydromorphone', '70%', '50%', '8/10', 'to', '4/10', 'relief',
  'cosmetic', 'appearance', 'Anthem', 'Centene', 'BCBS', 'medicare', 'medicaid', 'commercial',
  '2024-03-01', '2024-02-30', 'clinlint-disable-line', 'A', 'L', 'M', 'A,B', 'A,,B', '-RT', '-59',
];

export const nastyChar = fc.constantFrom(...NASTY_CHARS);
const word = fc.constantFrom(...WORDS);

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A short string mixing ASCII, full Unicode, nasty characters and steering words. */
export const noise: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 1, arbitrary: codeUnit },
      { weight: 3, arbitrary: nastyChar },
      { weight: 3, arbitrary: word.map((w) => ` ${w} `) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// Text mutations

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'truncate'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: noise }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.nat({ max: 40 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.nat({ max: 200 }), to: position }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: position, b: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
);

const pos = (text: string, p: number) => Math.min(text.length, Math.floor(p * (text.length + 1)));

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'insert': {
      const i = pos(text, m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = pos(text, m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'duplicate': {
      const i = pos(text, m.at);
      const piece = text.slice(i, i + m.length);
      const j = pos(text, m.to);
      return text.slice(0, j) + piece + text.slice(j);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = Math.min(lines.length - 1, Math.floor(m.a * lines.length));
      const b = Math.min(lines.length - 1, Math.floor(m.b * lines.length));
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, pos(text, m.at));
  }
}

export type Eol = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Rewrites line ends; `mixed` alternates LF, CRLF and CR line by line. */
export function withEol(text: string, eol: Eol): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (eol === 'lf') return lines.join('\n');
  if (eol === 'crlf') return lines.join('\r\n');
  if (eol === 'cr') return lines.join('\r');
  return lines.map((l, i) => (i === lines.length - 1 ? l : l + ['\n', '\r\n', '\r'][i % 3])).join('');
}

const eol = fc.constantFrom<Eol>('lf', 'lf', 'crlf', 'cr', 'mixed');

/** A seed text, its line ends rewritten, maybe a BOM, then 0-6 mutations. */
export function mutated(seeds: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({ seed: seeds, eol, bom: fc.boolean(), mutations: fc.array(mutation, { maxLength: 6 }) })
    .map(({ seed, eol: e, bom, mutations }) => {
      let t = withEol(seed, e);
      for (const m of mutations) t = applyMutation(t, m);
      return bom ? `\ufeff${t}` : t;
    });
}

// ---------------------------------------------------------------------------------------------
// Notes

const seedNoteText = fc.constantFrom(...SEED_NOTES.map((n) => n.text));

/** Lines of every example note, shuffled into a new note (realistic text, new structure). */
const shuffledNote = fc
  .array(fc.constantFrom(...SEED_NOTES.flatMap((n) => n.text.split('\n'))), { minLength: 1, maxLength: 40 })
  .map((lines) => lines.join('\n'));

/** Realistic notes, mutated notes and pure noise. */
export const noteText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: mutated(fc.oneof(seedNoteText, shuffledNote)) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.array(codeUnit, { maxLength: 200 }).map((a) => a.join('')) },
);

// ---------------------------------------------------------------------------------------------
// Claims: generated from the grammar (valid), and mutated

const letters = 'ABCDEFGHIJKL'.split('');
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const upperAlnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));

export const procedureCode: fc.Arbitrary<string> = fc.oneof(
  digits(5),
  fc.tuple(digits(4), fc.constantFrom('F', 'T')).map(([d, l]) => d + l),
  fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUV'.split('')), digits(4)).map(([l, d]) => l + d),
  fc.constantFrom('15773', '15774', '15877', '62362', '62350', '0489T', 'Q2028', 'G0429', 'E0782', '11200', '19318', '11400', '62367'),
);

/** ICD-10-CM as a coder writes it: any case, dot optional. */
export const icd10: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTVWXYZ'.split('')),
    digit,
    upperAlnum,
    fc.option(fc.array(upperAlnum, { minLength: 1, maxLength: 4 }).map((a) => a.join(''))),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([a, b, c, rest, dot, lower]) => {
    const s = a + b + c + (rest ? (dot ? '.' : '') + rest : '');
    return lower ? s.toLowerCase() : s;
  });

const date = fc
  .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Free text for values: no `#` (a comment), `;` or `,` where they are separators, no line break. */
const valueText = (forbid: string) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('Anthem', 'Blue Cross', 'MRN 448812', 'fat grafting', 'Dr. Smith', 'café', '中文', '\u05d0\u05d1', '\ud83d\ude00', 'x1', 'dx', 'drug', 'date'),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((ws) => ws.join(' '))
    .map((s) => [...s].filter((c) => !forbid.includes(c) && c >= ' ' && c !== '\x7f').join('').trim())
    .filter((s) => s.length > 0);

const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
const optSpace = fc.constantFrom('', ' ', '\t');

export interface GeneratedClaim {
  text: string;
}

const headerLine = fc.oneof(
  fc.tuple(fc.constantFrom('claim', 'CLAIM', 'Claim'), valueText('#')),
  fc.tuple(fc.constantFrom('payer', 'PAYER'), fc.oneof(valueText('#'), fc.constantFrom('Anthem Blue Cross Connecticut', 'Centene', 'Blue Cross and Blue Shield', 'BCBS'))),
  fc.tuple(fc.constant('plan'), fc.constantFrom('commercial', 'medicare', 'medicaid', 'Medicare')),
  fc.tuple(fc.constant('patient'), valueText('#')),
  fc.tuple(fc.constant('provider'), valueText('#')),
  fc.tuple(fc.constant('date'), date),
);

/** `note:` is the one repeatable header: the seed notes, a missing file, a folder, the claim itself. */
const noteHeader = fc.tuple(
  fc.constantFrom('note', 'NOTE'),
  fc.constantFrom(...SEED_NOTES.map((n) => `../notes/${n.path.split('/').pop()}`), 'missing.note', '/fuzz/notes', '.', 'self.claim'),
);

/**
 * A claim valid under SPEC 2.1 (no problems), laid out with random spacing, key case,
 * comments, blank lines and line ends, so the canonical print differs from the source.
 */
export const validClaim: fc.Arbitrary<string> = fc
  .record({
    headers: fc
      .tuple(fc.uniqueArray(headerLine, { maxLength: 6, selector: ([k]) => k.toLowerCase() }), fc.array(noteHeader, { maxLength: 3 }))
      .chain(([single, notes]) => fc.shuffledSubarray([...single, ...notes], { minLength: single.length + notes.length })),
    dx: fc.uniqueArray(fc.constantFrom(...letters), { maxLength: 12 }).chain((ls) =>
      fc.tuple(fc.constant(ls), fc.array(fc.tuple(icd10, fc.option(valueText('#'))), { minLength: ls.length, maxLength: ls.length })),
    ),
    lineNumbers: fc.uniqueArray(fc.integer({ min: 1, max: 99999 }), { maxLength: 8 }),
    eol,
    bom: fc.boolean(),
  })
  .chain(({ headers, dx: [dxLetters, dxCodes], lineNumbers, eol: e, bom }) => {
    const line = fc.record({
      code: procedureCode,
      modifiers: fc.array(fc.tuple(upperAlnum, upperAlnum).map(([a, b]) => a + b), { maxLength: 3 }),
      units: fc.option(fc.integer({ min: 1, max: 999 })),
      pointers: fc.subarray(dxLetters, { maxLength: Math.min(4, dxLetters.length) }),
      date: fc.option(date),
      drugs: fc.array(valueText('#;,'), { maxLength: 3 }),
      description: fc.option(valueText('#')),
      order: fc.constantFrom<string[]>(['u', 'p', 'd'], ['p', 'u', 'd'], ['d', 'p', 'u'], ['u', 'd', 'p']),
      sp: space,
      lower: fc.boolean(),
      comment: fc.option(valueText('')),
    });
    return fc.record({
      lines: fc.array(line, { minLength: lineNumbers.length, maxLength: lineNumbers.length }),
      headerSpace: fc.array(fc.tuple(optSpace, space, fc.option(valueText(''))), { minLength: headers.length, maxLength: headers.length }),
      blank: fc.array(fc.constantFrom('', '   ', '# a comment', '\t# c'), { maxLength: 3 }),
    }).map(({ lines, headerSpace, blank }) => {
      const out: string[] = [...blank];
      headers.forEach(([k, v], i) => {
        const [before, after, comment] = headerSpace[i];
        out.push(`${k}${before}:${after}${v}${comment ? ` # ${comment}` : ''}`);
      });
      dxLetters.forEach((l, i) => {
        const [code, desc] = dxCodes[i];
        out.push(`dx ${i % 2 ? l.toLowerCase() : l}:${i % 3 ? ' ' : '  '}${code}${desc ? `   ${desc}` : ''}`);
      });
      out.push(...blank);
      lineNumbers.forEach((n, i) => {
        const l = lines[i];
        const parts: string[] = [l.code + l.modifiers.map((m) => `-${l.lower ? m.toLowerCase() : m}`).join('')];
        for (const o of l.order) {
          if (o === 'u' && l.units !== null) parts.push(`${l.lower ? 'X' : 'x'}${l.units}`);
          if (o === 'p' && l.pointers.length) parts.push(`${l.lower ? 'DX' : 'dx'} ${l.pointers.join(l.lower ? ', ' : ',')}`);
          if (o === 'd' && l.date !== null) parts.push(`date ${l.date}`);
        }
        if (l.drugs.length) parts.push(`drug ${l.drugs.join(', ')}`);
        if (l.description !== null) parts.push(`; ${l.description}`);
        out.push(`${l.lower ? 'LINE' : 'line'} ${n}:${l.sp}${parts.join(l.sp)}${l.comment !== null ? `  # ${l.comment}` : ''}`);
      });
      const text = withEol(out.join('\n') + '\n', e);
      return bom ? `\ufeff${text}` : text;
    });
  });

/** Valid claims, mutated seed claims and pure noise. */
export const claimText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: validClaim },
  { weight: 4, arbitrary: mutated(fc.oneof(fc.constantFrom(...SEED_CLAIMS.map((c) => c.text)), validClaim)) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

// ---------------------------------------------------------------------------------------------
// Policy and concept files

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...at, k], out);
  return out;
}

export type JsonMutation =
  | { op: 'replace'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'pattern'; at: number; value: string }
  | { op: 'criterion'; at: number; value: string };

/** Values an author might write by mistake, and regex syntax where a pattern goes. */
const hostileString = fc.constantFrom(
  '(a+)+$', '.*', '\\d+', 'pain{2,}', '^pain', 'walk**', '[a-z]', '(', ')', '[', '|', '...', '# ...', 'a ... ... ... b',
  '', ' ', 'functional-impairmnet', 'functional-impairment', 'not-a-criterion', 'I.A.1', '15773-15771', '0489T-15773',
  '99999-00000', 'Q2028', 'medicare', '2024-13-45', '\u0000', '\ud800', '${1:x}',
);

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at: position, value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), at: position, value: hostileString as fc.Arbitrary<Json> }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pattern' as const), at: position, value: fc.oneof(hostileString, noise) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('criterion' as const), at: position, value: hostileString }) },
);

export function applyJsonMutation(doc: Json, m: JsonMutation): Json {
  const all = paths(doc);
  if (m.op === 'pattern' || m.op === 'criterion') {
    // Aim at pattern strings (concepts) or criterion strings (requirement trees).
    const key = m.op === 'pattern' ? /^(patterns|near)$/ : /^(requires|when|all|any|not|advisory)$/;
    const targets = all.filter((p) => p.some((k) => typeof k === 'string' && key.test(k)));
    const list = targets.length ? targets : all;
    const target = list[Math.min(list.length - 1, Math.floor(m.at * list.length))];
    return setAt(doc, target, m.value);
  }
  const target = all[Math.min(all.length - 1, Math.floor(m.at * all.length))];
  if (m.op === 'delete') return deleteAt(doc, target);
  return setAt(doc, target, m.value);
}

function setAt(doc: Json, at: (string | number)[], value: Json): Json {
  if (at.length === 0) return value;
  const copy: Json = Array.isArray(doc) ? [...doc] : { ...(doc as Record<string, Json>) };
  const [k, ...rest] = at;
  (copy as Record<string | number, Json>)[k] = setAt((doc as Record<string | number, Json>)[k], rest, value);
  return copy;
}

function deleteAt(doc: Json, at: (string | number)[]): Json {
  if (at.length === 0) return {};
  if (at.length === 1) {
    if (Array.isArray(doc)) return doc.filter((_, i) => i !== at[0]);
    const copy = { ...(doc as Record<string, Json>) };
    delete copy[at[0] as string];
    return copy;
  }
  const copy: Json = Array.isArray(doc) ? [...doc] : { ...(doc as Record<string, Json>) };
  (copy as Record<string | number, Json>)[at[0]] = deleteAt((doc as Record<string | number, Json>)[at[0]], at.slice(1));
  return copy;
}

export interface PolicySet {
  /** The whole set, one or two files mutated. */
  files: SeedFile[];
  /** Paths of the mutated files. */
  mutated: string[];
  /**
   * The files that matter to the mutation: every concept, the mutated policy (and the
   * original it copies, for duplicate ids). Loading these instead of `files` skips validating
   * the large untouched policy files again (the fuzz campaign's speed).
   */
  focus: SeedFile[];
}

/** A seed policy or concept file, mutated as JSON (then printed) or as text. */
const mutatedPolicyFile = (seeds: SeedFile[]) =>
  fc
    .record({
      file: fc.constantFrom(...seeds),
      json: fc.array(jsonMutation, { minLength: 1, maxLength: 4 }),
      asText: fc.boolean(),
      text: fc.array(mutation, { maxLength: 3 }),
      indent: fc.constantFrom(0, 2),
      eol,
    })
    .map(({ file, json, asText, text, indent, eol: e }) => {
      let out: string;
      if (asText) {
        out = withEol(file.text, e);
        for (const m of text) out = applyMutation(out, m);
      } else {
        let doc = JSON.parse(file.text) as Json;
        for (const m of json) doc = applyJsonMutation(doc, m);
        out = withEol(JSON.stringify(doc, null, indent), e);
      }
      return { path: file.path, text: out };
    });

/**
 * The bundled policy set with one policy file and/or one concept file mutated; sometimes a
 * mutated copy is added under a new name (duplicate ids).
 */
export const policySet: fc.Arbitrary<PolicySet> = fc
  .record({
    policy: fc.option(mutatedPolicyFile(SEED_POLICIES), { freq: 3 }),
    concept: fc.option(mutatedPolicyFile(SEED_CONCEPTS), { freq: 3 }),
    asCopy: fc.boolean(),
  })
  .map(({ policy, concept, asCopy }) => {
    const files = [...SEED_POLICIES, ...SEED_CONCEPTS];
    const mutatedPaths: string[] = [];
    const focusPolicies: SeedFile[] = [];
    for (const m of [policy, concept]) {
      if (!m) continue;
      if (asCopy) {
        const path = m.path.replace(/\.json$/, '.copy.json');
        files.push({ path, text: m.text });
        mutatedPaths.push(path);
        if (m === policy) focusPolicies.push(SEED_POLICIES.find((p) => p.path === m.path)!, { path, text: m.text });
      } else {
        files[files.findIndex((f) => f.path === m.path)] = m;
        mutatedPaths.push(m.path);
        if (m === policy) focusPolicies.push(m);
      }
    }
    const focus = [...focusPolicies, ...files.filter((f) => policyFileKind(f.path) !== 'policy')];
    return { files, mutated: mutatedPaths, focus };
  });
