/**
 * Issue 13, the CLI and engine side: hostile files and hostile policies. Each test reproduces
 * one finding of the issue with a small input made at test time, from the user's side where
 * the fix is the user's (the CLI run as a child process, with a timeout), else in-process.
 *
 * Device and /proc files are whatever this machine has: a test whose file is absent (or that
 * needs root for /proc/kmsg to block) is skipped and says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Engine } from '../../../server/src/engine';
import { FileRefused, MAX_FILE_BYTES, readBounded } from '../../../server/src/engine/io/read';
import { POLICY_WALK_LIMITS, readPolicyDir } from '../../../server/src/engine/policies/load';
import { MAX_PATTERN_NESTING } from '../../../server/src/engine/evidence/pattern';
import { bundledPolicyCount, FIXTURE_POLICIES } from '../engine/helpers';
import { wideRangePolicy } from './hostileInputs';

const ROOT = join(__dirname, '..', '..', '..');
const CLI_SOURCE = join(ROOT, 'server', 'src', 'cli', 'main.ts');
/** A bound against hangs, not a benchmark (the fixed runs take a second or two). */
const CLI_TIMEOUT_MS = 60_000;
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Run {
  // tsx by path: `--import tsx` would be resolved from the folder the CLI runs in.
  const r = spawnSync(process.execPath, ['--import', TSX, CLI_SOURCE, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(!r.error, `clinlint ${args.join(' ')}: ${r.error?.message} (a hang? timed out after ${CLI_TIMEOUT_MS} ms)`);
  const run = { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `exit status ${run.status}: ${run.stderr.slice(0, 1000)}`);
  for (const out of [run.stdout, run.stderr]) {
    assert.doesNotMatch(out, /^ {4}at /m, `a stack trace:\n${out.slice(0, 1000)}`);
    assert.doesNotMatch(out, /internal error/i, out.slice(0, 1000));
  }
  return run;
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `clinlint-${prefix}-`));
}

/** A claim in `dir/claims/` linking `notes` (as written), with one billed fat-grafting line. */
function claimLinking(dir: string, notes: string[]): string {
  mkdirSync(join(dir, 'claims'), { recursive: true });
  const path = join(dir, 'claims', 'hostile.claim');
  writeFileSync(path, ['payer: Anthem', 'plan: commercial', ...notes.map((n) => `note: ${n}`), 'line 1: 15773 x1'].join('\n') + '\n');
  return path;
}

const noteNotFound = (r: Run) => r.stdout.split('\n').filter((l) => l.includes('[note-not-found]'));

/** Runs `fn` and returns how long it took and how much the RSS grew, for bounds against blow-ups. */
function measured<T>(fn: () => T): { value: T; ms: number; rssMB: number } {
  const rss0 = process.memoryUsage().rss;
  const t0 = Date.now();
  const value = fn();
  return { value, ms: Date.now() - t0, rssMB: (process.memoryUsage().rss - rss0) / 1048576 };
}

// ---- F1, F2, F6: one bounded reader --------------------------------------------------------

test('F1: /proc/self/pagemap (stat size 0, endless) is refused by the reader, not read', (t) => {
  if (!existsSync('/proc/self/pagemap')) return t.skip('this machine has no /proc/self/pagemap');
  const m = measured(() => assert.throws(() => readBounded('/proc/self/pagemap'), FileRefused));
  assert.ok(m.rssMB < 100, `RSS grew ${m.rssMB} MB`);
});

test('F1: a claim linking /proc/self/pagemap through an allowed folder: note-not-found, no unbounded read (CLI)', (t) => {
  if (!existsSync('/proc/self/pagemap')) return t.skip('this machine has no /proc/self/pagemap');
  const dir = tempDir('pagemap');
  claimLinking(dir, ['/proc/self/pagemap']);
  // The folder is allowed, so it is the reader that must refuse it.
  const r = cli(['--allow-notes-in', '/proc', 'claims'], dir);
  const lines = noteNotFound(r);
  assert.equal(lines.length, 1, r.stdout + r.stderr);
  assert.match(lines[0], /cannot be read: not a document/);
});

test('F2: /proc/kmsg (blocks forever when read as root) is refused at once', (t) => {
  if (!existsSync('/proc/kmsg')) return t.skip('this machine has no /proc/kmsg');
  if (process.getuid?.() !== 0) t.diagnostic('not root: /proc/kmsg would be EACCES rather than a blocking read; the refusal is still checked');
  const m = measured(() => assert.throws(() => readBounded('/proc/kmsg'), FileRefused));
  assert.ok(m.ms < 5_000, `${m.ms} ms`);
  const dir = tempDir('kmsg');
  claimLinking(dir, ['/proc/kmsg']);
  const r = cli(['--allow-notes-in', '/proc', 'claims'], dir);
  assert.match(noteNotFound(r)[0] ?? '', /not a document/, r.stdout);
});

test('F2: a FIFO and a character device are refused without blocking (O_NONBLOCK, regular files only)', (t) => {
  const dir = tempDir('fifo');
  const fifo = join(dir, 'pipe.note');
  const mk = spawnSync('mkfifo', [fifo]);
  if (mk.status !== 0) return t.skip('mkfifo is not available here');
  assert.throws(() => readBounded(fifo), (e: Error) => e instanceof FileRefused && /not a regular file/.test(e.message));
  if (existsSync('/dev/zero')) assert.throws(() => readBounded('/dev/zero'), FileRefused);
  // A symlink inside the workspace to a system file is refused where it leads.
  if (existsSync('/proc/self/environ')) {
    symlinkSync('/proc/self/environ', join(dir, 'env.note'));
    assert.throws(() => readBounded(join(dir, 'env.note')), /not a document/);
  }
});

test('F6: a 2 GB note is refused from its size, without being read (and the cap is one constant)', () => {
  const dir = tempDir('huge');
  const path = join(dir, 'huge.note');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 2 * 1024 * 1024 * 1024); // sparse: no disk used
  closeSync(fd);
  const m = measured(() => assert.throws(() => readBounded(path), /too large \(2048 MB; the limit is 16 MB\)/));
  assert.ok(m.rssMB < 100, `RSS grew ${m.rssMB} MB: the file was read`);
  assert.equal(MAX_FILE_BYTES, 16 * 1024 * 1024);
  // Just over the cap is refused, at the cap is read: the cap holds while reading too.
  const small = join(dir, 'small.note');
  writeFileSync(small, 'x'.repeat(1001));
  assert.throws(() => readBounded(small, 1000), /too large/);
  assert.equal(readBounded(small, 1001).length, 1001);
  rmSync(dir, { recursive: true, force: true });
});

// ---- F7: where notes may live ----------------------------------------------------------------

test('F7: note: outside the claim tree or absolute is refused and never quoted; --allow-notes-in allows a folder', () => {
  const dir = tempDir('outside');
  const ws = join(dir, 'ws');
  mkdirSync(join(dir, 'outside'));
  const secret = 'SECRET-SENTENCE unable to chew food because of the defect.';
  writeFileSync(join(dir, 'outside', 'secret.note'), `${secret}\n`);
  mkdirSync(join(ws, 'notes'), { recursive: true });
  writeFileSync(join(ws, 'notes', 'inside.note'), 'She cannot close her lips.\n');
  claimLinking(ws, ['../../outside/secret.note', '/proc/self/environ', '../notes/inside.note']);
  const r = cli(['--format', 'json', 'claims'], ws);
  const diags = JSON.parse(r.stdout).files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'note-not-found');
  assert.deepEqual(
    diags.map((d: { message: string }) => d.message.replace(/ \(.*$/, '')),
    ['note "../../outside/secret.note" is outside the workspace, not read', 'note "/proc/self/environ" is an absolute path, not read'],
  );
  assert.ok(!r.stdout.includes('SECRET-SENTENCE'), 'the outside note is not quoted');
  assert.ok(!r.stdout.includes('PATH='), 'the environment is not quoted');
  // The folder inside the tree is read; an allowed folder is read too.
  const allowed = cli(['--format', 'json', '--allow-notes-in', join(dir, 'outside'), 'claims'], ws);
  const still = JSON.parse(allowed.stdout).files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'note-not-found');
  assert.equal(still.length, 1, 'only the absolute /proc path is still refused');
  assert.match(allowed.stdout, /SECRET-SENTENCE/);
});

test('F7: a symlink inside the tree that leads outside it is outside', () => {
  const dir = tempDir('link-out');
  const ws = join(dir, 'ws');
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside', 'secret.note'), 'LINKED-SECRET\n');
  mkdirSync(join(ws, 'notes'), { recursive: true });
  symlinkSync(join(dir, 'outside', 'secret.note'), join(ws, 'notes', 'link.note'));
  claimLinking(ws, ['../notes/link.note']);
  const r = cli(['--format', 'json', 'claims'], ws);
  assert.match(noteNotFoundJson(r)[0] ?? '', /outside the workspace/);
  assert.ok(!r.stdout.includes('LINKED-SECRET'));
});

function noteNotFoundJson(r: Run): string[] {
  return JSON.parse(r.stdout)
    .files.flatMap((f: { diagnostics: { rule: string; message: string }[] }) => f.diagnostics)
    .filter((d: { rule: string }) => d.rule === 'note-not-found')
    .map((d: { message: string }) => d.message);
}

test('F7: the examples still link their notes (../notes inside the tree)', () => {
  const r = cli(['--format', 'json', 'examples'], ROOT);
  assert.deepEqual(noteNotFoundJson(r), []);
});

// ---- F3: policy loading never throws out of a file -------------------------------------------

/** A policy folder holding one concept file whose pattern nests `depth` parentheses. */
function deepConceptFolder(depth: number): string {
  const dir = tempDir('deep-concept');
  mkdirSync(join(dir, 'concepts'));
  const concept = {
    id: 'deep-thing',
    label: 'a deep thing',
    description: 'nested too deep',
    historical: 'counts',
    promptSection: 'end',
    prompt: 'x',
    patterns: ['('.repeat(depth) + 'walk' + ')'.repeat(depth), 'unable to walk'],
  };
  writeFileSync(join(dir, 'concepts', 'deep-thing.json'), JSON.stringify(concept, null, 2));
  return dir;
}

test('F3: a pattern nesting 2,000 parentheses is a policy-error at the pattern; everything else loads and is checked (CLI)', () => {
  const policies = deepConceptFolder(2000);
  const r = cli(['--policies', policies, 'examples/claims/2024-0117-fat-grafting.claim'], ROOT);
  assert.equal(r.status, 2, 'an invalid policy file: exit 2');
  assert.match(r.stderr, new RegExp(`deep-thing\\.json:\\d+:\\d+ error patterns\\[0\\]: .* nests \\( \\) and \\[ \\] more than ${MAX_PATTERN_NESTING} deep \\[policy-error\\]`));
  assert.match(r.stdout, /1 file checked, 2 codes/, 'the claim is still checked');
});

test('F3: nesting up to the limit loads; one past it is refused', () => {
  const ok = Engine.load({ policyDirs: [deepConceptFolder(MAX_PATTERN_NESTING)] });
  assert.deepEqual(ok.policyErrors, []);
  const over = Engine.load({ policyDirs: [deepConceptFolder(MAX_PATTERN_NESTING + 1)] });
  assert.equal(over.policyErrors.length, 1);
  assert.match(over.policyErrors[0].message, /more than 16 deep/);
  // The concept's other pattern still loads.
  assert.ok(over.compiled.concepts.has('deep-thing'));
});

test('F3: a requirement tree nested 200 deep is a policy-error in its file, not a stack overflow later', () => {
  const dir = tempDir('deep-tree');
  const base = JSON.parse(readFileSync(join(FIXTURE_POLICIES, 'anthem-med-00132.json'), 'utf8'));
  let tree: unknown = 'functional-impairment';
  for (let i = 0; i < 200; i++) tree = { all: [tree] };
  const policy = { ...base, id: 'DEEP', sections: [{ ...base.sections[1], requires: tree }] };
  writeFileSync(join(dir, 'deep.json'), JSON.stringify(policy));
  const e = Engine.load({ policyDirs: [dir] });
  assert.equal(e.policyErrors.length, 1, JSON.stringify(e.policyErrors));
  assert.match(e.policyErrors[0].message, /nested more than 32 deep/);
  assert.equal(e.policyErrors[0].path, join(dir, 'deep.json'));
  assert.equal(e.registry.policies.length, bundledPolicyCount(), 'the bundled policies still load');
});

// ---- F5: code ranges stay ranges ---------------------------------------------------------

test('F5: a 150 KB policy of 400 sections x 18 ranges of 5,000 codes loads without expanding them', () => {
  const dir = tempDir('wide');
  writeFileSync(join(dir, 'wide.json'), wideRangePolicy());
  const m = measured(() => Engine.load({ policyDirs: [dir] }));
  // Bounds against the blow-up (it took 21-57 s and ~900 MB expanded), not a benchmark.
  assert.ok(m.ms < 15_000, `${m.ms} ms`);
  assert.ok(m.rssMB < 300, `RSS grew ${m.rssMB} MB`);
  const e = m.value;
  assert.deepEqual(e.policyErrors, []);
  const wide = (code: string) => e.registry.sectionsFor(code).filter((g) => g.policy.policy.id === 'HOSTILE-RANGES');
  assert.equal(wide('15773').length, 400);
  assert.deepEqual(wide('14998').map((g) => g.section.id).slice(0, 3), ['S0', 'S1', 'S2'], 'section order is kept');
  assert.equal(wide('99999').length, 0, 'past the last range');
  assert.equal(wide('0489T').length, 0, 'another code shape');
});

// ---- F12: the policy folder walk is bounded ------------------------------------------------

test('F12: a policy folder walk stops at its limits and says what it skipped', () => {
  const dir = tempDir('walk');
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, `p${i}.json`), '{}');
  mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
  writeFileSync(join(dir, 'a', 'b', 'c', 'deep.json'), '{}');
  const r = readPolicyDir(dir, { ...POLICY_WALK_LIMITS, files: 4, depth: 2 });
  assert.equal(r.files.length, 4);
  const note = r.errors.find((e) => e.path === dir);
  assert.ok(note, JSON.stringify(r.errors));
  assert.match(note.message, /not searched in full: the search stopped after 4 policy files; 1 folders more than 2 levels deep were not searched/);
});

test('F12: a system folder (/proc, /sys, /dev) is not a policy folder', (t) => {
  const system = ['/proc', '/sys', '/dev'].filter((d) => existsSync(d));
  if (system.length === 0) return t.skip('this machine has none of /proc, /sys, /dev');
  for (const d of system) assert.deepEqual(readPolicyDir(d), { files: [], errors: [{ path: d, message: `not a policy folder: ${d} holds system files`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] });
});

test('F12: --policies / ends with a message in bounded time, the documents still checked (CLI)', () => {
  const r = cli(['--policies', '/', 'examples/claims/2024-0117-fat-grafting.claim'], ROOT);
  assert.equal(r.status, 2);
  // Which limit ends the walk depends on the machine: the file limit on a full one, the depth
  // limit on a minimal Debian root (seen in a fresh debootstrap chroot, where / holds fewer files).
  assert.match(
    r.stderr,
    /^\/:1:1 error policy folder \/ was not searched in full: (the search stopped after \d+ policy files|\d+ folders more than \d+ levels deep were not searched)/m,
  );
  assert.match(r.stdout, /1 file checked/);
});

// ---- F13: SARIF carries no note text unless asked -----------------------------------------

test('F13: SARIF quotes no note sentence by default; --include-text adds the quotes; JSON keeps them', () => {
  const sentence = 'Pain decreased from 8/10 to 5/10';
  const plain = cli(['--format', 'sarif', 'examples'], ROOT);
  assert.ok(!plain.stdout.includes(sentence), 'no quote in the default SARIF');
  assert.ok(!plain.stdout.includes('37.5%'), 'no figure read from the note either');
  // The near miss is still explained and located: a reason with nothing read from the note.
  assert.match(plain.stdout, /does not document [^"]*: not more than 50% pain reduction/);
  assert.match(plain.stdout, /"uri": "[^"]*2024-10-07-pump-trial-partial\.note"/);
  // Every evidence sentence any JSON finding quotes is absent from the default SARIF.
  const json = cli(['--format', 'json', 'examples'], ROOT);
  const quoted = [...json.stdout.matchAll(/"text": "([^"\\]{20,})"/g)].map((m) => m[1]);
  assert.ok(quoted.length > 5, 'the JSON quotes evidence');
  assert.ok(json.stdout.includes(sentence), 'JSON keeps its quotes');
  for (const q of quoted) assert.ok(!plain.stdout.includes(q), `SARIF quotes ${q}`);
  const withText = cli(['--format', 'sarif', '--include-text', 'examples'], ROOT);
  assert.ok(withText.stdout.includes(sentence));
});

// ---- F14: overlapping policies --------------------------------------------------------------

test('F14: a user policy claiming 00000-99999 for BCBS gets an information diagnostic naming MP-442 (CLI)', () => {
  const dir = tempDir('overlap');
  const policy = {
    id: 'LOCAL-ALL',
    title: 'Everything investigational',
    payer: 'BCBS',
    plans: ['commercial'],
    source: 'local',
    codes: {},
    sections: [{ id: 'I', title: 'All', kind: 'investigational', text: 'All codes are investigational.', codes: ['00000-99999'] }],
  };
  writeFileSync(join(dir, 'local-all.json'), JSON.stringify(policy, null, 2));
  const r = cli(['--policies', dir, 'examples/claims/2024-0611-baclofen-pump.claim'], ROOT);
  assert.match(
    r.stderr,
    /local-all\.json:\d+:\d+ information policy LOCAL-ALL governs codes that the bundled policy MP-442 \(Blue Cross and Blue Shield\) also governs for this payer \(e\.g\. 62350 in §I\)/,
  );
  assert.equal(r.status, 1, 'information does not make the policies invalid (exit 2)');
  // Another payer, or a plan they do not share: no notice.
  writeFileSync(join(dir, 'local-all.json'), JSON.stringify({ ...policy, plans: ['medicare'] }));
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...policy, id: 'OTHER', payer: 'Other Health' }));
  const e = Engine.load({ policyDirs: [dir] });
  assert.deepEqual(e.policyNotices, []);
  assert.deepEqual(e.policyErrors, []);
});

test('F15: a note whose family history runs to 16,000 lines is read in bounded time (CLI)', () => {
  // Each mention asked where the family history's context ends, scanning the section each
  // time: 54 s for half this note until the end was kept per section. A hang fails at the timeout.
  const dir = tempDir('family');
  mkdirSync(join(dir, 'notes'), { recursive: true });
  const body = 'Mother unable to walk, father with migraine headaches, brother with HIV\n'.repeat(16000);
  writeFileSync(join(dir, 'notes', 'fh.note'), `---\ndate: 2025-01-02\n---\nFAMILY HISTORY:\n${body}`);
  claimLinking(dir, ['../notes/fh.note']);
  const r = cli(['--format', 'json', 'claims'], dir);
  const d = JSON.parse(r.stdout).files[0].determinations[0];
  assert.equal(d.status, 'documentation-missing', 'the relatives\u2019 findings are not the patient\u2019s');
});

test('F16: a 2 MB sentence of semicolons and a note of 20,000 retractions are read in bounded time (CLI)', () => {
  // A baseline clause was once looked for before each semicolon over the whole text before it,
  // and each retraction searched every mention: both quadratic. A hang fails at the timeout.
  const dir = tempDir('clauses');
  mkdirSync(join(dir, 'notes'), { recursive: true });
  const clauses = `Intrathecal morphine trial, baseline NRS 8/10${'; more words about the day'.repeat(80000)}.\n`;
  const retractions = 'Intractable chronic back pain; the entry above was entered in error.\n'.repeat(20000);
  writeFileSync(join(dir, 'notes', 'a.note'), `---\ndate: 2025-01-02\n---\n${clauses}`);
  writeFileSync(join(dir, 'notes', 'b.note'), `---\ndate: 2025-01-02\n---\n${retractions}`);
  claimLinking(dir, ['../notes/a.note', '../notes/b.note']);
  const r = cli(['--format', 'json', 'claims'], dir);
  assert.equal(JSON.parse(r.stdout).files.length, 1);
});
