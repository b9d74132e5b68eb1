import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allPromptInserts, disableLineInsert, newNotePath, noteLinkInsert, promptInsert } from '../../../server/src/services/fixes';
import type { FindingData } from '../../../server/src/engine/results';
import type { ClaimDocument } from '../../../server/src/engine/documents/model';

describe('promptInsert', () => {
  it('puts the prompt on its own line wherever the offset falls', () => {
    assert.deepEqual(promptInsert('a\nb\n', 2, 'P'), { offset: 2, snippet: 'P\n' }); // line start
    assert.deepEqual(promptInsert('a\nb', 1, 'P'), { offset: 1, snippet: '\nP' }); // line end
    assert.deepEqual(promptInsert('a\nb', 3, 'P'), { offset: 3, snippet: '\nP\n' }); // end without newline
    assert.deepEqual(promptInsert('a\n', 2, 'P\n\n'), { offset: 2, snippet: 'P\n' }); // end with newline
    assert.deepEqual(promptInsert('', 0, 'P'), { offset: 0, snippet: 'P\n' });
    assert.equal(promptInsert('abc', 99, 'P').offset, 3);
  });
});

describe('allPromptInserts', () => {
  const data = (criterion: string, path: string, offset: number, prompt: string): FindingData => ({
    rule: 'missing-documentation',
    criterion,
    prompt,
    insert: { path, offset, position: { line: 0, character: offset } },
  });
  it('one prompt per criterion and note, combined per place with distinct tab stops', () => {
    const plans = allPromptInserts(
      [data('a', '/n.note', 2, 'A ${1:x} $2'), data('a', '/n.note', 2, 'A ${1:x} $2'), data('b', '/n.note', 2, 'B ${1:y}'), data('a', '/m.note', 0, 'A ${1:x}')],
      (p) => (p === '/n.note' ? 'h\n' : p === '/m.note' ? '' : undefined),
    );
    assert.deepEqual(plans, [
      { path: '/n.note', offset: 2, snippet: 'A ${1:x} $2\nB ${3:y}\n' },
      { path: '/m.note', offset: 0, snippet: 'A ${1:x}\n' },
    ]);
  });
  it('skips notes that cannot be read', () => {
    assert.deepEqual(allPromptInserts([data('a', '/gone.note', 0, 'A')], () => undefined), []);
  });
});

describe('disableLineInsert', () => {
  it('adds a directive, or a rule to an existing one, once', () => {
    assert.deepEqual(disableLineInsert('line 1: 15773 dx A', 'syntax'), { character: 18, text: '  # clinlint-disable-line syntax' });
    assert.deepEqual(disableLineInsert('line 1: 15773  # clinlint-disable-line syntax ', 'not-covered'), { character: 45, text: ' not-covered' });
    assert.equal(disableLineInsert('line 1: 15773 # clinlint-disable-line syntax', 'syntax').text, '');
  });
});

describe('note links', () => {
  const claim = (text: string, headers: { line: number; end: number }[]): ClaimDocument =>
    ({ kind: 'claim', text, headers: headers.map((h) => ({ key: 'x', keySpan: { start: 0, end: 0 }, value: '', valueSpan: { start: h.end, end: h.end } })) }) as unknown as ClaimDocument;
  it('goes after the last header line', () => {
    const text = '# c\nclaim: 1\npayer: A\n\nline 1: 15773\n';
    assert.deepEqual(noteLinkInsert(claim(text, [{ line: 1, end: 12 }, { line: 2, end: 21 }]), text, '/w/a.claim', '/w/notes/a.note'), { offset: 21, text: '\nnote: notes/a.note' });
  });
  it('goes after leading comments when there is no header', () => {
    const text = '# c\nline 1: 15773\n';
    assert.deepEqual(noteLinkInsert(claim(text, []), text, '/w/a.claim', '/w/a.note'), { offset: 4, text: 'note: a.note\n' });
  });
  it('names the new note after the claim', () => {
    assert.equal(newNotePath('/w/x/draft.claim', { rule: 'no-note' }), '/w/x/draft.note');
  });
});
