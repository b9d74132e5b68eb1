/**
 * SPEC 3: the loaded MC.CP.MP.31 is effective from 2025-08-01. A Medicare claim dated before
 * it is still checked against the loaded version, with a `policy-not-effective` warning; the
 * commercial CP.MP.31 (effective 2024-11-01) and MP-442 (no effective date) are unaffected.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../runCli';

const NOTE = 'Three skin tags at the collar line of the posterior neck; the collar rubs them and they have bled onto his shirts repeatedly.\n';

function check(plan: string, date: string): { rules: string[]; status: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-effective-'));
  try {
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'v.note'), NOTE);
    writeFileSync(
      join(dir, 'c.claim'),
      `payer: Centene\nplan: ${plan}\ndate: ${date}\nnote: notes/v.note\n\ndx A: L91.8\nline 1: 11200 x1 dx A ; removal of skin tags, posterior neck\n`,
    );
    const r = runCli(['--format', 'json', 'c.claim'], dir);
    const file = JSON.parse(r.stdout).files[0];
    return { rules: file.diagnostics.map((d: { rule: string }) => d.rule), status: file.determinations[0].status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a Medicare claim dated before 2025-08-01 is checked, with a policy-not-effective warning', () => {
  const before = check('medicare', '2025-06-12');
  assert.equal(before.status, 'supported');
  assert.ok(before.rules.includes('policy-not-effective'), JSON.stringify(before.rules));
  const after = check('medicare', '2025-08-01');
  assert.equal(after.status, 'supported');
  assert.ok(!after.rules.includes('policy-not-effective'), JSON.stringify(after.rules));
  // The commercial version took effect 2024-11-01.
  assert.ok(!check('commercial', '2025-06-12').rules.includes('policy-not-effective'));
});
