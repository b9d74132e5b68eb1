/** The stdio framer passes well-formed frames through and resynchronises after bad ones. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameValidator, parseHeader } from '../../../server/src/transport/framer';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds `input` in chunks of `size` bytes; resolves with the output and the reports. */
function run(input: string, size: number, maxBody?: number): Promise<{ out: string; reports: string[] }> {
  const reports: string[] = [];
  const f = new FrameValidator((m) => reports.push(m), maxBody);
  const chunks: Buffer[] = [];
  f.on('data', (c: Buffer) => chunks.push(c));
  const bytes = Buffer.from(input);
  for (let i = 0; i < bytes.length; i += size) f.write(bytes.subarray(i, i + size));
  f.end();
  return new Promise((resolve) => f.on('end', () => resolve({ out: Buffer.concat(chunks).toString(), reports })));
}

const good = [frame('{"jsonrpc":"2.0","id":1,"method":"a"}'), frame('{"text":"é ✓ 你好"}'), frame('{"jsonrpc":"2.0","method":"b"}')];

describe('FrameValidator', () => {
  for (const size of [1, 3, 7, 64, 100_000]) {
    it(`in chunks of ${size} bytes: good frames pass unchanged, bad ones are skipped and reported`, async () => {
      const clean = await run(good.join(''), size);
      assert.equal(clean.out, good.join(''));
      assert.deepEqual(clean.reports, []);
      const input = [
        good[0],
        'Content-Length: abc\r\n\r\n{"x":1}',
        good[1],
        'no colon here\r\n\r\ngarbage Content-Length: 5"}} more',
        good[2],
        'Content-Length: 999\r\n\r\n', // over the limit below
        good[0],
      ].join('');
      const r = await run(input, size, 500);
      assert.equal(r.out, good[0] + good[1] + good[2] + good[0]);
      assert.equal(r.reports.filter((m) => m.startsWith('malformed message header')).length, 4, r.reports.join('\n'));
      assert.ok(r.reports.some((m) => m.includes('skipped')));
    });
  }

  it('parses headers strictly and never quotes a bad value', () => {
    assert.deepEqual(parseHeader('Content-Length: 12'), { length: 12 });
    assert.deepEqual(parseHeader('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:3'), { length: 3 });
    for (const bad of ['Content-Length: 12abc', 'Content-Length: -1', 'Content-Length:', 'Content-Type: x', 'Jane Roe']) {
      const r = parseHeader(bad);
      assert.ok('problem' in r, bad);
      assert.ok(!r.problem.includes('abc') && !r.problem.includes('Roe'), r.problem);
    }
  });
});
