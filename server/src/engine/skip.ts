/**
 * The folders no walk goes into: the CLI's path expansion, the policy folders, case folders,
 * note-path completion and the client's check-workspace search all skip the same ones.
 * Dependencies (`node_modules`) and every hidden folder (`.git`, `.vscode-test`, editor state).
 */
export function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The same rule as a VS Code exclude glob (workspace.findFiles). */
export const SKIP_GLOB = '**/{node_modules,.*}/**';
