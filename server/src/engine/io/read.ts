/**
 * The one bounded file reader (SPEC 9): every note, claim and policy file the CLI or the server
 * reads from disk comes through `readBounded`. A hostile or careless path must give a clear
 * refusal, never a hang or an unbounded allocation:
 * - regular files only: a FIFO, socket or device (/dev/zero) would block or never end;
 * - nothing under /proc, /sys or /dev: their files report size 0 and can be endless
 *   (/proc/self/pagemap) or block forever (/proc/kmsg as root), whatever stat says;
 * - opened non-blocking, so a read that would wait is refused (EAGAIN), not waited for;
 * - the byte cap is enforced while reading, chunk by chunk: stat's size is never trusted, and a
 *   file known to be over the cap is refused without being read at all.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * Largest file read, for the CLI and the server alike (notes, claims, policy files). A clinical
 * note is kilobytes; 10 MB notes are still checked.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Why `readBounded` refused a file (the message is for the user, without the file's text). */
export class FileRefused extends Error {}

/** Pseudo-filesystems whose files are not documents (sizes lie, reads block or never end). */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/** Bytes read per call: the cap is checked between chunks. */
const CHUNK = 1024 * 1024;

/** A read slower than this (a stalled network mount) is abandoned between chunks. */
const MAX_READ_MS = 10_000;

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export function isPseudoPath(realPath: string): boolean {
  return PSEUDO_ROOTS.some((root) => realPath === root || realPath.startsWith(root + sep));
}

/**
 * Reads a file as UTF-8, or throws `FileRefused` (or the system error, e.g. ENOENT, for
 * `describeReadError`). `maxBytes` defaults to the one cap.
 */
export function readBounded(path: string, maxBytes: number = MAX_FILE_BYTES): string {
  // Symlinks are followed first, so a link to /proc/self/environ is refused like the file itself.
  const real = realpathSync(path);
  if (isPseudoPath(real)) throw new FileRefused(`not a document (${real.split(sep).slice(0, 2).join(sep)} holds system files, not notes)`);
  // A device is refused before it is opened (opening some has effects); fstat re-checks
  // what was opened, in case the path changed in between.
  refuseKind(statSync(real), maxBytes);
  const fd = openSync(real, OPEN_FLAGS);
  try {
    refuseKind(fstatSync(fd), maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    const t0 = Date.now();
    for (;;) {
      // One byte past the cap is enough to know the file is over it.
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      let n: number;
      try {
        n = readSync(fd, buf, 0, want, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') throw new FileRefused('reading it would block (not a regular document)');
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileRefused(tooLarge(total, maxBytes, true));
      chunks.push(n === want ? buf : buf.subarray(0, n));
      if (Date.now() - t0 > MAX_READ_MS) throw new FileRefused(`reading it took more than ${MAX_READ_MS / 1000} s`);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function refuseKind(st: { isDirectory(): boolean; isFile(): boolean; size: number }, maxBytes: number): void {
  if (st.isDirectory()) throw new FileRefused('is a folder');
  if (!st.isFile()) throw new FileRefused('not a regular file');
  if (st.size > maxBytes) throw new FileRefused(tooLarge(st.size, maxBytes));
}

function tooLarge(bytes: number, max: number, atLeast = false): string {
  const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`;
  return `too large (${atLeast ? 'over ' : ''}${mb(atLeast ? max : bytes)}; the limit is ${mb(max)})`;
}

/** What `describeReadError` says of a missing file. */
export const NOT_FOUND = 'no such file or folder';

/** A read error in words for a diagnostic or a CLI message (never a stack trace). */
export function describeReadError(e: unknown): string {
  if (e instanceof FileRefused) return e.message;
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return NOT_FOUND;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    case 'ENXIO':
      return 'not a regular file';
    default:
      return err?.message ?? String(e);
  }
}

/** `readBounded` for a host's `readNote`: the text, or why it cannot be read in words. */
export function readOrWhy(path: string): { text: string } | { why: string } {
  try {
    return { text: readBounded(path) };
  } catch (e) {
    return { why: describeReadError(e) };
  }
}
