/** The analysed-note cache is bounded in bytes: a few large notes cannot hold the heap. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noteWeight, SourceCache, SOURCE_CACHE_BUDGET_BYTES } from '../../../server/src/engine/check/sources';
import { fixtureEngine } from './helpers';

const text = (n: number, chars: number) => `---\npatient: MRN ${String(n).padStart(3, '0')}\n---\n${'x'.repeat(chars)}\n`;

describe('SourceCache', () => {
  it('keeps the most recent notes within its byte budget, whatever their number', () => {
    const one = noteWeight(text(0, 100_000));
    const cache = new SourceCache(fixtureEngine().compiled, 3 * one);
    for (let i = 0; i < 50; i++) cache.note(`/n/${i}.note`, text(i, 100_000));
    assert.ok(cache.bytes <= cache.budget, `${cache.bytes} > ${cache.budget}`);
    assert.equal(cache.size, 3);
    // Least recently used first out: reading note 47 again keeps it over 48.
    const kept = cache.note('/n/47.note', text(47, 100_000));
    cache.note('/n/50.note', text(50, 100_000));
    assert.equal(cache.note('/n/47.note', text(47, 100_000)), kept, 'note 47 stayed cached');
    assert.equal(cache.size, 3);
  });

  it('a note heavier than the whole budget is analysed and not kept', () => {
    const cache = new SourceCache(fixtureEngine().compiled, 1000);
    const src = cache.note('/n/big.note', text(1, 10_000));
    assert.equal(src.note.patient?.value, 'MRN 001');
    assert.equal(cache.size, 0);
    assert.equal(cache.bytes, 0);
  });

  it('a new text for a path replaces its old weight; forget gives it back', () => {
    const cache = new SourceCache(fixtureEngine().compiled);
    cache.note('/n/a.note', text(1, 1000));
    cache.note('/n/a.note', text(1, 5000));
    assert.equal(cache.bytes, noteWeight(text(1, 5000)));
    cache.forget('/n/a.note');
    assert.deepEqual([cache.size, cache.bytes], [0, 0]);
  });

  it('states a budget of 64 MB', () => {
    assert.equal(SOURCE_CACHE_BUDGET_BYTES, 64 * 1024 * 1024);
    assert.equal(new SourceCache(fixtureEngine().compiled).budget, SOURCE_CACHE_BUDGET_BYTES);
  });
});
