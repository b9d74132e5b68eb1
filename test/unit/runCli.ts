/** The CLI run in process, its output captured: what a test of the user's side drives. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli/main';
import { FIXTURE_POLICY_ARGS } from './engine/helpers';

export function runCli(argv: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { status, stdout, stderr };
}

/**
 * The same over the frozen fixture policies instead of the bundled ones (tests of a mechanism);
 * the policy options go after a leading `rationale` command, which must come first.
 */
export function frozenCli(argv: string[], cwd: string): ReturnType<typeof runCli> {
  const [command, rest] = argv[0] === 'rationale' ? [[argv[0]], argv.slice(1)] : [[], argv];
  return runCli([...command, ...FIXTURE_POLICY_ARGS, ...rest], cwd);
}

/** A criterion's mention that did not count, and why (SPEC 7). */
export interface NearMiss {
  criterion: string;
  reason: string;
  trigger?: string;
}

/** A criterion documented, with its evidence (and, for a criterion of several findings, the others). */
export interface MetCriterion {
  criterion: string;
  evidence: { text: string };
  also?: { text: string }[];
}

/** One determination of `clinlint --format json`, as the JSON gives it (SPEC 7). */
export interface JsonDetermination {
  code: string;
  status: string;
  policies: {
    section: string;
    status: string;
    met: MetCriterion[];
    missing: string[];
    nearMisses?: NearMiss[];
    /** A not-covered policy's exclusion: its reason, and the criterion and evidence when one excluded it. */
    excludedBy?: { reason: string; criterion?: string; evidence?: { text: string } };
  }[];
}

/** One diagnostic of `clinlint --format json` (SPEC 7). */
export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
}

/**
 * `clinlint --format json claims/c.claim` over a fresh folder holding the claim and the note it
 * links as `../notes/v.note`: the claim's report, as a coder's CI would get it.
 */
export function claimReport(claim: string, note: string): { determinations: JsonDetermination[]; diagnostics: JsonDiagnostic[] } {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-claim-'));
  mkdirSync(join(dir, 'claims'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'claims', 'c.claim'), claim);
  writeFileSync(join(dir, 'notes', 'v.note'), note);
  return JSON.parse(runCli(['--format', 'json', 'claims/c.claim'], dir).stdout).files[0];
}

/** The determinations of the claim's report. */
export function claimDeterminations(claim: string, note: string): JsonDetermination[] {
  return claimReport(claim, note).determinations;
}
