import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { policyLineMarkdown, policyTextMarkdown } from '../../../server/src/services/policyText';

describe('policy text as markdown', () => {
  it('keeps paired emphasis, drops stray ** and the brackets of trademark signs', () => {
    assert.equal(
      policyLineMarkdown('- II.** It is the policy of Centene Corporation[®] that *cosmetic surgery* is **not medically necessary** and'),
      '- II. It is the policy of Centene Corporation® that *cosmetic surgery* is **not medically necessary** and',
    );
  });

  it('a lone * is a footnote mark and stays as text; other markup is escaped', () => {
    assert.equal(policyLineMarkdown('HIV-associated wasting* when'), 'HIV-associated wasting\\* when');
    assert.equal(policyLineMarkdown('*Note: see *Tesamorelin*.'), '\\*Note: see *Tesamorelin*.');
    assert.equal(policyLineMarkdown('a [b] <c> _d_ #e'), 'a \\[b\\] \\<c\\> \\_d\\_ \\#e');
  });

  it('no bundled section renders a stray ** or a bracketed sign', () => {
    const dir = join(__dirname, '../../../policies');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    assert.ok(files.length > 0, `no policy in ${dir}`);
    for (const f of files) {
      const policy = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { sections: { id: string; text: string }[] };
      for (const s of policy.sections) {
        for (const line of policyTextMarkdown(s.text)) {
          const bold = line.match(/(?<!\\)\*\*/g)?.length ?? 0;
          assert.equal(bold % 2, 0, `${f} §${s.id}: unpaired ** in ${line}`);
          assert.doesNotMatch(line, /\[[®™©]\]/, `${f} §${s.id}`);
        }
      }
    }
  });
});
