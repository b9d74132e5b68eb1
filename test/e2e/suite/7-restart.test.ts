import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ServerStatus } from '../../../server/src/protocol';
import { closeAll, diagnostics, fixture, has, lacks, open } from './helpers';

interface Exports {
  status(): ServerStatus | undefined;
  onStatus: vscode.Event<ServerStatus>;
}

describe('a crashed server', () => {
  after(closeAll);

  it('is restarted by the client and serves diagnostics again', async function () {
    this.timeout(60_000);
    const api = vscode.extensions.getExtension<Exports>('clinlint.clinlint')!.exports;
    const uri = fixture('unknown-payer.claim');
    const editor = await open(uri);
    const before = api.status();
    assert.ok(before?.pid, 'the server reported its pid');
    const restarted = new Promise<ServerStatus>((resolve) => {
      const sub = api.onStatus((s) => {
        if (s.pid !== before!.pid) {
          sub.dispose();
          resolve(s);
        }
      });
    });
    process.kill(before!.pid, 'SIGKILL');
    const after = await restarted;
    assert.strictEqual(after.policies, before!.policies);
    // The new server checks edits: make the payer unknown again and see the warning come back.
    const line = editor.document.lineAt(1);
    await editor.edit((e) => e.replace(line.range, 'payer: Nobody Health'));
    await diagnostics(uri, has('unknown-payer'));
    await editor.edit((e) => e.replace(editor.document.lineAt(1).range, 'payer: Anthem'));
    await diagnostics(uri, lacks('unknown-payer'));
  });
});
