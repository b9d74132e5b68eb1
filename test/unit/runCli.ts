/** The CLI run in process, its output captured: what a test of the user's side drives. */
import { run } from '../../server/src/cli/main';

export function runCli(argv: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { status, stdout, stderr };
}
