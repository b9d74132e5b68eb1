/** The CLI run in process, as the CLI tests drive it: over the bundled policies or the frozen ones. */
import { run } from '../../../server/src/cli/main';
import { FIXTURE_POLICY_ARGS } from '../engine/helpers';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `clinlint <argv>` in `cwd`, with the bundled policies. */
export function bundledCli(argv: string[], cwd: string): CliRun {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { status, stdout, stderr };
}

/**
 * `clinlint <argv>` in `cwd` over the frozen fixture policies instead (tests of a mechanism); the
 * policy options go after a leading `rationale` command, which must come first.
 */
export function frozenCli(argv: string[], cwd: string): CliRun {
  const [command, rest] = argv[0] === 'rationale' ? [[argv[0]], argv.slice(1)] : [[], argv];
  return bundledCli([...command, ...FIXTURE_POLICY_ARGS, ...rest], cwd);
}
