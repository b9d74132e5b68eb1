/**
 * Where a claim's `note:` may point (SPEC 9). A claim is data a coder may have received from
 * elsewhere: `note: ../../outside/secret.note` or `note: /proc/self/environ` must not make
 * ClinLint read a file and quote it in a hover, JSON or SARIF. A note is read only when it lies
 * inside the workspace (the CLI: the folders it was run over) or inside a folder the user allowed
 * (`--allow-notes-in`, `clinlint.allowedNoteFolders`; never in an untrusted workspace). An
 * absolute `note:` is refused unless it lies inside an allowed folder: claims link notes by
 * relative path (SPEC 2.1).
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface NoteFolders {
  /** The workspace: relative links may reach anywhere inside these folders. */
  workspace: readonly string[];
  /** Folders the user allowed besides: any link, absolute included, may reach inside them. */
  allowed: readonly string[];
  /** How the user allows another folder, for the message (the CLI flag, the setting). */
  howToAllow: string;
}

/**
 * Undefined when the note at `abs` (the `note:` value `written`, resolved) may be read; else why
 * not, in words for the `note-not-found` diagnostic.
 */
export function noteRefusal(written: string, abs: string, folders: NoteFolders): string | undefined {
  // Symlinks count where they lead: a link inside the workspace to /etc/passwd is outside it.
  const real = realOrResolved(abs);
  if (folders.allowed.some((d) => inside(real, realOrResolved(d)))) return undefined;
  if (isAbsolute(written)) return `is an absolute path, not read (${folders.howToAllow})`;
  if (folders.workspace.some((d) => inside(real, realOrResolved(d)))) return undefined;
  return `is outside the workspace, not read (${folders.howToAllow})`;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}
