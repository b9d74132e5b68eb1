/** The evidence of a note, from its own result and the claims that link it (services/evidence.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogFrom } from '../../../server/src/services/engineAdapter';
import { evidenceIn } from '../../../server/src/services/evidence';
import { fixtureEngine } from '../engine/helpers';

// Fictional.
const NOTE = 'ASSESSMENT AND PLAN:\nThe grafting is expected to improve oral competence. She denies difficulty chewing.\n';
const CLAIM = 'payer: Anthem\nnote: v.note\ndx A: M34.0\nline 1: 15773 dx A\n';

describe('evidence in a note', () => {
  const engine = fixtureEngine();
  const catalog = catalogFrom(engine.registry, engine.concepts);
  const check = (note: string) => {
    const host = { readText: (p: string) => (p === '/w/v.note' ? note : undefined) };
    return engine.check({ path: '/w/v.claim', text: CLAIM }, host);
  };

  it("a linking claim's met and near-miss sentences, with criterion, code and citation", () => {
    const entries = evidenceIn('/w/v.note', NOTE, [check(NOTE)], catalog);
    assert.deepEqual(
      entries.map((e) => [e.kind, e.criterion, e.code, e.citation, NOTE.slice(e.span.start, e.span.end), e.reason]),
      [
        ['met', 'expected-improvement', '15773', 'Anthem Blue Cross Connecticut MED.00132 §II', 'The grafting is expected to improve oral competence.', undefined],
        ['near', 'functional-impairment', '15773', 'Anthem Blue Cross Connecticut MED.00132 §II', 'She denies difficulty chewing.', 'negated'],
      ],
    );
  });

  it('a result checked on an older text of the note marks nothing where its quote moved', () => {
    const old = check(NOTE);
    const edited = `Addendum.\n${NOTE}`;
    assert.deepEqual(evidenceIn('/w/v.note', edited, [old], catalog), []);
    assert.equal(evidenceIn('/w/v.note', edited, [check(edited)], catalog).length, 2);
  });

  it('a sentence over two lines is marked whole', () => {
    const note = 'ASSESSMENT AND PLAN:\nThe grafting is expected to improve\noral competence.\n';
    const [e] = evidenceIn('/w/v.note', note, [check(note)], catalog);
    assert.equal(note.slice(e.span.start, e.span.end), 'The grafting is expected to improve\noral competence.');
  });

  it('evidence from another note is not this note’s', () => {
    assert.deepEqual(evidenceIn('/w/other.note', NOTE, [check(NOTE)], catalog), []);
  });
});
