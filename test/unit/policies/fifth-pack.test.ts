/**
 * A fifth policy pack (test/fixtures/policy-pack-5, fictional, written for this test) is its
 * data files and its docs page: loaded with `--policies`, it governs its code, its concept is
 * found in notes and its prompt offered, with no change to any code or other test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../runCli';
import { Engine } from '../../../server/src/engine';
import { bundledPolicyCount, ROOT } from '../engine/helpers';

const PACK = join(ROOT, 'test', 'fixtures', 'policy-pack-5');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON output, read as parsed
type Json = { files: { determinations: any[]; diagnostics: any[] }[] };

function cli(argv: string[], cwd: string): { status: number; json: Json } {
  const r = runCli(argv, cwd);
  return { status: r.status, json: JSON.parse(r.stdout) };
}

test('the pack is data and a docs page only: one policy file, one concept file, README.md', () => {
  const files = readdirSync(PACK, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.endsWith('case'))
    .map((e) => join(e.parentPath, e.name).slice(PACK.length + 1))
    .sort();
  assert.deepEqual(files, ['README.md', 'concepts/eyelid-visual-obstruction.json', 'example-health-eh-101.json']);
});

test('loaded with the bundled policies, the fifth policy loads with no error', () => {
  const engine = Engine.load({ policyDirs: [PACK] });
  assert.deepEqual(engine.policyErrors, []);
  assert.equal(engine.registry.policies.length, bundledPolicyCount() + 1);
  assert.ok(engine.registry.payers().includes('Example Health'));
});

test('clinlint --policies <pack>: its code is governed, the missing criterion reported, then supported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-pack5-'));
  cpSync(join(PACK, 'case'), dir, { recursive: true });
  const args = ['--format', 'json', '--policies', PACK, 'case.claim'];

  const gap = cli(args, dir);
  assert.equal(gap.status, 1);
  const [d] = gap.json.files[0].determinations;
  assert.equal(d.status, 'documentation-missing');
  assert.deepEqual(d.policies.map((p: { policy: string; section: string; missing: string[] }) => [p.policy, p.section, p.missing]), [
    ['EH-101', '1', ['eyelid-visual-obstruction']],
  ]);
  const diag = gap.json.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'missing-documentation');
  assert.match(diag.message, /^15823: no documentation of the eyelid obstructing the visual field \(.*EH-101 §1\)/);

  writeFileSync(join(dir, 'case.note'), 'ASSESSMENT AND PLAN:\nThe upper eyelids obstruct her superior visual field. Blepharoplasty, CPT 15823.\n');
  const met = cli(args, dir);
  assert.equal(met.json.files[0].determinations[0].status, 'supported');
  assert.equal(met.status, 0);
});
