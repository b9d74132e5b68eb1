/**
 * Shared helpers of the engine tests: an engine over the bundled policies (tests of the bundled
 * policies and their reading of notes), one over the frozen fixture policies (tests of a
 * mechanism), an in-memory host, a note builder with front matter, and the criterion look-up on
 * analysed text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type CheckResult, type Finding, type PolicyDetermination } from '../../../server/src/engine';
import { EvidenceSet, type Found } from '../../../server/src/engine/determine/evidenceSet';
import { parseNote } from '../../../server/src/engine/documents/note';
import { analyzeText } from '../../../server/src/engine/evidence/analyze';
import { LineIndex } from '../../../server/src/engine/lineIndex';

export const ROOT = join(__dirname, '..', '..', '..');
export const SHARED = join(ROOT, '..', 'shared');

/** The ids of the policy files the bundled folder holds, read from the files: tests take them from the data, never a literal. */
export function bundledPolicyIds(): string[] {
  const dir = join(ROOT, 'policies');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string }).id);
}

/** How many policy files the bundled folder holds. */
export function bundledPolicyCount(): number {
  return bundledPolicyIds().length;
}

/**
 * The frozen copy of the bundled policies that mechanism tests run on (see its README.md): the
 * bundled concepts may be reworded or re-read without changing what those tests expect.
 */
export const FIXTURE_POLICIES = join(ROOT, 'test', 'fixtures', 'policies');

/** CLI arguments that load the frozen fixture policies instead of the bundled ones. */
export const FIXTURE_POLICY_ARGS: readonly string[] = ['--no-bundled-policies', '--policies', FIXTURE_POLICIES];

let cached: Engine | undefined;
/** The engine over the bundled policies, loaded once per test file. */
export function engine(): Engine {
  return (cached ??= Engine.load({ bundled: true }));
}

let frozen: Engine | undefined;
/** The engine over the frozen fixture policies, loaded once per test file. */
export function fixtureEngine(): Engine {
  return (frozen ??= Engine.load({ bundled: false, policyDirs: [FIXTURE_POLICIES] }));
}

/** A host over in-memory files (absolute paths); anything else is unreadable. */
export function memoryHost(files: Record<string, string> = {}) {
  return { readText: (path: string): string | undefined => files[path] };
}

export interface Front {
  payer?: string;
  plan?: string;
  date?: string;
  patient?: string;
}

/** A note with front matter (only the keys given) and a body. */
export function note(front: Front, body: string): string {
  const keys = Object.entries(front).filter(([, v]) => v !== undefined);
  const head = keys.length ? `---\n${keys.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n` : '';
  return head + body.replace(/^\n/, '');
}

/** Checks a note held in memory. */
export function checkNote(text: string, options: { payer?: string; plan?: 'commercial' | 'medicare' | 'medicaid' } = {}, path = '/mem/test.note'): CheckResult {
  return engine().check({ path, text }, memoryHost(), options);
}

/** Checks a claim held in memory, with its linked notes (paths relative to /mem/claims/). */
export function checkClaim(
  text: string,
  notes: Record<string, string> = {},
  options: { payer?: string; plan?: 'commercial' | 'medicare' | 'medicaid' } = {},
  path = '/mem/claims/test.claim',
): CheckResult {
  return engine().check({ path, text }, memoryHost(notes), options);
}

/** Whether, and how, a criterion is documented in a note's text (sections and context applied). */
export function criterionIn(text: string, criterion: string): Found {
  const e = engine();
  const doc = parseNote(text);
  const evidence = analyzeText(e.compiled, text, doc.sections, doc.bodyStart);
  const set = new EvidenceSet(e.compiled, [{ path: '/mem/criterion.note', text, lines: new LineIndex(text), evidence }], []);
  return set.find(criterion);
}

/** Each text documents the criterion (`want` true), or each does not; a failure names the text. */
export function eachMet(criterion: string, texts: readonly string[], want: boolean): void {
  for (const t of texts) assert.equal(Boolean(criterionIn(t, criterion).met), want, t);
}

/** The policy determinations of the first determination of `code`. */
export function policiesOf(result: CheckResult, code: string): PolicyDetermination[] {
  const d = result.determinations.find((x) => x.code === code);
  if (!d) throw new Error(`no determination for ${code} in ${result.path}: ${JSON.stringify(result.determinations.map((x) => x.code))}`);
  return d.policies;
}

export function statusOf(result: CheckResult, code: string): string {
  const d = result.determinations.find((x) => x.code === code);
  if (!d) throw new Error(`no determination for ${code}`);
  return d.status;
}

export function findingsOf(result: CheckResult, rule: string, code?: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule && (code === undefined || f.code === code));
}

/** A compact view of a determination's policies, for deepEqual. */
export function summary(result: CheckResult, code: string) {
  return policiesOf(result, code).map((p) => ({
    policy: p.policy,
    section: p.section,
    alternative: p.alternative,
    status: p.status,
    missing: [...p.missing].sort(),
    advisory: [...p.advisory].sort(),
  }));
}
