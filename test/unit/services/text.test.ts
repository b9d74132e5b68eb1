import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimSlot } from '../../../server/src/services/completion';
import { effectiveSeverity } from '../../../server/src/services/severity';
import { mdEscape, quote, snippetToText } from '../../../server/src/services/text';

describe('snippetToText', () => {
  it('keeps placeholder defaults and drops tab stops', () => {
    assert.equal(snippetToText('Impairment: ${1:describe} due to ${2:cause}.$0'), 'Impairment: describe due to cause.');
    assert.equal(snippetToText('${1|left,right|} side, ${2:outer ${3:inner}}'), 'left side, outer inner');
    assert.equal(snippetToText('cost \\$5 and \\} brace'), 'cost $5 and } brace');
    assert.equal(snippetToText('${TM_FILENAME:note}'), 'note');
  });
});

describe('markdown', () => {
  it('escapes what markdown would interpret and shortens quotes', () => {
    assert.equal(mdEscape('a*b_c [d] <e> |f|'), 'a\\*b\\_c \\[d\\] \\<e\\> \\|f\\|');
    assert.equal(quote('  two\n lines '), '"two lines"');
    assert.equal(quote('x'.repeat(200), 10), `"${'x'.repeat(9)}…"`);
  });
});

describe('claimSlot', () => {
  it('knows what a claim line expects at the cursor', () => {
    assert.deepEqual(claimSlot('payer: Ant'), { kind: 'payer', prefix: 'Ant' });
    assert.deepEqual(claimSlot('PLAN:'), { kind: 'plan', prefix: '' });
    assert.deepEqual(claimSlot('note: notes/'), { kind: 'note', prefix: 'notes/' });
    assert.deepEqual(claimSlot('line 3: 157'), { kind: 'code', prefix: '157' });
    assert.deepEqual(claimSlot('line 3: 15773-RT dx A,'), { kind: 'dx-letter', prefix: '' });
    assert.deepEqual(claimSlot('line 3: 15773 x2 d'), { kind: 'line-field', prefix: 'd' });
    assert.deepEqual(claimSlot('li'), { kind: 'key', prefix: 'li' });
    assert.deepEqual(claimSlot('line 1: 15773 # comm'), { kind: 'none' });
    assert.deepEqual(claimSlot('line 1: 15773 ; free text'), { kind: 'none' });
  });
});

describe('effectiveSeverity', () => {
  it('applies overrides; criteria-met is off unless turned on', () => {
    assert.equal(effectiveSeverity('missing-documentation', 'error', {}), 'error');
    assert.equal(effectiveSeverity('missing-documentation', 'warning', { 'missing-documentation': 'default' }), 'warning');
    assert.equal(effectiveSeverity('missing-documentation', 'error', { 'missing-documentation': 'hint' }), 'hint');
    assert.equal(effectiveSeverity('not-covered', 'error', { 'not-covered': 'off' }), undefined);
    assert.equal(effectiveSeverity('criteria-met', 'hint', {}), undefined);
    assert.equal(effectiveSeverity('criteria-met', 'hint', { 'criteria-met': 'information' }), 'information');
  });
});
