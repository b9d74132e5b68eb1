/** Citations in the policy's own words: whole lines, the applied alternative, no markup, bounded. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { plainPolicyText, policyQuote } from '../../../server/src/services/policyQuote';
import { FIXTURE_POLICIES } from '../engine/helpers';

const policy = (file: string) => JSON.parse(readFileSync(join(FIXTURE_POLICIES, file), 'utf8'));

describe('policyQuote', () => {
  it('a section with no alternative: every line, whole (never cut at a parenthesis)', () => {
    const s = policy('anthem-med-00132.json').sections.find((x: { id: string }) => x.id === 'III');
    const q = policyQuote(s.text, 'III');
    assert.equal(q.length, s.text.split('\n').length);
    assert.equal(q[0], 'III. Injectable Soft Tissue Fillers (for example: poly-L-lactic acid [PLLA], synthetic calcium hydroxylapatite, hyaluronic acid, or collagen)');
    assert.ok(q.includes('- There is documented evidence of significant functional impairment; and'));
  });

  it('an alternative (Centene I.A.4.b): the lead-in, its parents and its sub-items; the other alternatives marked as left out', () => {
    const s = policy('centene-cp-mp-31.json').sections.find((x: { id: string }) => x.id === 'I.A');
    const q = policyQuote(s.text, 'I.A', 'I.A.4.b');
    assert.match(q[0], /^- I\. It is the policy of health plans affiliated with Centene Corporation® that reconstructive procedures are considered medically necessary/);
    assert.ok(q.some((l) => l.startsWith('4. Certain reconstructive procedures')));
    assert.ok(q.some((l) => l.startsWith('- b. Use of FDA-approved facial dermal injections')));
    assert.ok(q.some((l) => l.startsWith('- ii. Diagnosis of facial lipodystrophy syndrome')));
    assert.ok(q.some((l) => l.startsWith('- B. Medical records with photographs')), 'the section’s other requirement stays');
    assert.ok(!q.some((l) => /Skin tag removal|Post-mastectomy, medically necessary lumpectomy/.test(l)), q.join('\n'));
    assert.equal(q.filter((l) => l === '[…]').length, 2);
  });

  it('markup and reference marks of the policy files are dropped', () => {
    assert.equal(plainPolicyText('that *reconstructive procedures* are **medically necessary** at Centene[®]'), 'that reconstructive procedures are medically necessary at Centene®');
    assert.equal(plainPolicyText('or is contraindicated);^{1,2,3}'), 'or is contraindicated);');
    assert.equal(plainPolicyText('with functional impairment;⁹'), 'with functional impairment;');
  });

  it('a hostile section (130,000 lines, or one 5 MB line) gives a bounded quote that says it stops', () => {
    const many = policyQuote(Array.from({ length: 130_000 }, (_, i) => `- criterion ${i}`).join('\n'), 'X');
    assert.ok(many.join('\n').length < 5000);
    assert.equal(many[many.length - 1], '[… the section continues in the policy]');
    const long = policyQuote('x'.repeat(5_000_000), 'X');
    assert.equal(long.length, 1);
    assert.ok(long[0].length < 3000 && long[0].endsWith('…'));
  });
});
