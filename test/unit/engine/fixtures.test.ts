/**
 * Fixture tests, in the manner of markdownlint's: every `*.note` and `*.claim` under
 * test/fixtures/engine/ is checked with the frozen fixture policies (test/fixtures/policies),
 * and compared with the hand-written `<file>.expected.json` beside it:
 *
 *   {
 *     "options": { "payer": "...", "plan": "..." },          // CLI-style defaults (optional)
 *     "determinations": [                                      // exactly these, in order
 *       { "code": "15773", "line": 9, "status": "supported",   // line optional (0-based)
 *         "policies": [ { "policy": "MED.00132", "section": "II", "status": "supported",
 *                         "alternative": "I.A.1",              // optional
 *                         "missing": [], "advisory": [],       // compared as sets
 *                         "met": ["functional-impairment"],    // optional, compared as a set
 *                         "exclusion": "cosmetic" } ] } ],     // optional: the exclusion reason
 *     "findings": [ { "rule": "...", "severity": "...", "code": "...", "criterion": "...",
 *                     "policy": "...", "section": "...", "line": 9,
 *                     "messageIncludes": ["..."], "relatedIncludes": ["..."], // related rows' text
 *                     "suggestions": ["..."] } ],                         // each must exist
 *     "rules": ["benefit-limitation"],                         // exact multiset of finding rules
 *     "absentRules": ["missing-documentation"]                 // rules that must not appear
 *   }
 *
 * Notes that claims link live in `linked/` folders and are not fixtures themselves.
 * The expectations are written from SPEC 3.1 and 5 and the seeds, not generated from the engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheckResult, Finding } from '../../../server/src/engine';
import { fixtureEngine, ROOT } from './helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'engine');

interface ExpectedPolicy {
  policy: string;
  section: string;
  status: string;
  alternative?: string;
  missing: string[];
  advisory: string[];
  met?: string[];
  exclusion?: string;
}
interface ExpectedFinding {
  rule: string;
  severity?: string;
  code?: string;
  criterion?: string;
  policy?: string;
  section?: string;
  line?: number;
  messageIncludes?: string[];
  /** Each must be in the message of one of the finding's relatedInformation rows. */
  relatedIncludes?: string[];
  suggestions?: string[];
}
interface Expected {
  description?: string;
  options?: { payer?: string; plan?: 'commercial' | 'medicare' | 'medicaid' };
  determinations: { code: string; line?: number; status: string; policies: ExpectedPolicy[] }[];
  findings?: ExpectedFinding[];
  rules?: string[];
  absentRules?: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'linked' ? [] : walk(join(dir, e.name))) : /\.(note|claim)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const host = {
  readText(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const sorted = (a: readonly string[]) => [...a].sort();

function matches(f: Finding, e: ExpectedFinding): boolean {
  return (
    f.rule === e.rule &&
    (e.severity === undefined || f.severity === e.severity) &&
    (e.code === undefined || f.code === e.code) &&
    (e.criterion === undefined || f.criterion === e.criterion) &&
    (e.policy === undefined || f.policy === e.policy) &&
    (e.section === undefined || f.section === e.section) &&
    (e.line === undefined || f.range.start.line === e.line) &&
    (e.messageIncludes ?? []).every((s) => f.message.includes(s)) &&
    (e.relatedIncludes ?? []).every((s) => f.related.some((r) => r.message.includes(s))) &&
    (e.suggestions === undefined || JSON.stringify(sorted(f.data.suggestions ?? [])) === JSON.stringify(sorted(e.suggestions)))
  );
}

function compare(result: CheckResult, expected: Expected) {
  const actual = result.determinations.map((d, i) => ({
    code: d.code,
    ...(expected.determinations[i]?.line !== undefined ? { line: d.line } : {}),
    status: d.status,
    policies: d.policies.map((p) => ({ policy: p.policy, section: p.section, status: p.status })),
  }));
  const wanted = expected.determinations.map((d) => ({
    code: d.code,
    ...(d.line !== undefined ? { line: d.line } : {}),
    status: d.status,
    policies: d.policies.map((p) => ({ policy: p.policy, section: p.section, status: p.status })),
  }));
  assert.deepEqual(actual, wanted, 'determinations: codes, statuses and governing sections');
  expected.determinations.forEach((ed, i) => {
    const d = result.determinations[i];
    ed.policies.forEach((ep, j) => {
      const p = d.policies[j];
      const where = `${d.code} ${p.policy} §${p.section}`;
      assert.deepEqual(sorted(p.missing), sorted(ep.missing), `${where}: missing`);
      assert.deepEqual(sorted(p.advisory), sorted(ep.advisory), `${where}: advisory`);
      if (ep.alternative !== undefined) assert.equal(p.alternative, ep.alternative, `${where}: alternative`);
      if (ep.met !== undefined) assert.deepEqual(sorted(p.met.map((m) => m.criterion)), sorted(ep.met), `${where}: met`);
      if (ep.exclusion !== undefined) assert.equal(p.exclusion?.reason, ep.exclusion, `${where}: exclusion`);
    });
  });
  const show = () => result.findings.map((f) => `${f.range.start.line}: ${f.severity} [${f.rule}] ${f.message}${f.related.map((r) => `\n    related: ${r.message}`).join('')}`).join('\n');
  for (const e of expected.findings ?? []) {
    assert.ok(result.findings.some((f) => matches(f, e)), `finding ${JSON.stringify(e)} not among:\n${show()}`);
  }
  if (expected.rules) assert.deepEqual(sorted(result.findings.map((f) => f.rule)), sorted(expected.rules), `finding rules:\n${show()}`);
  for (const r of expected.absentRules ?? []) {
    assert.ok(!result.findings.some((f) => f.rule === r), `no ${r} finding expected:\n${show()}`);
  }
}

const files = existsSync(DIR) ? walk(DIR).sort() : [];

test('engine fixtures exist, each with its expectation', () => {
  assert.ok(files.length >= 30, `found ${files.length} fixtures under ${DIR}`);
});

for (const file of files) {
  const expectedPath = `${file}.expected.json`;
  const name = relative(DIR, file);
  test(`fixture ${name}`, () => {
    assert.ok(existsSync(expectedPath), `${name} has no ${name}.expected.json`);
    const expected: Expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
    const result = fixtureEngine().check({ path: file, text: readFileSync(file, 'utf8') }, host, expected.options ?? {});
    compare(result, expected);
  });
}
