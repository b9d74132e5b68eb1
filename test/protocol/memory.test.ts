/**
 * Bounded memory: a workspace check over files that are not open keeps neither their texts
 * nor their results once their diagnostics are published (SPEC 9), so the server's heap does
 * not grow with the number or size of the files checked.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CheckFilesRequest, MemoryRequest } from '../../server/src/protocol';
import { syntheticNote } from '../../scripts/bench/corpus';
import { LspClient, scratchWorkspace, SERVER } from './lsp';

const MB = 1024 * 1024;

describe('memory', () => {
  it('Check Workspace over 40 closed notes of 1 MB keeps no text or result of theirs', async () => {
    const root = scratchWorkspace();
    const uris: string[] = [];
    for (let i = 0; i < 40; i++) {
      const path = join(root, `big-${i}.note`);
      writeFileSync(path, syntheticNote(MB, i));
      uris.push(pathToFileURL(path).href);
    }
    // --expose-gc: the memory request collects garbage first, so the heap is what is retained.
    const c = await LspClient.start({ root, args: ['--expose-gc', SERVER, '--stdio'] });
    try {
      const claim = c.open('graft.claim');
      await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
      const before = await c.request(MemoryRequest);
      for (let i = 0; i < uris.length; i += 10) {
        const r = await c.request(CheckFilesRequest, { uris: uris.slice(i, i + 10) });
        assert.equal(r.files, 10);
      }
      // Every note was checked and its diagnostics published (its code is governed).
      for (const uri of uris) assert.ok(c.published.some((p) => p.uri === uri), uri);
      const after = await c.request(MemoryRequest);
      assert.equal(after.results, 1, 'only the open claim keeps a result');
      assert.ok(after.cache.bytes <= after.cache.budget, JSON.stringify(after.cache));
      // The open claim's note is still cached; none of the 40 checked notes is.
      assert.equal(after.cache.notes, before.cache.notes, JSON.stringify({ before: before.cache, after: after.cache }));
      // 40 MB of text went through; keeping even the texts alone would add 40 MB.
      const grown = (after.heapUsedBytes - before.heapUsedBytes) / MB;
      assert.ok(grown < 15, `heap grew by ${grown.toFixed(1)} MB`);
    } finally {
      await c.stop();
    }
  });
});
