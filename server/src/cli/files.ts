/** Expands the CLI's paths into the *.note and *.claim files to check, safely. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeReadError, documentKind, skipFolder } from '../engine';

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
      errors.push({ path: dir, message: describeReadError(e) });
      return;
    }
    // A symlink loop (or the same folder twice) is walked once.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ path: dir, message: describeReadError(e) });
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
          errors.push({ path: p, message: describeReadError(err) });
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
      errors.push({ path: p, message: describeReadError(e) });
    }
  }
  return { files: [...files], errors };
}
