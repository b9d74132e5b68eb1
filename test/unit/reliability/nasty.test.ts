/**
 * A corpus of nasty inputs (SPEC 9): each gives findings, or a clear CLI error with exit
 * status 2, never a crash or a stack trace, within a bounded time.
 *
 * Small inputs are committed under test/fixtures/nasty/; big ones (10 MB, 100,000 lines,
 * a 1 MB line, 5,000 claim lines, 200 dx), symlink loops and unreadable files are made at
 * test time in a temporary folder. CLI cases run `clinlint` from source as a child process
 * (`node --import tsx server/src/cli/main.ts`) with a timeout; the shipped bundle
 * (bin/clinlint.js) gets a smoke run when dist/ is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Engine, type CheckResult } from '../../../server/src/engine';
import { readBounded } from '../../../server/src/engine/io/read';
import { assertResultInside } from '../../../scripts/fuzz/properties';
import { bundledPolicyCount, bundledPolicyIds, FIXTURE_POLICIES } from '../engine/helpers';

const ROOT = join(__dirname, '..', '..', '..');
const NASTY = join(ROOT, 'test', 'fixtures', 'nasty');
const DOCS = join(NASTY, 'docs');
const POLICIES = join(NASTY, 'policies');
const CLI_SOURCE = join(ROOT, 'server', 'src', 'cli', 'main.ts');
/** Generous: these are bounds against hangs, not benchmarks (SPEC 8 budgets are measured by npm run bench). */
const CLI_TIMEOUT_MS = 180_000;

const engine = Engine.load({});
const diskHost = {
  readText(path: string): string | undefined {
    try {
      return readBounded(path);
    } catch {
      return undefined;
    }
  },
};

/**
 * Checks a document in-process: no throw, ranges inside, within `ms`; small documents also
 * give the same result twice (big ones are left to the properties, to keep the suite quick).
 */
function checkInProcess(path: string, text: string, ms = 120_000): CheckResult {
  const t0 = Date.now();
  const r = engine.check({ path, text }, diskHost);
  const took = Date.now() - t0;
  assert.ok(took < ms, `${path}: ${took} ms`);
  assertResultInside(r, text, (p) => diskHost.readText(p));
  if (text.length < 100_000) {
    const again = engine.check({ path, text }, diskHost);
    assert.equal(JSON.stringify(again), JSON.stringify(r), `${path}: a second check differs`);
  }
  return r;
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[], options: SpawnSyncOptions = {}): CliRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024,
    ...options,
  });
  const run = { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), ms: Date.now() - t0 };
  assert.ok(!r.error, `clinlint ${args.join(' ')}: ${r.error?.message} (timed out after ${CLI_TIMEOUT_MS} ms?)`);
  assertClean(run, args);
  return run;
}

/** No stack trace, no internal error, an exit status of 0, 1 or 2. */
function assertClean(run: CliRun, args: string[]): void {
  const what = `clinlint ${args.join(' ')}`;
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `${what}: exit status ${run.status}\n${run.stderr.slice(0, 2000)}`);
  for (const out of [run.stderr, run.stdout]) {
    assert.doesNotMatch(out, /^ {4}at /m, `${what}: a stack trace\n${out.slice(0, 2000)}`);
    assert.doesNotMatch(out, /internal error/i, `${what}: an internal error\n${out.slice(0, 2000)}`);
  }
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `clinlint-${prefix}-`));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
  return dir;
}

/** Line and character (0-based) of the first occurrence of `needle` in a file. */
function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in fixture`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

// -------------------------------------------------------------------------------------------
// Documents, in-process

test('every committed nasty document gives findings: no throw, ranges inside, deterministic', () => {
  const names = readdirSync(DOCS).sort();
  assert.ok(names.length >= 15);
  for (const name of names) {
    const path = join(DOCS, name);
    const r = checkInProcess(path, readFileSync(path, 'utf8'), 30_000);
    assert.ok(Array.isArray(r.findings), name);
  }
});

test('empty, BOM-only and binary files check cleanly', () => {
  for (const name of ['empty.note', 'empty.claim', 'bom-only.note']) {
    const r = checkInProcess(join(DOCS, name), readFileSync(join(DOCS, name), 'utf8'));
    assert.deepEqual(r.determinations, [], name);
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), [], name);
  }
  const bin = checkInProcess(join(DOCS, 'binary.note'), readFileSync(join(DOCS, 'binary.note'), 'utf8'));
  assert.deepEqual(bin.determinations, []);
});

test('BOM + CRLF and lone CR: codes are found and positioned on the right line', () => {
  const claim = checkInProcess(join(DOCS, 'bom-crlf.claim'), readFileSync(join(DOCS, 'bom-crlf.claim'), 'utf8'));
  assert.deepEqual(claim.determinations.map((d) => [d.code, d.line, d.range.start.character]), [['15773', 4, 8]]);
  assert.deepEqual(claim.findings.filter((f) => f.rule === 'syntax' || f.rule === 'note-not-found'), []);
  const note = checkInProcess(join(DOCS, 'lone-cr.note'), readFileSync(join(DOCS, 'lone-cr.note'), 'utf8'));
  assert.deepEqual(note.determinations.map((d) => [d.code, d.line]), [['11400', 6]]);
  const crClaim = checkInProcess(join(DOCS, 'lone-cr.claim'), readFileSync(join(DOCS, 'lone-cr.claim'), 'utf8'));
  assert.deepEqual(crClaim.determinations.map((d) => [d.code, d.line]), [['11400', 2]]);
  assert.deepEqual(crClaim.findings.filter((f) => f.rule === 'note-not-found'), [], 'the CR-separated note: path is read');
});

test('NUL bytes and invalid UTF-8 are read (U+FFFD) and reported, never a crash', () => {
  const claim = checkInProcess(join(DOCS, 'nul-bytes.claim'), readFileSync(join(DOCS, 'nul-bytes.claim'), 'utf8'));
  assert.ok(claim.findings.some((f) => f.rule === 'syntax'), 'NULs in a claim are syntax errors');
  for (const f of claim.findings) assert.doesNotMatch(f.message, /\0/, 'messages show NULs escaped');
  const utf8 = checkInProcess(join(DOCS, 'invalid-utf8.note'), readFileSync(join(DOCS, 'invalid-utf8.note'), 'utf8'));
  assert.deepEqual(utf8.determinations.map((d) => d.code), ['15773']);
});

test('non-ASCII text (scripts, emoji, combining marks, RTL, U+2028) keeps ranges in UTF-16 units', () => {
  const text = readFileSync(join(DOCS, 'non-ascii.note'), 'utf8');
  const r = checkInProcess(join(DOCS, 'non-ascii.note'), text);
  const codes = r.determinations.map((d) => d.code);
  assert.deepEqual(codes, ['15773', '15774']);
  for (const d of r.determinations) assert.equal(text.slice(d.span.start, d.span.end), d.code);
});

test('a claim linking itself, or folders, as its note: note-not-found on each link', () => {
  const self = checkInProcess(join(DOCS, 'self-link.claim'), readFileSync(join(DOCS, 'self-link.claim'), 'utf8'));
  const selfLinks = self.findings.filter((f) => f.rule === 'note-not-found');
  assert.equal(selfLinks.length, 1);
  assert.match(selfLinks[0].message, /links this claim itself/);
  const dirs = checkInProcess(join(DOCS, 'dir-link.claim'), readFileSync(join(DOCS, 'dir-link.claim'), 'utf8'));
  assert.equal(dirs.findings.filter((f) => f.rule === 'note-not-found').length, 3);
});

test('a deeply malformed claim: a problem on each bad line, none outside the document', () => {
  const text = readFileSync(join(DOCS, 'malformed.claim'), 'utf8');
  const r = checkInProcess(join(DOCS, 'malformed.claim'), text);
  const lines = new Set(r.findings.filter((f) => f.rule === 'syntax').map((f) => f.range.start.line));
  assert.ok(lines.size >= 35, `syntax problems on ${lines.size} lines`);
  for (const f of r.findings) assert.ok(f.message.length < 1000, `a short message: ${f.message.slice(0, 80)}…`);
});

// -------------------------------------------------------------------------------------------
// Big inputs, made at test time

const big = tempDir('big');
const seedNote = readFileSync(join(ROOT, 'examples', 'notes', '2024-03-01-scleroderma-consult.note'), 'utf8');
const BIG = {
  tenMb: join(big, 'ten-mb.note'),
  lines: join(big, 'hundred-thousand-lines.note'),
  oneLine: join(big, 'one-mb-line.note'),
  claimLines: join(big, 'five-thousand-lines.claim'),
  dx: join(big, 'two-hundred-dx.claim'),
};
{
  let ten = '';
  while (ten.length < 10 * 1024 * 1024) ten += seedNote;
  writeFileSync(BIG.tenMb, ten);
  writeFileSync(BIG.lines, Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 0 ? `CPT 15773 unable to walk ${i}` : `line ${i} of a long note`)).join('\n'));
  writeFileSync(BIG.oneLine, '---\npayer: Anthem\n---\n' + 'unable to walk and difficulty chewing; CPT 15773, '.repeat(21_000));
  // Relative, as claims link notes: the CLI refuses an absolute note: path (SPEC 9); run from ROOT, the note is inside.
  const consult = relative(big, join(ROOT, 'examples', 'notes', '2024-03-01-scleroderma-consult.note'));
  const claim = ['payer: Anthem Blue Cross Connecticut', `note: ${consult}`, 'dx A: M34.1'];
  for (let i = 1; i <= 5000; i++) claim.push(`line ${i}: ${i % 2 ? '15773' : '15774'} x1 dx A`);
  writeFileSync(BIG.claimLines, claim.join('\n') + '\n');
  const dx = ['payer: Anthem', 'note: nothing.note'];
  for (let i = 0; i < 200; i++) dx.push(`dx ${String.fromCharCode(65 + (i % 12))}: M34.${i % 10}`);
  dx.push('line 1: 15773 dx A,B,C,D');
  writeFileSync(BIG.dx, dx.join('\n') + '\n');
}

test('a 10 MB note is checked', () => {
  const r = checkInProcess(BIG.tenMb, readFileSync(BIG.tenMb, 'utf8'));
  assert.ok(r.determinations.length > 1000, `${r.determinations.length} determinations`);
});

test('a 100,000-line note is checked, codes on the right lines', () => {
  const r = checkInProcess(BIG.lines, readFileSync(BIG.lines, 'utf8'));
  assert.equal(r.determinations.length, 100);
  assert.deepEqual(r.determinations.slice(0, 3).map((d) => d.line), [0, 1000, 2000]);
  assert.equal(r.determinations[99].line, 99_000);
});

test('a 1 MB single line is checked', () => {
  const r = checkInProcess(BIG.oneLine, readFileSync(BIG.oneLine, 'utf8'));
  // 21,000 code mentions: the first 10,000 are checked, and the note says so once.
  assert.equal(r.determinations.length, 10_000);
  assert.equal(r.findings.filter((f) => /more than 10000 code mentions/.test(f.message)).length, 1);
});

test('5,000 claim lines: one determination each', () => {
  const r = checkInProcess(BIG.claimLines, readFileSync(BIG.claimLines, 'utf8'));
  assert.equal(r.determinations.length, 5000);
  assert.deepEqual(r.findings.filter((f) => f.rule === 'syntax'), []);
});

test('200 dx: duplicates and the 12-diagnosis limit are errors on their lines', () => {
  const r = checkInProcess(BIG.dx, readFileSync(BIG.dx, 'utf8'));
  const syntax = r.findings.filter((f) => f.rule === 'syntax');
  assert.ok(syntax.some((f) => /too many diagnoses/.test(f.message)));
  assert.ok(syntax.some((f) => /duplicate dx letter/.test(f.message)));
  assert.equal(new Set(syntax.map((f) => f.range.start.line)).size, 188, 'each dx after the 12th');
});

test('CLI over the big inputs: JSON for every file, exit 1, bounded time', () => {
  const run = cli(['--format', 'json', big]);
  assert.equal(run.status, 1, run.stderr);
  const out = JSON.parse(run.stdout) as { files: { path: string; determinations: unknown[] }[] };
  assert.deepEqual(out.files.map((f) => f.path).sort(), Object.values(BIG).sort());
});

test('limits: a 10 MB paste of codes or junk stops at 10,000 codes / lines / problems, said once (it ran out of memory)', () => {
  const dir = tempDir('limits');
  const cases: { name: string; text: string; expect: RegExp; max: number; count?: number }[] = [
    { name: 'codes.note', text: `---\npayer: Anthem\n---\nCPT ${'15773, '.repeat(1_500_000)}\n`, expect: /more than 10000 code mentions: only the first 10000 are checked/, max: 10_000 },
    { name: 'junk.claim', text: 'x\n'.repeat(5 * 1024 * 1024), expect: /more than 10000 problems: the rest of the claim, from line 10001, is not read/, max: 0 },
    { name: 'lines.claim', text: `payer: Anthem\nnote: x.note\n${Array.from({ length: 300_000 }, (_, i) => `line ${i + 1}: 15773\n`).join('')}`, expect: /more than 10000 claim lines/, max: 10_000 },
    { name: 'commas.claim', text: `line 1: 15773 dx ${','.repeat(3_000_000)}\nline 2: 62362 drug ${','.repeat(1_000_000)}\n`, expect: /too many problems on this line: the rest of it is not checked/, max: 2, count: 2 },
    { name: 'header.note', text: `---\n${'x\n'.repeat(2_000_000)}---\nCPT 15773\n`, expect: /more than 10000 problems: the rest of the note header is not read/, max: 1 },
  ];
  for (const c of cases) {
    const path = join(dir, c.name);
    const r = checkInProcess(path, c.text, 120_000);
    const notices = r.findings.filter((f) => c.expect.test(f.message));
    assert.equal(notices.length, c.count ?? 1, `${c.name}: ${r.findings.slice(-2).map((f) => f.message).join(' / ')}`);
    assert.ok(r.determinations.length <= c.max, `${c.name}: ${r.determinations.length} determinations`);
    assert.ok(r.findings.length <= 5 * 10_000 + 10, `${c.name}: ${r.findings.length} findings`);
  }
  // Through the CLI, the 10 MB note of codes is a report, not an out-of-memory abort.
  writeFileSync(join(dir, 'codes.note'), cases[0].text);
  const run = cli(['--format', 'json', join(dir, 'codes.note')]);
  assert.equal(run.status, 1);
  assert.equal((JSON.parse(run.stdout) as { files: { determinations: unknown[] }[] }).files[0].determinations.length, 10_000);
  rmSync(dir, { recursive: true, force: true });
});

// -------------------------------------------------------------------------------------------
// Documents through the CLI

test('CLI over the committed nasty documents: every file reported, exit 1, no stack trace', () => {
  const run = cli(['--format', 'json', DOCS]);
  assert.equal(run.status, 1, run.stderr);
  const out = JSON.parse(run.stdout) as { files: { path: string }[] };
  assert.equal(out.files.length, readdirSync(DOCS).length);
  // And the text and SARIF formats render the same files.
  assert.equal(cli(['--format', 'sarif', DOCS]).status, 1);
  const text = cli([DOCS]);
  assert.match(text.stdout, /files checked/);
});

test('CLI: a binary file named .note, given alone, is checked (exit 0), and a FIFO or /dev/zero is refused (exit 2)', () => {
  assert.equal(cli([join(DOCS, 'binary.note')]).status, 0);
  const dir = tempDir('special');
  const fifo = join(dir, 'pipe.note');
  const made = spawnSync('mkfifo', [fifo]);
  const claim = join(dir, 'devices.claim');
  writeFileSync(claim, 'payer: Anthem\nnote: /dev/zero\nnote: pipe.note\nline 1: 15773\n');
  const args = made.status === 0 ? [dir, fifo, '/dev/zero'] : [dir, '/dev/zero'];
  const run = cli(args);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /\/dev\/zero: not a document/);
  if (made.status === 0) assert.match(run.stderr, /pipe\.note: not a regular file/);
  // The claim linking them is still checked: note-not-found on both links.
  assert.equal((run.stdout.match(/\[note-not-found\]/g) ?? []).length, 2, run.stdout);
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: symlink loops in a folder are walked once or reported, other files still checked', () => {
  const dir = tempDir('loops');
  writeFileSync(join(dir, 'ok.note'), 'HPI: unable to walk. CPT 15773\n');
  symlinkSync('.', join(dir, 'self')); // a folder containing itself
  symlinkSync(dir, join(dir, 'again'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'parent'));
  symlinkSync('b.note', join(dir, 'a.note')); // a file loop: a -> b -> a
  symlinkSync('a.note', join(dir, 'b.note'));
  const run = cli(['--format', 'json', dir]);
  assert.equal(run.status, 2, 'a looping link is unreadable input');
  assert.match(run.stderr, /a\.note: too many levels of symbolic links/);
  const out = JSON.parse(run.stdout) as { files: { path: string }[] };
  assert.deepEqual(out.files.map((f) => relative(dir, f.path) || f.path).map((p) => p.split('/').pop()), ['ok.note']);
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: unreadable files and folders (chmod 000) are reported with exit 2; the rest is checked', (t) => {
  const dir = tempDir('perm');
  writeFileSync(join(dir, 'ok.note'), 'HPI: unable to walk. CPT 15773\n');
  writeFileSync(join(dir, 'secret.note'), 'HPI: CPT 15773\n');
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'inside.note'), 'x\n');
  chmodSync(join(dir, 'secret.note'), 0o000);
  chmodSync(join(dir, 'locked'), 0o000);
  // Root reads anything: run the CLI as an unprivileged user (nobody) when we are root.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const probe = spawnSync('cat', [join(dir, 'secret.note')], asNobody);
  if (probe.status === 0 || probe.error) {
    t.skip(`cannot make a file unreadable here (${probe.error ? probe.error.message : 'the file is still readable'}): permission case not tested`);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const run = cli(['--format', 'json', dir], { ...asNobody, env: { ...process.env, HOME: dir } });
  chmodSync(join(dir, 'locked'), 0o755);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /secret\.note: permission denied/);
  assert.match(run.stderr, /locked: permission denied/);
  const out = JSON.parse(run.stdout) as { files: { path: string }[] };
  assert.deepEqual(out.files.map((f) => f.path.split('/').pop()), ['ok.note']);
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: output piped into a reader that stops early (| head) ends quietly, no EPIPE stack trace', () => {
  const err = join(big, 'epipe.err');
  const script = `"${process.execPath}" --import tsx "${CLI_SOURCE}" --format json "${BIG.claimLines}" 2>"${err}" | head -c 10 >/dev/null; exit \${PIPESTATUS[0]}`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
  const stderr = readFileSync(err, 'utf8');
  assert.doesNotMatch(stderr, /EPIPE|^ {4}at /m, stderr.slice(0, 1000));
  assert.equal(r.status, 0, "the status of the check (all 5,000 lines are supported), not a crash");
});

test('CLI: run from a folder that was deleted, exit 2 with a message (the bundle: tsx itself needs a working folder)', (t) => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    t.skip('dist/cli.js is not built (npm run build)');
    return;
  }
  const dir = tempDir('gone');
  const script = `cd "${dir}" && rmdir "${dir}" && exec "${process.execPath}" "${join(ROOT, 'bin', 'clinlint.js')}"`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
  const run = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: 0 };
  assertClean(run, ['(deleted cwd)']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /cannot read the current folder/);
});

test('CLI: usage errors and missing paths exit 2 with a message', () => {
  const bad = cli(['--format', 'xml', DOCS]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be text, json or sarif/);
  const unknown = cli(['--frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option --frobnicate/);
  const missing = cli(['/nonexistent/clinlint/path.note']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /path\.note: no such file or folder/);
});

// -------------------------------------------------------------------------------------------
// Policies

test('CLI: a missing policy folder (--policies /nonexistent) exits 2 with a message', () => {
  const run = cli(['--policies', '/nonexistent', join(DOCS, 'empty.note')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /policy folder not found: \/nonexistent/);
  const file = cli(['--policies', join(DOCS, 'empty.note'), join(DOCS, 'empty.note')]);
  assert.equal(file.status, 2);
  assert.match(file.stderr, /not a policy folder/);
  const none = cli(['--no-bundled-policies', join(DOCS, 'empty.note')]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no policies loaded/);
});

test('unknown criterion ids in a requirement tree: policy-error at each id (file, line, column); the policy is not loaded', () => {
  const file = join(POLICIES, 'unknown-criterion', 'nasty-unknown.json');
  const text = readFileSync(file, 'utf8');
  const e = Engine.load({ policyDirs: [join(POLICIES, 'unknown-criterion')] });
  const errors = e.policyErrors.map((x) => ({ path: x.path, start: x.range.start, message: x.message }));
  assert.deepEqual(
    errors.map((x) => [x.path, x.start]),
    [
      [file, { ...positionOf(text, '"functional-impairmnet"') }],
      [file, { ...positionOf(text, '"not-a-criterion"') }],
    ],
  );
  assert.match(errors[0].message, /unknown criterion "functional-impairmnet".*did you mean "functional-impairment"/);
  assert.ok(!e.registry.policies.some((p) => p.policy.id === 'NASTY.UNKNOWN'));
  assert.equal(e.registry.policies.length, bundledPolicyCount(), 'the bundled policies still load');

  const run = cli(['--policies', join(POLICIES, 'unknown-criterion'), join(DOCS, 'bom-crlf.claim')]);
  assert.equal(run.status, 2);
  const p = positionOf(text, '"functional-impairmnet"');
  assert.match(run.stderr, new RegExp(`nasty-unknown\\.json:${p.line + 1}:${p.character + 1} error unknown criterion "functional-impairmnet"`));
  assert.match(run.stdout, /15773/, 'documents are still checked against the bundled policies');
});

test('a ReDoS pattern in a concept file: policy-error at the pattern in the file; CLI exit 2', () => {
  const file = join(POLICIES, 'redos', 'concepts', 'redos.json');
  const text = readFileSync(file, 'utf8');
  const e = Engine.load({ policyDirs: [join(POLICIES, 'redos')] });
  const at = (needle: string, offset: number) => {
    const p = positionOf(text, needle);
    return { line: p.line, character: p.character + offset };
  };
  assert.deepEqual(
    e.policyErrors.map((x) => [x.message.split(' at column')[0], x.range.start]),
    [
      ['patterns[1]: pattern "(a+)+$" uses "+"', at('"(a+)+$"', 3)],
      ['patterns[2]: pattern "pain .* relief" uses ".*"', at('"pain .* relief"', 6)],
      ['near[0]: pattern "\\\\d+ percent" uses "\\\\"', at('"\\\\d+ percent"', 1)],
    ],
  );
  const run = cli(['--policies', join(POLICIES, 'redos'), join(DOCS, 'empty.note')]);
  assert.equal(run.status, 2);
  const p = at('"(a+)+$"', 3);
  assert.match(run.stderr, new RegExp(`redos\\.json:${p.line + 1}:${p.character + 1} error patterns\\[1\\]: pattern "\\(a\\+\\)\\+\\$" uses "\\+"`));
});

test('duplicate and circular concept ids are policy errors in the later file; everything else loads', () => {
  const dup = Engine.load({ policyDirs: [join(POLICIES, 'duplicate-concept')] });
  const messages = dup.policyErrors.map((x) => `${x.path.split('/').pop()}: ${x.message}`);
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.ok(messages.some((m) => /^functional-impairment\.json: duplicate concept id "functional-impairment"/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /duplicate concept id "nasty-twice"/.test(m)), messages.join('\n'));
  assert.equal(dup.registry.policies.length, bundledPolicyCount());

  // The concept format has no references between concepts, so a cycle cannot be written: an
  // attempt (an "includes" naming the other concept) is refused as an unknown property.
  const circular = Engine.load({ policyDirs: [join(POLICIES, 'circular')] });
  assert.deepEqual(
    circular.policyErrors.map((x) => [x.path.split('/').pop(), x.message]),
    [
      ['cycle-a.json', 'unknown property "includes"'],
      ['cycle-b.json', 'unknown property "includes"'],
    ],
  );
  const run = cli(['--policies', join(POLICIES, 'duplicate-concept'), '--policies', join(POLICIES, 'circular'), join(DOCS, 'empty.note')]);
  assert.equal(run.status, 2);
  assert.equal((run.stderr.match(/\[policy-error\]/g) ?? []).length, 4, run.stderr);
});

test('hostile policy files (nested 100,000 deep, 300,000 bad codes, binary, empty, a FIFO, a link loop) are policy errors, not crashes; node_modules is not searched', () => {
  const dir = tempDir('policies');
  const base = JSON.parse(readFileSync(join(FIXTURE_POLICIES, 'anthem-med-00132.json'), 'utf8'));
  const write = (name: string, text: string | Buffer) => writeFileSync(join(dir, name), text);
  const deep = { ...base, id: 'NASTY.DEEP' };
  write('deep.json', JSON.stringify(deep).replace('"sections":', '"x": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ', "sections":'));
  write('deep-tree.json', JSON.stringify({ ...base, id: 'NASTY.TREE' }).replace('"requires":', '"requires": ' + '{"not":'.repeat(20_000) + '"functional-impairment"' + '}'.repeat(20_000) + ', "x":'));
  write('codes.json', JSON.stringify({ ...base, id: 'NASTY.CODES', sections: [{ ...base.sections[0], codes: Array.from({ length: 300_000 }, (_, i) => `bad${i}`) }] }));
  write('binary.json', readFileSync(join(DOCS, 'binary.note')));
  write('empty.json', '');
  write('bom.json', '\ufeff' + JSON.stringify({ ...base, id: 'NASTY.BOM' }));
  mkdirSync(join(dir, 'concepts'));
  symlinkSync('loop.json', join(dir, 'concepts', 'loop.json'));
  const fifo = spawnSync('mkfifo', [join(dir, 'fifo.json')]).status === 0; // a read would block forever
  mkdirSync(join(dir, 'node_modules', 'left-pad'), { recursive: true }); // `--policies .` in a project
  write(join('node_modules', 'left-pad', 'package.json'), '{"name": "left-pad"}');
  const t0 = Date.now();
  const e = Engine.load({ policyDirs: [dir] });
  assert.ok(Date.now() - t0 < 120_000);
  const byFile = new Map<string, string[]>();
  for (const x of e.policyErrors) byFile.set(x.path.split('/').pop()!, [...(byFile.get(x.path.split('/').pop()!) ?? []), x.message]);
  const expected = ['binary.json', 'codes.json', 'deep-tree.json', 'deep.json', 'empty.json', 'loop.json'];
  assert.deepEqual([...byFile.keys()].sort(), fifo ? [...expected, 'fifo.json'].sort() : expected);
  if (fifo) assert.match(byFile.get('fifo.json')![0], /not a regular file/);
  assert.ok(byFile.get('codes.json')!.length <= 101, 'at most 100 errors per file and a count of the rest');
  // The bundled policies still load, and so does the one saved with a byte order mark.
  assert.deepEqual(e.registry.policies.map((p) => p.policy.id).sort(), [...bundledPolicyIds(), 'NASTY.BOM'].sort());

  const run = cli(['--policies', dir, join(DOCS, 'empty.note')]);
  assert.equal(run.status, 2);
  assert.ok(run.stderr.split('\n').length < 400, 'a bounded report');
  rmSync(dir, { recursive: true, force: true });
});

// -------------------------------------------------------------------------------------------
// The shipped bundle

test('bin/clinlint.js (the bundle npx runs) handles the nasty corpus the same way', (t) => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    t.skip('dist/cli.js is not built (npm run build); the bundle is exercised by npm test, which builds first');
    return;
  }
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'clinlint.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    const out = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: 0 };
    assertClean(out, args);
    return out;
  };
  assert.equal(run([DOCS]).status, 1);
  assert.equal(run(['--policies', '/nonexistent', DOCS]).status, 2);
  assert.equal(run(['--policies', join(POLICIES, 'redos'), DOCS]).status, 2);
});

test.after(() => rmSync(big, { recursive: true, force: true }));
