/**
 * Loads policy and concept files. Each file is parsed with jsonc-parser (which keeps offsets)
 * and validated with zod, so every problem is reported at its line and character in that file;
 * a bad file is skipped and every other file still loads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { LineIndex } from '../lineIndex';
import type { Range } from '../types';
import { concept as conceptSchema, policy as policySchema } from './schema';
import type { Concept, Policy, Requirement } from './schema';
import { parseCodeRef } from './registry';

export interface PolicyFileError {
  path: string;
  message: string;
  range: Range;
}

export interface LoadedPolicy {
  policy: Policy;
  path: string;
  /** Section id -> range of its `id` value in the file (go-to-definition target). */
  sectionRanges: Map<string, Range>;
}

export interface LoadedConcept {
  concept: Concept;
  path: string;
  /** Range of the concept's `id` value in the file. */
  range: Range;
}

export interface PolicyFile {
  path: string;
  text: string;
}

/** A JSON path: property names and array indexes. */
type Key = string | number;

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function isConceptPath(path: string): boolean {
  return path.replace(/\\/g, '/').includes('/concepts/');
}

export function loadPolicyFiles(files: PolicyFile[]): {
  policies: LoadedPolicy[];
  concepts: LoadedConcept[];
  errors: PolicyFileError[];
} {
  const policies: LoadedPolicy[] = [];
  const concepts: LoadedConcept[] = [];
  const errors: PolicyFileError[] = [];
  const policyIds = new Map<string, string>();
  const conceptIds = new Map<string, string>();

  for (const file of files) {
    const isConcept = isConceptPath(file.path);
    const parsed = parseFile(file, isConcept ? conceptSchema : policySchema);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const { index, tree } = parsed;
    const idRange = (path: Key[]) => nodeRange(index, findNodeAtLocation(tree, path) ?? tree);
    const seen = isConcept ? conceptIds : policyIds;
    const id = (parsed.value as { id: string }).id;
    const first = seen.get(id);
    if (first !== undefined) {
      const what = isConcept ? 'concept' : 'policy';
      errors.push({ path: file.path, message: `duplicate ${what} id "${id}" (already loaded from ${first})`, range: idRange(['id']) });
      continue;
    }
    if (isConcept) {
      seen.set(id, file.path);
      concepts.push({ concept: parsed.value as Concept, path: file.path, range: idRange(['id']) });
      continue;
    }
    const policy = parsed.value as Policy;
    const problems = checkPolicy(policy, file.path, idRange);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    seen.set(id, file.path);
    const sectionRanges = new Map<string, Range>();
    policy.sections.forEach((s, i) => sectionRanges.set(s.id, idRange(['sections', i, 'id'])));
    policies.push({ policy, path: file.path, sectionRanges });
  }
  return { policies, concepts, errors };
}

type Parsed =
  | { ok: true; value: unknown; tree: JsonNode; index: LineIndex }
  | { ok: false; errors: PolicyFileError[] };

function parseFile(file: PolicyFile, schema: z.ZodType): Parsed {
  const index = new LineIndex(file.text);
  const syntax: ParseError[] = [];
  const tree = parseTree(file.text, syntax, { disallowComments: true, allowTrailingComma: false });
  if (syntax.length > 0 || !tree) {
    // jsonc-parser may report several codes at one offset while recovering: keep the first.
    const errs = syntax.filter((e, i) => i === 0 || e.offset !== syntax[i - 1].offset).map((e) => ({
      path: file.path,
      message: `JSON syntax error: ${words(printParseErrorCode(e.error))}`,
      range: index.range({ start: e.offset, end: Math.min(file.text.length, e.offset + Math.max(1, e.length)) }),
    }));
    if (errs.length === 0) errs.push({ path: file.path, message: 'JSON syntax error: the file is empty', range: ZERO });
    return { ok: false, errors: errs };
  }
  const result = schema.safeParse(getNodeValue(tree));
  if (result.success) return { ok: true, value: result.data, tree, index };
  return { ok: false, errors: result.error.issues.flatMap((issue) => issueErrors(file.path, tree, index, issue, [])) };
}

/** Semantic checks zod cannot express: duplicate section ids, well-formed code ranges. */
function checkPolicy(policy: Policy, path: string, at: (p: Key[]) => Range): PolicyFileError[] {
  const errors: PolicyFileError[] = [];
  const checkRefs = (refs: string[] | undefined, where: Key[]) =>
    refs?.forEach((ref, j) => {
      if (parseCodeRef(ref)) return;
      const message = `"${ref}" is not a valid code range: both ends must have the same shape, the first not after the last`;
      errors.push({ path, message, range: at([...where, j]) });
    });
  const walk = (req: Requirement | undefined, where: Key[]) => {
    if (req === undefined || typeof req === 'string') return;
    if ('not' in req) return walk(req.not, [...where, 'not']);
    checkRefs(req.codes, [...where, 'codes']);
    if ('all' in req) req.all.forEach((r, i) => walk(r, [...where, 'all', i]));
    else req.any.forEach((r, i) => walk(r, [...where, 'any', i]));
  };
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
    return [{ path, message: `${where(at)}expected a criterion id or an object with "all", "any" or "not"`, range: anchor(index, node ?? tree) }];
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
    return [{ path, message: `${where(at.slice(0, -1))}key "${String(at[at.length - 1])}": ${why}`, range: nodeRange(index, keyNode ?? tree) }];
  }
  const node = findNodeAtLocation(tree, at);
  if (!node) {
    // A missing property: point at the object that should hold it.
    let parent: JsonNode | undefined;
    for (let n = at.length - 1; n >= 0 && !parent; n--) parent = n === 0 ? tree : findNodeAtLocation(tree, at.slice(0, n));
    return [{ path, message: `${where(at.slice(0, -1))}missing required property "${String(at[at.length - 1])}"`, range: anchor(index, parent ?? tree) }];
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

/** `*.json` files under `dir`, recursively, except the generated `schema/` folder. */
export function readPolicyDir(dir: string): { files: PolicyFile[]; errors: PolicyFileError[] } {
  const files: PolicyFile[] = [];
  const errors: PolicyFileError[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { files, errors: [{ path: dir, message: `policy folder not found: ${dir}`, range: ZERO }] };
  }
  const walk = (d: string, top: boolean) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!(top && entry.name === 'schema')) walk(p, false);
      } else if (entry.name.endsWith('.json')) {
        try {
          files.push({ path: p, text: readFileSync(p, 'utf8') });
        } catch (e) {
          errors.push({ path: p, message: `cannot read policy file: ${(e as Error).message}`, range: ZERO });
        }
      }
    }
  };
  walk(dir, true);
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
