/** Expands the CLI's paths into the *.note and *.claim files to check, safely. */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentKind, skipFolder } from '../engine';

export interface Expanded {
  files: string[];
  /** Paths that could not be read: each is reported, and the exit status is 2. */
  errors: { path: string; message: string }[];
}


export function expandPaths(paths: string[]): Expanded {
  const files = new Set<string>();
  const errors: Expanded['errors'] = [];
  const seenDirs = new Set<string>();

  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      errors.push({ path: dir, message: reason(e) });
      return;
    }
    // A symlink loop (or the same folder twice) is walked once.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ path: dir, message: reason(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (!e.isFile() && skipFolder(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) {
        try {
          const st = statSync(p);
          if (st.isDirectory()) walk(p);
          else if (st.isFile() && documentKind(e.name)) files.add(resolve(p));
        } catch (err) {
          errors.push({ path: p, message: reason(err) });
        }
      } else if (e.isFile() && documentKind(e.name)) files.add(resolve(p));
    }
  };

  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else files.add(resolve(p)); // a file named explicitly is checked whatever its extension
    } catch (e) {
      errors.push({ path: p, message: reason(e) });
    }
  }
  return { files: [...files], errors };
}

/** Largest document read (a clinical note is kilobytes; 10 MB notes are checked). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why `readDocument` refused a file. */
class FileRefused extends Error {}

/**
 * Reads a document as UTF-8, only if it is a regular file of sane size: a FIFO, a socket or a
 * device such as /dev/zero named on the command line or as a claim's `note:` would otherwise
 * block or fill memory forever.
 */
export function readDocument(path: string): string {
  const st = statSync(path);
  if (st.isDirectory()) throw new FileRefused('is a folder');
  if (!st.isFile()) throw new FileRefused('not a regular file');
  if (st.size > MAX_FILE_BYTES) {
    throw new FileRefused(`too large (${(st.size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
  }
  return readFileSync(path, 'utf8');
}

export function reason(e: unknown): string {
  if (e instanceof FileRefused) return e.message;
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err?.message ?? String(e);
  }
}
