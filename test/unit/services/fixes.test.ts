import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disableLineInsert, eolOf, newNotePath, noteLinkInsert, planPrompts, promptInsert, promptRequests } from '../../../server/src/services/fixes';
import type { FindingData, PromptSection } from '../../../server/src/engine';
import type { ClaimDocument } from '../../../server/src/engine/documents/model';

describe('promptInsert', () => {
  it('puts the prompt on its own line wherever the offset falls', () => {
    assert.deepEqual(promptInsert('a\nb\n', 2, 'P'), { offset: 2, snippet: 'P\n' }); // line start
    assert.deepEqual(promptInsert('a\nb', 1, 'P'), { offset: 1, snippet: '\nP' }); // line end
    assert.deepEqual(promptInsert('a\nb', 3, 'P'), { offset: 3, snippet: '\nP\n' }); // end without newline
    assert.deepEqual(promptInsert('a\n', 2, 'P\n\n'), { offset: 2, snippet: 'P\n' }); // end with newline
    assert.deepEqual(promptInsert('', 0, 'P'), { offset: 0, snippet: 'P\n' });
    assert.equal(promptInsert('abc', 99, 'P').offset, 3);
    assert.deepEqual(promptInsert('a\r\nb', 3, 'P\nQ'), { offset: 3, snippet: 'P\r\nQ\r\n' }); // CRLF text
  });
});

describe('promptRequests', () => {
  const data = (criterion: string, path: string, prompt: string, section: PromptSection = 'assessment'): FindingData => ({
    rule: 'missing-documentation',
    criterion,
    prompt,
    insert: { path, section },
  });
  it('one request per note, each criterion once', () => {
    const reqs = promptRequests([data('a', '/n.note', 'A ${1:x}'), data('a', '/n.note', 'A ${1:x}'), data('b', '/n.note', 'B ${1:y}', 'procedure'), data('a', '/m.note', 'A ${1:x}')]);
    assert.deepEqual(reqs, [
      { path: '/n.note', prompts: [{ snippet: 'A ${1:x}', section: 'assessment' }, { snippet: 'B ${1:y}', section: 'procedure' }] },
      { path: '/m.note', prompts: [{ snippet: 'A ${1:x}', section: 'assessment' }] },
    ]);
  });
});

describe('planPrompts: replayed on the note as it is now', () => {
  const NOTE = 'HPI:\nPain for years.\n\nPROCEDURE:\nIntrathecal trial on 10/07.\n\nASSESSMENT AND PLAN:\nPartial response to the trial.\n';
  it('a trial result goes under PROCEDURE, others under Assessment/Plan, each with its position', () => {
    const plans = planPrompts(NOTE, [
      { snippet: 'Trial: ${1:[result]}', section: 'procedure' },
      { snippet: 'Pain: ${1:[pain]}', section: 'assessment' },
      { snippet: 'More: ${1:[more]}', section: 'assessment' },
    ]);
    assert.deepEqual(plans, [
      { offset: NOTE.indexOf('\nASSESSMENT') , position: { line: 5, character: 0 }, snippet: 'Trial: ${1:[result]}\n' },
      { offset: NOTE.length, position: { line: 8, character: 0 }, snippet: 'Pain: ${1:[pain]}\nMore: ${2:[more]}\n' },
    ]);
  });
  it('without a PROCEDURE section a trial result goes under Assessment/Plan, else at the end', () => {
    assert.equal(planPrompts('ASSESSMENT:\nx\nFOLLOW-UP:\ny\n', [{ snippet: 'T', section: 'procedure' }])[0].offset, 'ASSESSMENT:\nx\n'.length);
    assert.equal(planPrompts('Free text.', [{ snippet: 'T', section: 'procedure' }])[0].snippet, '\nT\n');
  });
  it('offsets come from the text given, not from an earlier check: no prompt inside a word', () => {
    const before = 'ASSESSMENT AND PLAN:\nPartial response to the trial.\n';
    const now = 'ASSESSMENT AND PLAN:\nPartial response to the trial, and more words typed since.\n';
    const [plan] = planPrompts(now, [{ snippet: 'P ${1:[x]}', section: 'assessment' }]);
    assert.notEqual(plan.offset, before.length);
    assert.equal(plan.offset, now.length);
    assert.equal(now.slice(0, plan.offset).endsWith('\n'), true);
  });
  it('a CRLF note gets CRLF line endings', () => {
    const crlf = 'HPI:\r\nPain.\r\nASSESSMENT:\r\nPlan a pump.';
    const [plan] = planPrompts(crlf, [{ snippet: 'A ${1:[a]}\nB ${2:[b]}', section: 'assessment' }]);
    assert.equal(plan.snippet, '\r\nA ${1:[a]}\r\nB ${2:[b]}\r\n');
    assert.deepEqual(plan.position, { line: 3, character: 'Plan a pump.'.length });
    assert.equal(eolOf('a\nb\r\n'), '\n');
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
