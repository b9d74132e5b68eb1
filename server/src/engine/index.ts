/**
 * The engine facade: load a policy set once, then check documents. Pure: no LSP or VS Code.
 * The CLI, the language server and the tests all go through here.
 */
import { sep } from 'node:path';
import { compileConcepts, type CompiledConcepts } from './evidence/compile';
import { checkClaim, type Host } from './check/claim';
import type { CheckOptions } from './check/common';
import { documentedIn } from './check/documented';
import { checkNote } from './check/note';
import { SourceCache } from './check/sources';
import {
  bundledPolicyDir,
  checkCriteria,
  checkParts,
  loadPolicyFiles,
  rangeInLiteral,
  readPolicyDir,
  type PolicyFile,
  type PolicyFileError,
} from './policies/load';
import { overlapNotices } from './policies/overlap';
import { PolicyRegistry } from './policies/registry';
import type { CheckResult, EvidenceRef } from './results';
import { documentKind, type DocumentKind } from './types';

export type { Host } from './check/claim';
export { CLAIM_HEADER_KEYS } from './documents/claim';
export type { CheckOptions } from './check/common';
export { claimLink, foldIntoClaims, foldLinkedGaps, type ClaimLink } from './findings/linked';
export { joinSnippets, promptOffset, type PromptSection } from './findings/prompts';
export { bundledPolicyDir, type LoadedConcept, type LoadedPolicy, type PolicyFileError } from './policies/load';
export type { PolicyRegistry } from './policies/registry';
export type * from './documents/model';
export { LineIndex } from './lineIndex';
export { skipFolder } from './skip';
export { quote } from './documents/text';
export { MISS_WORDS, missReason } from './findings/messages';
export { describeReadError, readBounded, readOrWhy } from './io/read';
export type { NoteFolders } from './check/noteAccess';
export { criteriaOf, negatedCriteria } from './determine/tree';
export { evidenceQuote } from './determine/evidenceSet';
export { normalizeIcd10 } from './documents/codes';
export * from './results';
export * from './rules';
export * from './types';
export { snippetToText } from './evidence/promptMask';

export interface LoadOptions {
  /** Extra policy folders (`--policies`, `clinlint.policyPaths`). */
  policyDirs?: string[];
  /** Load the policies bundled with ClinLint (default true). */
  bundled?: boolean;
  /** Policy files given as text (unsaved editor buffers); they replace files of the same path. */
  overrides?: PolicyFile[];
}

export class Engine {
  readonly registry: PolicyRegistry;
  readonly compiled: CompiledConcepts;
  private readonly cache: SourceCache;

  private constructor(
    files: PolicyFile[],
    readErrors: PolicyFileError[],
    readonly policyDirs: string[],
  ) {
    const loaded = loadPolicyFiles(files);
    // A concept of parts that do not exist is not loaded; a policy using a criterion no
    // concept defines is a policy error, and is not loaded either.
    const parts = checkParts(loaded.concepts);
    const checked = checkCriteria(loaded.policies, parts.concepts);
    this.registry = new PolicyRegistry(checked.policies);
    this.compiled = compileConcepts(
      parts.concepts.map((c) => c.concept),
      loaded.classes,
    );
    const conceptFile = new Map(loaded.concepts.map((c) => [c.concept.id, c]));
    this.policyErrors = [
      ...readErrors,
      ...loaded.errors,
      ...parts.errors,
      ...checked.errors,
      // A pattern the automaton cannot compile is a policy error in its concept file, at the
      // offending characters of the pattern string (else the whole string, else the concept id).
      ...this.compiled.problems.map((p) => {
        const file = conceptFile.get(p.concept);
        const literal =
          p.field !== 'together' && p.field !== 'anaphora' && p.index !== undefined ? file?.patternLiterals?.[p.field][p.index] : undefined;
        const range = literal
          ? p.at
            ? rangeInLiteral(literal, p.at.start, p.at.end)
            : literal.range
          : (file?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        const where = p.index === undefined ? p.field : `${p.field}[${p.index}]`;
        return { path: file?.path ?? p.concept, message: `${where}: ${p.message}`, range };
      }),
    ];
    this.concepts = loaded.concepts;
    this.cache = new SourceCache(this.compiled);
    const bundledDir = bundledPolicyDir();
    const isBundled = (p: { path: string }) => bundledDir !== undefined && p.path.startsWith(bundledDir + sep);
    this.policyNotices = [
      ...loaded.notices,
      ...overlapNotices(checked.policies.filter(isBundled), checked.policies.filter((p) => !isBundled(p))),
    ];
  }

  readonly policyErrors: PolicyFileError[];
  /** Information on the policy files, not errors: a user policy that replaces or overlaps a bundled one. */
  readonly policyNotices: PolicyFileError[];
  readonly concepts: ReturnType<typeof loadPolicyFiles>['concepts'];

  static load(options: LoadOptions = {}): Engine {
    const dirs: string[] = [];
    const bundledDir = options.bundled !== false ? bundledPolicyDir() : undefined;
    if (bundledDir) dirs.push(bundledDir);
    dirs.push(...(options.policyDirs ?? []));
    const files: PolicyFile[] = [];
    const errors: PolicyFileError[] = [];
    for (const dir of dirs) {
      const r = readPolicyDir(dir);
      const bundled = dir === bundledDir;
      for (const f of r.files) files.push(bundled ? { ...f, bundled } : f); // loops: a folder may hold 100,000+ files
      for (const e of r.errors) errors.push(e);
    }
    for (const o of options.overrides ?? []) {
      const i = files.findIndex((f) => f.path === o.path);
      if (i >= 0) files[i] = { ...o, bundled: files[i].bundled };
      else files.push(o);
    }
    return new Engine(files, errors, dirs);
  }

  /** An engine over policy files given as text (tests, synthetic benchmarks). */
  static fromFiles(files: PolicyFile[]): Engine {
    return new Engine(files, [], []);
  }

  check(doc: { path: string; text: string; kind?: DocumentKind }, host: Host, options: CheckOptions = {}): CheckResult {
    const kind = doc.kind ?? documentKind(doc.path) ?? 'note';
    return kind === 'claim'
      ? checkClaim(this, this.cache, doc.path, doc.text, host, options)
      : checkNote(this, this.cache, doc.path, doc.text, options);
  }

  /**
   * Drops what the engine keeps of one file's text (its analysed note), so a caller that
   * checked a file it does not hold open gives the memory back once the result is used.
   */
  forget(path: string): void {
    this.cache.forget(path);
  }

  /** The analysed-note cache: its notes and estimated bytes, against its budget. */
  get cacheUse(): { notes: number; bytes: number; budget: number } {
    return { notes: this.cache.size, bytes: this.cache.bytes, budget: this.cache.budget };
  }

  /**
   * Every statement in a checked document's evidence that documents each criterion, in text
   * order (a determination quotes only the first): what a coverage rationale cites.
   */
  documented(result: CheckResult, host: Host, criteria: Iterable<string>): Map<string, EvidenceRef[]> {
    return documentedIn(this.compiled, this.cache, result, host, criteria);
  }
}
