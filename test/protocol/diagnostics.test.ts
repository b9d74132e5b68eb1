/** Diagnostics over the wire: on open, debounced change, cross-file re-check, severities. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ROOT, scratchWorkspace } from './lsp';
import { CheckFilesRequest } from '../../server/src/protocol';

const FUNCTIONAL = '\nShe is unable to close her mouth fully and has difficulty chewing because of perioral skin tightness.\n';

describe('diagnostics', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ root: scratchWorkspace() });
  });
  after(() => c.stop());

  it('initialize answers the capabilities', () => {
    for (const cap of ['hoverProvider', 'codeActionProvider', 'completionProvider', 'definitionProvider', 'documentSymbolProvider', 'textDocumentSync']) {
      assert.ok(c.capabilities[cap], `capability ${cap}`);
    }
  });

  it('publishes missing-documentation on the billed code of an opened claim', async () => {
    const uri = c.open('graft.claim');
    const diags = await c.diagnostics(uri, (d) => d.some((x) => x.code === 'missing-documentation'));
    const d = diags.find((x) => x.code === 'missing-documentation')!;
    assert.equal(d.source, 'clinlint');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 10, character: 8 }, end: { line: 10, character: 13 } });
    assert.match(String(d.message), /15773: no documentation of significant functional impairment \(Anthem MED\.00132 §II\)/);
    assert.equal((d.data as { criterion: string }).criterion, 'functional-impairment');
    assert.equal((d.data as { rule: string }).rule, 'missing-documentation');
    if (existsSync(join(ROOT, 'docs/rules'))) assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/missing-documentation\.md$/);
    // criteria-met is off by default; benefit-limitation is information.
    assert.ok(!diags.some((x) => x.code === 'criteria-met'));
    assert.equal(diags.find((x) => x.code === 'benefit-limitation')?.severity, 3);
    // Evidence used is related information into the note.
    const info = diags.find((x) => x.code === 'benefit-limitation')!;
    assert.ok(info.relatedInformation?.some((r) => r.location.uri.endsWith('/graft.note')));
  });

  it('re-checks an open claim when the note it links changes', async () => {
    const claim = c.uri('graft.claim');
    await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
    const note = c.open('graft.note');
    await c.diagnostics(note, (d) => d.some((x) => x.code === 'missing-documentation'));
    c.change(note, c.text(note) + FUNCTIONAL);
    const diags = await c.diagnostics(claim, (d) => !d.some((x) => x.code === 'missing-documentation'));
    assert.ok(diags.some((x) => x.code === 'benefit-limitation'), 'the claim was re-checked, not cleared');
    // Closing the note makes the claim read it from disk again (without the new sentence).
    c.close(note);
    await c.diagnostics(claim, (d) => d.some((x) => x.code === 'missing-documentation'));
  });

  it('debounces changes and publishes only the latest version', async () => {
    const uri = c.open('unknown-payer.claim');
    await c.diagnostics(uri, (d, p) => p.version === 1);
    const base = c.text(uri);
    c.change(uri, base.replace('Acme Health', 'Acme'));
    c.change(uri, base.replace('Acme Health', 'Acme Hea'));
    const v4 = c.change(uri, base.replace('Acme Health', 'Anthem'));
    const diags = await c.diagnostics(uri, (_d, p) => p.version === v4);
    assert.ok(!diags.some((x) => x.code === 'unknown-payer'));
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.ok(!versions.includes(2) && !versions.includes(3), `stale versions were published: ${versions}`);
  });

  it('applies severity overrides from settings, and "off"', async () => {
    const uri = c.uri('graft.claim');
    const warn = c.nextDiagnostics(uri, (d) => d.some((x) => x.code === 'missing-documentation' && x.severity === 2));
    await c.setSettings({ severity: { 'missing-documentation': 'warning' } });
    await warn;
    const off = c.nextDiagnostics(uri, (d) => !d.some((x) => x.code === 'missing-documentation'));
    await c.setSettings({ severity: { 'missing-documentation': 'off', 'criteria-met': 'hint' } });
    await off;
    // criteria-met (off by default) shows on a supported claim once a setting turns it on.
    const complete = c.open('complete.claim');
    await c.diagnostics(complete, (d) => d.some((x) => x.code === 'criteria-met' && x.severity === 4));
    await c.setSettings({});
    await c.diagnostics(complete, (d) => !d.some((x) => x.code === 'criteria-met'));
    await c.diagnostics(uri, (d) => d.some((x) => x.code === 'missing-documentation' && x.severity === 1));
  });

  it('checks unopened files on request (check workspace)', async () => {
    const r = await c.request(CheckFilesRequest, { uris: [c.uri('draft.claim')] });
    assert.equal(r.files, 1);
    assert.ok(r.problems >= 1);
    const diags = await c.diagnostics(c.uri('draft.claim'));
    assert.ok(diags.some((x) => x.code === 'no-note'));
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = c.uri('graft.claim');
    const cleared = c.nextDiagnostics(uri, (d) => d.length === 0);
    c.close(uri);
    await cleared;
  });
});
