/**
 * `clinlint [paths...]`: the engine over files and folders, for CI pipelines (SPEC 7).
 * Exit status: 0 no errors, 1 errors found, 2 usage, unreadable input or invalid policy.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { describeReadError, Engine, foldLinkedGaps, readBounded, readOrWhy, type CheckResult } from '../engine';
import { parseArgs, USAGE, UsageError } from './args';
import { findCases, newTally, runCase, summary } from './cases';
import { expandPaths } from './files';
import { toJson } from './format/json';
import { toSarif } from './format/sarif';
import { toText } from './format/text';
import { rationale } from './rationale';

declare const CLINLINT_VERSION: string | undefined;
const VERSION = typeof CLINLINT_VERSION === 'string' ? CLINLINT_VERSION : '0.0.0-dev';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export function run(argv: string[], io: Io): number {
  if (argv[0] === 'test') return runTests(argv.slice(1), io);
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`clinlint: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const display = (p: string) => {
    const rel = relative(io.cwd, p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
  let status = 0;
  const engine = Engine.load({ policyDirs: args.policies.map((p) => resolve(io.cwd, p)), bundled: args.bundled });
  for (const e of engine.policyErrors) {
    io.stderr(`${display(e.path)}:${e.range.start.line + 1}:${e.range.start.character + 1} error ${e.message} [policy-error]\n`);
    status = 2;
  }
  for (const e of engine.policyNotices) {
    io.stderr(`${display(e.path)}:${e.range.start.line + 1}:${e.range.start.character + 1} information ${e.message} [policy-error]\n`);
  }
  if (engine.registry.policies.length === 0) {
    io.stderr('clinlint: no policies loaded (check --policies and --no-bundled-policies)\n');
    return 2;
  }
  if (args.command === 'rationale') return Math.max(status, rationale(engine, host, args, io, display));
  const paths = args.paths.length ? args.paths.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const expanded = expandPaths(paths);
  for (const e of expanded.errors) {
    io.stderr(`clinlint: ${display(e.path)}: ${e.message}\n`);
    status = 2;
  }
  const named = new Set(expanded.files);
  // The CLI's workspace (SPEC 9): the current folder and every folder named (a file: its folder).
  const noteFolders = {
    workspace: [io.cwd, ...paths.map((p) => (named.has(p) ? dirname(p) : p))],
    allowed: args.allowNotesIn.map((p) => resolve(io.cwd, p)),
    howToAllow: 'allow its folder with --allow-notes-in DIR',
  };
  const checked: CheckResult[] = [];
  for (const file of expanded.files) {
    let text: string;
    try {
      text = readBounded(file);
    } catch (e) {
      io.stderr(`clinlint: ${display(file)}: ${describeReadError(e)}\n`);
      status = 2;
      continue;
    }
    checked.push(engine.check({ path: file, text }, host, { payer: args.payer, plan: args.plan, noteFolders }));
  }
  // One gap, one diagnostic: a note's mention of a code its claim bills points at the claim line.
  const results = foldLinkedGaps(checked);
  const out =
    args.format === 'json'
      ? toJson(results, display)
      : args.format === 'sarif'
        ? toSarif(results, display, VERSION, args.includeText)
        : toText(results, display);
  io.stdout(out);
  if (status === 0 && results.some((r) => r.findings.some((f) => f.severity === 'error'))) status = 1;
  return status;
}

/** The CLI's reader of linked notes, the bounded one: unreadable is undefined, or the reason why. */
const host = {
  readText(path: string): string | undefined {
    const r = readOrWhy(path);
    return 'text' in r ? r.text : undefined;
  },
  readNote: readOrWhy,
};

/** `clinlint test <folders...>`: case folders against their expected.json (SPEC 7). */
function runTests(argv: string[], io: Io): number {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) {
    io.stdout('Usage: clinlint test <folders...>\n\nRuns case folders (case.claim or case.note, and expected.json); see docs/cases.md.\n');
    return argv.length === 0 ? 2 : 0;
  }
  const engine = Engine.load();
  // A concept that did not load would silently change every case: say so, and fail.
  for (const e of engine.policyErrors)
    io.stderr(`${e.path}:${e.range.start.line + 1}:${e.range.start.character + 1} error ${e.message} [policy-error]\n`);
  if (engine.policyErrors.length) return 2;
  const { cases, errors } = findCases(argv.map((p) => resolve(io.cwd, p)));
  for (const e of errors) io.stderr(`clinlint: ${e}\n`);
  if (errors.length || cases.length === 0) {
    if (cases.length === 0) io.stderr('clinlint: no case folders (a folder with expected.json) found\n');
    return 2;
  }
  const tally = newTally();
  for (const dir of cases) runCase(engine, dir, relative(io.cwd, dir) || dir, host, tally);
  for (const d of tally.disagreements) io.stdout(d + '\n');
  io.stdout(summary(tally) + '\n');
  return tally.disagreements.length ? 1 : 0;
}

/** Entry point of the bundled CLI: exits with the status, never with a stack trace. */
export function main(): void {
  // `clinlint ... | head` closes the pipe early: stop quietly with the status, no stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      process.exit(2);
    });
  }
  let code: number;
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch (e) {
    process.stderr.write(`clinlint: cannot read the current folder (${describeReadError(e)}); run clinlint from an existing folder\n`);
    process.exitCode = 2;
    return;
  }
  try {
    code = run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd,
    });
  } catch (e) {
    process.stderr.write(`clinlint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}

if (require.main === module) main();
