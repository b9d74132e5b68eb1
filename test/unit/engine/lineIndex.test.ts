import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/engine/lineIndex';

/** The obvious definition: LF, CRLF and a lone CR each end a line. */
function lineStarts(t: string): number[] {
  const s = [0];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) s.push(i + 1);
    else if (c === 13) {
      if (t.charCodeAt(i + 1) === 10) i++;
      s.push(i + 1);
    }
  }
  return s;
}

test('line starts follow LF, CRLF and lone CR exactly, and positions round-trip', () => {
  const text = fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' '), { maxLength: 40 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, (t) => {
      const li = new LineIndex(t);
      const starts = lineStarts(t);
      assert.equal(li.lineCount, starts.length);
      starts.forEach((s, line) => assert.equal(li.lineStart(line), s));
      for (let o = 0; o <= t.length; o++) {
        const p = li.positionAt(o);
        if (t[o - 1] !== '\r' || t[o] !== '\n') assert.equal(li.offsetAt(p), o);
      }
    }),
    { numRuns: 500 },
  );
});

test('the text of a line excludes its line break', () => {
  const li = new LineIndex('a\r\nbc\rd\n');
  assert.deepEqual([0, 1, 2, 3].map((l) => li.lineText(l)), ['a', 'bc', 'd', '']);
});
