/** The CLI run in process, its output captured: what a test of the user's side drives. */
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
