/**
 * Loads policy and concept files. Each file is parsed with jsonc-parser (which keeps offsets)
 * and validated with zod, so every problem is reported at its line and character in that file;
 * a bad file is skipped and every other file still loads.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { describeReadError, isPseudoPath, readBounded } from '../io/read';
import { dirname, join } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { editDistance } from '../documents/text';
import { LineIndex } from '../lineIndex';
import type { Range } from '../types';
import { concept as conceptSchema, lexicalClass as lexicalClassSchema, policy as policySchema } from './schema';
import type { Concept, LexicalClass, Policy, Requirement } from './schema';
import { parseCodeRef } from './registry';
import { skipFolder } from '../skip';
import { walkRequirement, type Key } from './requirements';

export interface PolicyFileError {
  path: string;
  message: string;
  range: Range;
  /** Unset: an error (the file or part of it is not loaded). Information: loaded, but worth knowing. */
  severity?: 'information';
}

export interface LoadedPolicy {
  policy: Policy;
  path: string;
  /** Section id -> range of its `id` value in the file (go-to-definition target). */
  sectionRanges: Map<string, Range>;
  /** Every criterion id the policy uses (trees, advisory, exclusions, notices), where it is written. */
  criterionRefs?: { id: string; range: Range }[];
}

export interface LoadedConcept {
  concept: Concept;
  path: string;
  /** Range of the concept's `id` value in the file. */
  range: Range;
  /** Where each `patterns` / `near` / `except` string stands in the file (pattern errors point into it). */
  patternLiterals?: Record<'patterns' | 'near' | 'except' | 'outOfScope', StringLiteral[]>;
}

/** A JSON string literal as written: its range (quotes included) and its raw text. */
export interface StringLiteral {
  range: Range;
  raw: string;
}

/**
 * The range in the file of the characters `[start, end)` of a string literal's decoded value
 * (escapes such as `\\` or `\u00e9` are longer in the file than in the value).
 */
export function rangeInLiteral(lit: StringLiteral, start: number, end: number): Range {
  if (lit.range.start.line !== lit.range.end.line || !lit.raw.startsWith('"')) return lit.range;
  let rawStart = -1;
  let rawEnd = -1;
  let d = 0;
  let r = 1;
  const last = lit.raw.length - 1; // the closing quote
  for (;;) {
    if (d === start && rawStart < 0) rawStart = r;
    if (d === end) {
      rawEnd = r;
      break;
    }
    if (r >= last) break;
    r += lit.raw[r] !== '\\' ? 1 : lit.raw[r + 1] === 'u' ? 6 : 2;
    d++;
  }
  if (rawStart < 0 || rawEnd < 0) return lit.range;
  const { line, character } = lit.range.start;
  return { start: { line, character: character + rawStart }, end: { line, character: character + Math.min(rawEnd, last) } };
}

export interface PolicyFile {
  path: string;
  text: string;
  /** From the folder bundled with ClinLint: a user's file with the same id replaces it. */
  bundled?: boolean;
}

/** A JSON path: property names and array indexes. */

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * What a file in a policy folder holds, from its folder: concepts live in `concepts/`, lexical
 * classes in `lexicon/` beside it, and every other JSON file is a policy.
 */
export type PolicyFileKind = 'policy' | 'concept' | 'lexicon';

export function policyFileKind(path: string): PolicyFileKind {
  const slashed = path.replace(/\\/g, '/');
  if (slashed.includes('/lexicon/')) return 'lexicon';
  if (slashed.includes('/concepts/')) return 'concept';
  return 'policy';
}

export function loadPolicyFiles(files: PolicyFile[]): {
  policies: LoadedPolicy[];
  concepts: LoadedConcept[];
  classes: LexicalClass[];
  errors: PolicyFileError[];
  /** Information, not errors: a user's policy that replaces a bundled one. */
  notices: PolicyFileError[];
} {
  const policies: LoadedPolicy[] = [];
  const concepts: LoadedConcept[] = [];
  const classes: LexicalClass[] = [];
  const classIds = new Map<string, string>();
  const errors: PolicyFileError[] = [];
  const notices: PolicyFileError[] = [];
  // id -> the file it was loaded from, and whether that file is a bundled one.
  const policyIds = new Map<string, { path: string; bundled: boolean }>();
  const conceptIds = new Map<string, { path: string; bundled: boolean }>();

  for (const file of files) {
    try {
      loadOne(file);
    } catch (e) {
      // A hostile file (nested 100,000 deep, millions of issues) can exhaust the stack in the
      // JSON parser or in zod: it is a policy error in that file, never a crash of the loader.
      const why = e instanceof RangeError ? 'it is nested too deeply or too large to validate' : String((e as Error)?.message ?? e);
      errors.push({ path: file.path, message: `cannot load this file: ${why}`, range: ZERO });
    }
  }
  return { policies, concepts, classes, errors, notices };

  function loadOne(file: PolicyFile): void {
    const kind = policyFileKind(file.path);
    if (kind === 'lexicon') return loadClass(file);
    const isConcept = kind === 'concept';
    const parsed = parseFile(file, isConcept ? conceptSchema : policySchema);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push(e);
      return;
    }
    const { index, tree } = parsed;
    const idRange = (path: Key[]) => nodeRange(index, findNodeAtLocation(tree, path) ?? tree);
    const seen = isConcept ? conceptIds : policyIds;
    const id = (parsed.value as { id: string }).id;
    const what = isConcept ? 'concept' : 'policy';
    const first = seen.get(id);
    // A user's policy with a bundled policy's id is a newer revision: it replaces the bundled one
    // once it is valid. Two bundled files, or two user files, with one id stay an error; so does
    // a concept id (every policy reads a concept: one set of definitions, no silent override).
    const replaces = !isConcept && first !== undefined && first.bundled && !file.bundled;
    if (first !== undefined && !replaces) {
      errors.push({ path: file.path, message: `duplicate ${what} id "${id}" (already loaded from ${first.path})`, range: idRange(['id']) });
      return;
    }
    if (isConcept) {
      seen.set(id, { path: file.path, bundled: !!file.bundled });
      const literals = (key: 'patterns' | 'near' | 'except' | 'outOfScope'): StringLiteral[] =>
        (findNodeAtLocation(tree, [key])?.children ?? []).map((n) => ({
          range: nodeRange(index, n),
          raw: file.text.slice(n.offset, n.offset + n.length),
        }));
      concepts.push({
        concept: parsed.value as Concept,
        path: file.path,
        range: idRange(['id']),
        patternLiterals: {
          patterns: literals('patterns'),
          near: literals('near'),
          except: literals('except'),
          outOfScope: literals('outOfScope'),
        },
      });
      return;
    }
    const policy = parsed.value as Policy;
    const problems = checkPolicy(policy, file.path, idRange);
    if (problems.length > 0) {
      for (const e of capped(file.path, problems)) errors.push(e);
      return;
    }
    if (replaces) {
      const i = policies.findIndex((x) => x.path === first.path);
      if (i >= 0) policies.splice(i, 1);
      notices.push({
        path: file.path,
        message: `policy ${id} replaces the bundled policy of the same id (${first.path})`,
        range: idRange(['id']),
      });
    }
    seen.set(id, { path: file.path, bundled: !!file.bundled });
    const sectionRanges = new Map<string, Range>();
    policy.sections.forEach((s, i) => sectionRanges.set(s.id, idRange(['sections', i, 'id'])));
    policies.push({ policy, path: file.path, sectionRanges, criterionRefs: criterionRefs(policy, idRange) });
  }

  function loadClass(file: PolicyFile): void {
    const parsed = parseFile(file, lexicalClassSchema);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push(e);
      return;
    }
    const c = parsed.value as LexicalClass;
    const first = classIds.get(c.id);
    if (first !== undefined) {
      const range = nodeRange(parsed.index, findNodeAtLocation(parsed.tree, ['id']) ?? parsed.tree);
      errors.push({ path: file.path, message: `duplicate lexical class id "${c.id}" (already loaded from ${first})`, range });
      return;
    }
    classIds.set(c.id, file.path);
    classes.push(c);
  }
}

/** The criterion ids a policy uses, each with the range of the string that names it. */
function criterionRefs(policy: Policy, at: (p: Key[]) => Range): { id: string; range: Range }[] {
  const refs: { id: string; range: Range }[] = [];
  const walk = (req: Requirement | undefined, where: Key[]) =>
    walkRequirement(req, where, (node, path) => {
      if (typeof node === 'string') refs.push({ id: node, range: at(path) });
    });
  policy.sections.forEach((s, i) => {
    const here: Key[] = ['sections', i];
    walk(s.requires, [...here, 'requires']);
    walk(s.when, [...here, 'when']);
    s.advisory?.forEach((a, j) => refs.push({ id: a, range: at([...here, 'advisory', j]) }));
    s.exclusions?.forEach((e, j) => walk(e.when, [...here, 'exclusions', j, 'when']));
    s.notices?.forEach((n, j) => walk(n.when, [...here, 'notices', j, 'when']));
  });
  return refs;
}

/**
 * A concept made of parts (`allOf`) names concepts that exist and are not made of parts
 * themselves; one that does not is a policy error at its id, and is not loaded (so a policy
 * using it is not either: it could never be met).
 */
export function checkParts(concepts: LoadedConcept[]): { concepts: LoadedConcept[]; errors: PolicyFileError[] } {
  const byId = new Map(concepts.map((c) => [c.concept.id, c.concept]));
  const kept: LoadedConcept[] = [];
  const errors: PolicyFileError[] = [];
  for (const c of concepts) {
    const bad = (c.concept.allOf ?? []).filter((id) => !byId.has(id) || byId.get(id)!.allOf?.length || id === c.concept.id);
    if (!bad.length) {
      kept.push(c);
      continue;
    }
    const why = bad.map((id) => (byId.has(id) ? `"${id}" is itself made of parts` : `no concept file defines "${id}"`)).join('; ');
    errors.push({ path: c.path, message: `allOf: ${why}; concept ${c.concept.id} is not loaded`, range: c.range });
  }
  return { concepts: kept, errors };
}

/**
 * Cross-check of a loaded set: every criterion id a policy uses must be defined by a concept
 * file, else the policy could never be met (a typo such as "functional-impairmnet" would report
 * missing documentation on every code). Such a policy is a policy error at each unknown id,
 * and is not loaded; every other policy still is.
 */
export function checkCriteria(
  policies: LoadedPolicy[],
  concepts: LoadedConcept[],
): { policies: LoadedPolicy[]; errors: PolicyFileError[] } {
  const known = new Set(concepts.map((c) => c.concept.id));
  const kept: LoadedPolicy[] = [];
  const errors: PolicyFileError[] = [];
  for (const p of policies) {
    const unknown = (p.criterionRefs ?? []).filter((r) => !known.has(r.id));
    if (unknown.length === 0) {
      kept.push(p);
      continue;
    }
    for (const r of unknown) {
      const near = nearest(r.id, [...known]);
      errors.push({
        path: p.path,
        message:
          `unknown criterion "${r.id}": no concept file defines it${near ? ` (did you mean "${near}"?)` : ''}; ` +
          `policy ${p.policy.id} is not loaded`,
        range: r.range,
      });
    }
  }
  return { policies: kept, errors };
}

/** The known id closest to a misspelt one (edit distance at most 3), for the message. */
function nearest(id: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    if (Math.abs(k.length - id.length) >= bestD) continue;
    const d = editDistance(id, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

type Parsed = { ok: true; value: unknown; tree: JsonNode; index: LineIndex } | { ok: false; errors: PolicyFileError[] };

function parseFile(file: PolicyFile, schema: z.ZodType): Parsed {
  const index = new LineIndex(file.text);
  const syntax: ParseError[] = [];
  // A byte order mark (editors set to "UTF-8 with BOM") is read as a space: same offsets.
  const text = file.text.charCodeAt(0) === 0xfeff ? ` ${file.text.slice(1)}` : file.text;
  const tree = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false });
  if (syntax.length > 0 || !tree) {
    // jsonc-parser may report several codes at one offset while recovering: keep the first.
    const errs = syntax
      .filter((e, i) => i === 0 || e.offset !== syntax[i - 1].offset)
      .map((e) => ({
        path: file.path,
        message: `JSON syntax error: ${words(printParseErrorCode(e.error))}`,
        range: index.range({ start: e.offset, end: Math.min(file.text.length, e.offset + Math.max(1, e.length)) }),
      }));
    if (errs.length === 0) errs.push({ path: file.path, message: 'JSON syntax error: the file is empty', range: ZERO });
    return { ok: false, errors: capped(file.path, errs) };
  }
  const result = schema.safeParse(getNodeValue(tree));
  if (result.success) return { ok: true, value: result.data, tree, index };
  const issues = result.error.issues;
  const errs = issues.slice(0, MAX_FILE_ERRORS + 1).flatMap((issue) => issueErrors(file.path, tree, index, issue, []));
  return { ok: false, errors: capped(file.path, errs, issues.length) };
}

/** Errors reported per file: a file with 100,000 bad codes gives this many and a count of the rest. */
const MAX_FILE_ERRORS = 100;

function capped(path: string, errs: PolicyFileError[], total = errs.length): PolicyFileError[] {
  if (errs.length <= MAX_FILE_ERRORS && total <= MAX_FILE_ERRORS) return errs;
  const kept = errs.slice(0, MAX_FILE_ERRORS);
  const more = Math.max(total, errs.length) - kept.length;
  kept.push({ path, message: `... and ${more} more problems in this file`, range: kept[kept.length - 1]?.range ?? ZERO });
  return kept;
}

/** Deepest requirement tree (`all` / `any` / `not`) a policy may hold; the bundled ones nest 3 deep. */
const MAX_TREE_DEPTH = 32;

/** Semantic checks zod cannot express: duplicate section ids, well-formed code ranges. */
function checkPolicy(policy: Policy, path: string, at: (p: Key[]) => Range): PolicyFileError[] {
  const errors: PolicyFileError[] = [];
  const checkRefs = (refs: string[] | undefined, where: Key[]) =>
    refs?.forEach((ref, j) => {
      if (parseCodeRef(ref)) return;
      const message = `"${ref}" is not a valid code range: both ends must have the same shape, the first not after the last`;
      errors.push({ path, message, range: at([...where, j]) });
    });
  const walk = (req: Requirement | undefined, where: Key[]) =>
    walkRequirement(req, where, (node, nodeAt, depth) => {
      if (typeof node === 'string') return;
      if (depth > MAX_TREE_DEPTH) {
        // Checks recurse over the tree: a tree nested thousands deep would exhaust the stack.
        errors.push({ path, message: `requirement tree nested more than ${MAX_TREE_DEPTH} deep`, range: at(nodeAt) });
        return false;
      }
      if (!('not' in node)) checkRefs(node.codes, [...nodeAt, 'codes']);
    });
  const sectionIds = new Set<string>();
  policy.sections.forEach((s, i) => {
    const here = ['sections', i];
    if (sectionIds.has(s.id)) errors.push({ path, message: `duplicate section id "${s.id}"`, range: at([...here, 'id']) });
    sectionIds.add(s.id);
    checkRefs(s.codes, [...here, 'codes']);
    walk(s.requires, [...here, 'requires']);
    walk(s.when, [...here, 'when']);
    s.exclusions?.forEach((e, j) => walk(e.when, [...here, 'exclusions', j, 'when']));
    s.notices?.forEach((n, j) => walk(n.when, [...here, 'notices', j, 'when']));
  });
  return errors;
}

type Issue = z.core.$ZodIssue;

/** One file error per zod issue (unions: the branch that fits the value best; unknown keys: one per key). */
function issueErrors(path: string, tree: JsonNode, index: LineIndex, issue: Issue, base: Key[]): PolicyFileError[] {
  const at = [...base, ...(issue.path as Key[])];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = bestBranch(issue.errors);
    if (best) return best.flatMap((inner) => issueErrors(path, tree, index, inner, at));
    const node = findNodeAtLocation(tree, at);
    return [
      { path, message: `${where(at)}expected a criterion id or an object with "all", "any" or "not"`, range: anchor(index, node ?? tree) },
    ];
  }
  if (issue.code === 'unrecognized_keys') {
    const obj = findNodeAtLocation(tree, at) ?? tree;
    return issue.keys.map((key) => {
      const prop = obj.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === key);
      return { path, message: `${where(at)}unknown property "${key}"`, range: nodeRange(index, prop?.children?.[0] ?? obj) };
    });
  }
  if (issue.code === 'invalid_key') {
    const keyNode = findNodeAtLocation(tree, at)?.parent?.children?.[0];
    const why = issue.issues.map((i) => i.message).join('; ');
    return [
      { path, message: `${where(at.slice(0, -1))}key "${String(at[at.length - 1])}": ${why}`, range: nodeRange(index, keyNode ?? tree) },
    ];
  }
  const node = findNodeAtLocation(tree, at);
  if (!node) {
    // A missing property: point at the object that should hold it.
    let parent: JsonNode | undefined;
    for (let n = at.length - 1; n >= 0 && !parent; n--) parent = n === 0 ? tree : findNodeAtLocation(tree, at.slice(0, n));
    return [
      {
        path,
        message: `${where(at.slice(0, -1))}missing required property "${String(at[at.length - 1])}"`,
        range: anchor(index, parent ?? tree),
      },
    ];
  }
  return [{ path, message: `${where(at)}${issue.message}`, range: anchor(index, node) }];
}

/**
 * The union branch meant by the author: one whose issues are all below the value itself (the
 * value had the right shape, e.g. `{ "all": [...] }` with a bad element); else none.
 */
function bestBranch(branches: Issue[][]): Issue[] | undefined {
  const fitting = branches.filter((b) => b.length > 0 && b.every((i) => i.path.length > 0 && i.code !== 'unrecognized_keys'));
  if (fitting.length === 0) return undefined;
  return fitting.reduce((a, b) => (b.length < a.length ? b : a));
}

function where(path: Key[]): string {
  if (path.length === 0) return '';
  const s = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  return `${s}: `;
}

function nodeRange(index: LineIndex, node: JsonNode): Range {
  return index.range({ start: node.offset, end: node.offset + node.length });
}

/** Objects and arrays span many lines: mark the property name that holds them, or the bracket. */
function anchor(index: LineIndex, node: JsonNode): Range {
  if (node.type !== 'object' && node.type !== 'array') return nodeRange(index, node);
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? nodeRange(index, key) : index.range({ start: node.offset, end: node.offset + 1 });
}

function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Bounds of one policy folder walk: `--policies /` or a home folder must end in seconds with a
 * message, not read every JSON file on the machine (it took 90 s and 1.6 GB). A policy pack is
 * a few dozen files a level or two deep.
 */
export const POLICY_WALK_LIMITS = {
  /** Policy and concept files read. */
  files: 2000,
  /** Folder levels below the policy folder. */
  depth: 8,
  /** Folder entries looked at, all kinds. */
  entries: 50_000,
  /** Bytes read in all. */
  bytes: 64 * 1024 * 1024,
  /** Errors reported for unreadable entries; the rest are counted. */
  errors: 100,
};

/** `*.json` files under `dir`, recursively (bounded), except the generated `schema/` folder. */
export function readPolicyDir(dir: string, limits = POLICY_WALK_LIMITS): { files: PolicyFile[]; errors: PolicyFileError[] } {
  const files: PolicyFile[] = [];
  const errors: PolicyFileError[] = [];
  if (!existsSync(dir)) return { files, errors: [{ path: dir, message: `policy folder not found: ${dir}`, range: ZERO }] };
  if (!statSync(dir).isDirectory()) return { files, errors: [{ path: dir, message: `not a policy folder: ${dir}`, range: ZERO }] };
  if (isPseudoPath(realpathSync(dir)))
    return { files, errors: [{ path: dir, message: `not a policy folder: ${dir} holds system files`, range: ZERO }] };
  let entriesSeen = 0;
  let bytes = 0;
  let stopped: string | undefined;
  const skipped = { deep: 0, system: 0, errors: 0 };
  const fail = (path: string, message: string) => {
    if (errors.length < limits.errors) errors.push({ path, message, range: ZERO });
    else skipped.errors++;
  };
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      fail(d, `cannot read policy folder: ${describeReadError(e)}`);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (stopped) return;
      if (++entriesSeen > limits.entries) {
        stopped = `after looking at ${limits.entries} folder entries`;
        return;
      }
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        // `--policies .` in a project must not read every package.json under node_modules.
        if ((depth === 0 && entry.name === 'schema') || skipFolder(entry.name)) continue;
        if (isPseudoPath(p)) skipped.system++;
        else if (depth + 1 > limits.depth) skipped.deep++;
        else walk(p, depth + 1);
      } else if (entry.name.endsWith('.json')) {
        if (files.length >= limits.files) {
          stopped = `after ${limits.files} policy files`;
          return;
        }
        try {
          // The bounded reader: a FIFO or a device named *.json is refused, not waited on.
          const text = readBounded(p);
          bytes += text.length;
          files.push({ path: p, text });
          if (bytes > limits.bytes) stopped = `after reading ${limits.bytes / 1048576} MB of policy files`;
        } catch (e) {
          fail(p, `cannot read policy file: ${describeReadError(e)}`);
        }
      }
    }
  };
  walk(dir, 0);
  const notes = [
    stopped && `the search stopped ${stopped}`,
    skipped.deep && `${skipped.deep} folders more than ${limits.depth} levels deep were not searched`,
    skipped.system && `${skipped.system} system folders (/proc, /sys, /dev) were not searched`,
    skipped.errors && `${skipped.errors} more unreadable entries were not reported`,
  ].filter(Boolean);
  if (notes.length) errors.push({ path: dir, message: `policy folder ${dir} was not searched in full: ${notes.join('; ')}`, range: ZERO });
  return { files, errors };
}

/**
 * The repository's `policies/` folder, found by walking up from this module: works from source
 * (server/src/engine/policies) and from the esbuild bundle (dist/).
 */
export function bundledPolicyDir(from: string = __dirname): string | undefined {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'policies', 'schema'))) return join(d, 'policies');
    if (dirname(d) === d) return undefined;
  }
}
