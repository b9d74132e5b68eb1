/** Hovers quote the start of a section of any length, and point to the rest (F11). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SectionInfo } from '../../../server/src/services/catalog';
import { sectionQuote } from '../../../server/src/services/hover';

const section = (text: string, file?: string): SectionInfo => ({
  policy: { id: 'X-1', title: 'T', payer: 'P', aliases: [], plans: ['commercial'], notes: [], file },
  id: 'I',
  title: 'All',
  kind: 'coverage',
  text,
  codes: ['15773'],
  drugs: [],
  exclusions: [],
  notices: [],
  range: { start: { line: 41, character: 4 }, end: { line: 41, character: 9 } },
});

describe('sectionQuote', () => {
  it('a short section is quoted whole, line by line', () => {
    assert.deepEqual(sectionQuote(section('Covered when:\r\n- a *b*\n- c')), ['> Covered when:', '> - a \\*b\\*', '> - c']);
    assert.deepEqual(sectionQuote(section('')), ['> ']);
  });

  it('a section of 130,000 lines shows its first 40 and links the rest in its policy file', () => {
    const text = Array.from({ length: 130_000 }, (_, i) => `criterion line ${i + 1}`).join('\n');
    const out = sectionQuote(section(text, '/policies/my (own) policy.json'));
    assert.equal(out.filter((l) => l.startsWith('> criterion')).length, 40);
    assert.equal(out[39], '> criterion line 40');
    assert.match(out.at(-1)!, /continues for 129960 more lines: see \[my \(own\) policy\.json\]\(file:\/\/\/policies\/my%20%28own%29%20policy\.json#L42\)/);
  });

  it('one line of 1 MB is cut at 3,000 characters', () => {
    const out = sectionQuote(section('x'.repeat(1_000_000)));
    assert.equal(out[0].length, 2 + 3000);
    assert.match(out.at(-1)!, /continues for 1 more line: see the policy file/);
  });
});
