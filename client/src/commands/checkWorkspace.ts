/** clinlint.checkWorkspace: diagnostics for every note and claim, with a progress notification. */
import * as vscode from 'vscode';
// A pure module with no imports: the client shares the server's rule without bundling the engine.
// eslint-disable-next-line no-restricted-imports
import { SKIP_GLOB } from '../../../server/src/engine/skip';
import { CheckFilesRequest, type CheckFilesResult } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';

const BATCH = 25;

export function registerCheckWorkspace(context: vscode.ExtensionContext, handle: ClientHandle): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('clinlint.checkWorkspace', async (): Promise<CheckFilesResult> => {
      const client = await handle.ready();
      const found = await vscode.workspace.findFiles('**/*.{note,claim}', SKIP_GLOB);
      // Claims first: a note checked after the claims that link it is published once, with its
      // gaps already pointing at the claims (one gap, one diagnostic).
      const isClaim = (u: vscode.Uri) => (/\.claim$/i.test(u.path) ? 0 : 1);
      const uris = [...found].sort((a, b) => isClaim(a) - isClaim(b));
      const total: CheckFilesResult = { files: 0, problems: 0 };
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'ClinLint: checking the workspace', cancellable: true },
        async (progress, token) => {
          for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
            const batch = uris.slice(i, i + BATCH).map((u) => client.code2ProtocolConverter.asUri(u));
            const r = await client.sendRequest(CheckFilesRequest, { uris: batch }, token);
            total.files += r.files;
            total.problems += r.problems;
            progress.report({ increment: (100 * batch.length) / uris.length, message: `${total.files} of ${uris.length} files` });
          }
        },
      );
      void vscode.window.showInformationMessage(
        `ClinLint checked ${total.files} files: ${total.problems} ${total.problems === 1 ? 'problem' : 'problems'}.`,
      );
      return total;
    }),
  );
}
