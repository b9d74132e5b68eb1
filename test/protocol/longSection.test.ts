/** A policy section of 130,000 lines: the hover on its code shows the start and links the rest (F11). */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { LspClient, positionOf, scratchWorkspace } from './lsp';

describe('hover over a huge section', () => {
  it('a code governed by a section of 130,000 lines gets a hover with its first lines and a link', async () => {
    const root = scratchWorkspace();
    mkdirSync(join(root, 'my-policies'));
    const text = Array.from({ length: 130_000 }, (_, i) => `Criterion line ${i + 1}.`).join('\n');
    const policy = { id: 'X-1', title: 'Long', payer: 'Acme Health', plans: ['commercial'], source: 'test', codes: { '15773': 'Fat graft' }, sections: [{ id: 'I', title: 'All', kind: 'coverage', text, codes: ['15773'] }] };
    writeFileSync(join(root, 'my-policies', 'long.json'), JSON.stringify(policy, null, 2));
    const c = await LspClient.start({ root, settings: { policyPaths: ['my-policies'] } });
    try {
      const claim = c.open('acme.claim', 'claim-draft', 'payer: Acme Health\nplan: commercial\nnote: graft.note\n\nline 1: 15773\n');
      await c.diagnostics(claim);
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: claim }, position: positionOf(c.text(claim), '15773', 1) });
      const md = (h?.contents as MarkupContent).value;
      assert.match(md, /> Criterion line 1\./);
      assert.match(md, /> Criterion line 40\./);
      assert.ok(!md.includes('Criterion line 41.'), 'only the start is quoted');
      assert.match(md, /The section continues for 129960 more lines: see \[long\.json\]\(file:\/\/.*long\.json#L\d+\)/);
    } finally {
      await c.stop();
    }
  });
});
