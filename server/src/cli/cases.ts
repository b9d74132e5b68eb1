/**
 * `clinlint test <folders...>` (SPEC 7): runs case folders the way a policy author tests a policy
 * pack. A case folder holds `case.claim` (with the notes it links) or `case.note`, and
 * `expected.json` (format: docs/cases.md). Prints one line per disagreement, then the figures
 * `cases: N, statuses: a/b, criteria: c/d, diagnostics: e/f`; any disagreement is exit 1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { skipFolder, type CheckResult, type Determination, type Engine, type Host } from '../engine';

/** One keyed line of `expected.json`. */
interface LineExpectation {
  status: string;
  missing?: string[];
  missing_includes?: string[];
  excluded_by?: string;
}

interface CaseExpectation {
  lines?: Record<string, LineExpectation>;
  absent?: string[];
  diagnostics_include?: string[];
}

export interface Tally {
  cases: number;
  statuses: [agreed: number, keyed: number];
  criteria: [agreed: number, expectations: number];
  diagnostics: [found: number, listed: number];
  /** One line per disagreement, `<case>: <what>`. */
  disagreements: string[];
}

const CASE_FILES = ['case.claim', 'case.note'];

/** The case folders under `roots`: a root that is itself a case, or its descendants that are. */
export function findCases(roots: string[]): { cases: string[]; errors: string[] } {
  const cases: string[] = [];
  const errors: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (existsSync(join(dir, 'expected.json'))) {
      cases.push(dir);
      return;
    }
    if (depth > 4) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push(`${dir}: ${(e as Error).message}`);
      return;
    }
    for (const n of names) {
      if (skipFolder(n)) continue;
      const p = join(dir, n);
      try {
        if (statSync(p).isDirectory()) visit(p, depth + 1);
      } catch {
        /* a dangling link is not a case */
      }
    }
  };
  for (const r of roots) {
    if (!existsSync(r)) errors.push(`${r}: no such folder`);
    else visit(r, 0);
  }
  return { cases, errors };
}

/** The missing criteria of a code, over the policy determinations that decide its status. */
function missingOf(d: Determination): string[] {
  return [...new Set(d.policies.filter((p) => p.status === d.status).flatMap((p) => p.missing))].sort();
}

/** The criterion that excluded a not-covered code, from its determinations or its diagnostics. */
function excludedByOf(d: Determination, result: CheckResult): string[] {
  const fromDeterminations = d.policies.flatMap((p) => (p.exclusion?.criterion ? [p.exclusion.criterion] : []));
  const fromFindings = result.findings
    .filter((f) => f.rule === 'not-covered' && f.code === d.code && f.criterion)
    .map((f) => f.criterion!);
  return [...fromDeterminations, ...fromFindings];
}

const list = (xs: string[]) => `[${xs.join(', ')}]`;

/** Runs one case folder and adds its figures and disagreements to the tally. */
export function runCase(engine: Engine, dir: string, name: string, host: Host, tally: Tally): void {
  tally.cases++;
  const fail = (what: string) => tally.disagreements.push(`${name}: ${what}`);
  let expected: CaseExpectation;
  try {
    expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as CaseExpectation;
  } catch (e) {
    fail(`expected.json: ${(e as Error).message}`);
    return;
  }
  const file = CASE_FILES.map((f) => join(dir, f)).find((p) => existsSync(p));
  if (!file) {
    fail('no case.claim or case.note');
    return;
  }
  const text = host.readText(file) ?? '';
  const result = engine.check({ path: file, text }, host);
  for (const [code, exp] of Object.entries(expected.lines ?? {})) {
    tally.statuses[1]++;
    const ds = result.determinations.filter((d) => d.code === code);
    const hasCriteria = exp.missing !== undefined || exp.missing_includes !== undefined || exp.excluded_by !== undefined;
    if (hasCriteria) tally.criteria[1]++;
    if (ds.length === 0) {
      fail(`${code}: not determined (expected ${exp.status})`);
      continue;
    }
    const wrongStatus = ds.filter((d) => d.status !== exp.status);
    if (wrongStatus.length) fail(`${code}: status ${wrongStatus[0].status}, expected ${exp.status}${describeMissing(wrongStatus[0])}`);
    else tally.statuses[0]++;
    if (!hasCriteria) continue;
    const problems: string[] = [];
    for (const d of ds) {
      const missing = missingOf(d);
      if (exp.missing !== undefined && list(missing) !== list([...exp.missing].sort()))
        problems.push(`missing ${list(missing)}, expected ${list([...exp.missing].sort())}`);
      const absentOnes = (exp.missing_includes ?? []).filter((c) => !missing.includes(c));
      if (absentOnes.length) problems.push(`missing ${list(missing)} lacks ${list(absentOnes)}`);
      if (exp.excluded_by !== undefined && !excludedByOf(d, result).includes(exp.excluded_by))
        problems.push(`not excluded by ${exp.excluded_by} (excluded by ${list([...new Set(excludedByOf(d, result))])})`);
    }
    if (problems.length) fail(`${code}: ${[...new Set(problems)].join('; ')}`);
    else tally.criteria[0]++;
  }
  for (const code of expected.absent ?? []) {
    if (result.determinations.some((d) => d.code === code)) fail(`${code}: determined as a code, expected absent`);
  }
  for (const rule of expected.diagnostics_include ?? []) {
    tally.diagnostics[1]++;
    if (result.findings.some((f) => f.rule === rule)) tally.diagnostics[0]++;
    else fail(`no ${rule} diagnostic`);
  }
}

function describeMissing(d: Determination): string {
  const missing = missingOf(d);
  return missing.length ? ` (missing ${list(missing)})` : '';
}

export function newTally(): Tally {
  return { cases: 0, statuses: [0, 0], criteria: [0, 0], diagnostics: [0, 0], disagreements: [] };
}

export function summary(t: Tally): string {
  const f = ([a, b]: [number, number]) => `${a}/${b}`;
  return `cases: ${t.cases}, statuses: ${f(t.statuses)}, criteria: ${f(t.criteria)}, diagnostics: ${f(t.diagnostics)}`;
}
