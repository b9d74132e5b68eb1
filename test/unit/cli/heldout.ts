/**
 * Held-out style checks (issue 2, "Must show"): independent claim/note cases, written from
 * SPEC.md and the seeds before the concept patterns were read, are run through
 * `clinlint --format json`. At least 90% of the billed codes must get the expected status, and
 * for the codes whose expectation lists missing criteria, those must match (the missing
 * criteria of the policies that decide the status, i.e. whose status equals the code's status).
 * The per-code results are printed (t.diagnostic) so a failure shows which cases miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../server/src/cli/main';

interface Expect {
  status: string;
  missing?: string[];
}

interface Row {
  file: string;
  code: string;
  expected: Expect;
  status?: string;
  missing?: string[];
  statusOk: boolean;
  missingOk: boolean;
}

function evaluate(dir: string): Row[] {
  const expected: Record<string, Record<string, Expect>> = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).files;
  let stdout = '';
  let stderr = '';
  const status = run(['--format', 'json', '.'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  assert.equal(stderr, '', 'no CLI error');
  assert.ok(status === 0 || status === 1, `exit ${status}`);
  const out = JSON.parse(stdout) as {
    files: { path: string; determinations: { code: string; status: string; policies: { status: string; missing: string[] }[] }[] }[];
  };
  const rows: Row[] = [];
  for (const [file, codes] of Object.entries(expected)) {
    const f = out.files.find((x) => x.path === file);
    for (const [code, exp] of Object.entries(codes)) {
      const d = f?.determinations.find((x) => x.code === code);
      const missing = d ? [...new Set(d.policies.filter((p) => p.status === d.status).flatMap((p) => p.missing))].sort() : undefined;
      const statusOk = d?.status === exp.status;
      const missingOk = exp.missing === undefined || (statusOk && JSON.stringify(missing) === JSON.stringify([...exp.missing].sort()));
      rows.push({ file, code, expected: exp, status: d?.status, missing, statusOk, missingOk });
    }
  }
  return rows;
}

/** Registers the two held-out tests over the cases in `dir` (with its expected.json). */
export function heldoutSuite(name: string, dir: string, cases: number): void {
  test(`${name}: ${cases} cases, every expected code determined`, () => {
    const rows = evaluate(dir);
    assert.equal(new Set(rows.map((r) => r.file.replace(/\.(claim|note)$/, '').replace(/^(claims|notes)\//, ''))).size, cases);
    for (const r of rows) assert.ok(r.status, `${r.file} ${r.code}: no determination`);
  });

  test(`${name}: at least 90% of billed codes get the expected status, and the missing criteria match`, (t) => {
    const rows = evaluate(dir);
    for (const r of rows) {
      t.diagnostic(
        `${r.statusOk && r.missingOk ? 'ok  ' : 'MISS'} ${r.file} ${r.code}: ${r.status} ${JSON.stringify(r.missing)}` +
          (r.statusOk && r.missingOk ? '' : ` (expected ${r.expected.status} ${JSON.stringify(r.expected.missing ?? '')})`),
      );
    }
    const statusOk = rows.filter((r) => r.statusOk).length;
    const score = statusOk / rows.length;
    t.diagnostic(`status: ${statusOk}/${rows.length} = ${(score * 100).toFixed(1)}%`);
    const missingRows = rows.filter((r) => r.expected.missing !== undefined);
    const missingOk = missingRows.filter((r) => r.missingOk).length;
    t.diagnostic(`missing criteria: ${missingOk}/${missingRows.length}`);
    assert.ok(score >= 0.9, `${statusOk}/${rows.length} codes with the expected status (${(score * 100).toFixed(1)}%), need 90%`);
    const wrongMissing = missingRows.filter((r) => r.statusOk && !r.missingOk);
    assert.deepEqual(
      wrongMissing.map((r) => `${r.file} ${r.code}: ${JSON.stringify(r.missing)}`),
      [],
      'where the status is right, the missing criteria match',
    );
  });
}
