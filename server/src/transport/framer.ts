/**
 * A validating framer for LSP over a byte stream (`Content-Length` headers, then a body).
 * vscode-jsonrpc's reader gives up on a bad header but leaves the bytes after it in its
 * buffer, so one malformed frame makes every later message unreadable: the server stays
 * alive and never answers again. This stream sits in front of that reader and passes on only
 * well-formed frames. A malformed header is reported and skipped: the stream searches for the
 * next `Content-Length:` header and resynchronises there. Bodies are passed through as they
 * arrive (never buffered whole); only a header is held, up to MAX_HEADER_BYTES.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Largest header block accepted (real clients send under 100 bytes). */
const MAX_HEADER_BYTES = 8 * 1024;
/**
 * Largest body accepted: a 10 MB document (the largest the server checks) as JSON, with
 * room for multi-byte characters and escapes. A larger frame is refused like a malformed one.
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const END = Buffer.from('\r\n\r\n');
const MARKS = [Buffer.from('Content-Length:'), Buffer.from('content-length:')];
const MARK_LENGTH = MARKS[0].length;

/** The body length a header block announces, or why the block is not a valid header. */
export function parseHeader(block: string, maxBody = MAX_BODY_BYTES): { length: number } | { problem: string } {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { problem: 'a header line without "name: value"' };
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    // The value is not quoted: after a desynchronised frame it may be note text.
    if (!/^\d{1,12}$/.test(value)) return { problem: 'Content-Length is not a number' };
    length = Number(value);
  }
  if (length === undefined) return { problem: 'no Content-Length header' };
  if (length > maxBody) return { problem: `Content-Length ${length} is over the ${maxBody}-byte limit` };
  return { length };
}

export class FrameValidator extends Transform {
  /** Bytes of the body still to pass through; -1 while reading a header. */
  private remaining = -1;
  /** Held bytes: a header not yet complete, or the tail of skipped bytes while resynchronising. */
  private held: Buffer = Buffer.alloc(0);
  private resyncing = false;
  private skipped = 0;

  constructor(
    /** Told of each malformed frame and of each resynchronisation (messages carry no body text). */
    private readonly report: (message: string) => void,
    private readonly maxBody = MAX_BODY_BYTES,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.remaining >= 0) {
        const n = Math.min(this.remaining, data.length);
        this.push(data.subarray(0, n));
        this.remaining -= n;
        data = data.subarray(n);
        if (this.remaining === 0) this.remaining = -1;
      } else if (this.resyncing) {
        const at = Math.min(...MARKS.map((m) => data.indexOf(m)).map((i) => (i < 0 ? Infinity : i)));
        if (at === Infinity) {
          // Keep a tail that may hold the start of the next header.
          const keep = Math.min(data.length, MARK_LENGTH - 1);
          this.skipped += data.length - keep;
          this.held = Buffer.from(data.subarray(data.length - keep));
          break;
        }
        this.skipped += at;
        this.report(`skipped ${this.skipped} bytes to the next Content-Length header`);
        this.resyncing = false;
        this.skipped = 0;
        data = data.subarray(at);
      } else {
        const end = data.indexOf(END);
        if (end < 0) {
          if (data.length <= MAX_HEADER_BYTES) {
            this.held = Buffer.from(data);
            break;
          }
          data = this.malformed(data, `no end of headers within ${MAX_HEADER_BYTES} bytes`);
          continue;
        }
        const header = parseHeader(data.subarray(0, end).toString('latin1'), this.maxBody);
        if ('problem' in header) {
          data = this.malformed(data, header.problem);
          continue;
        }
        this.push(data.subarray(0, end + END.length));
        this.remaining = header.length === 0 ? -1 : header.length;
        data = data.subarray(end + END.length);
      }
    }
    done();
  }

  /** Reports a bad header and resynchronises: the search resumes one byte past its start. */
  private malformed(data: Buffer, problem: string): Buffer {
    this.report(`malformed message header: ${problem}; looking for the next message`);
    this.resyncing = true;
    this.skipped = 1;
    return data.subarray(1);
  }
}
