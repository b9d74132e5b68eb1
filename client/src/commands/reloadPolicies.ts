/** clinlint.reloadPolicies: reload every policy folder and re-check the open documents. */
import * as vscode from 'vscode';
import { ReloadPoliciesRequest } from '../../../server/src/protocol';
import type { ClientHandle } from '../extension';

export function registerReloadPolicies(context: vscode.ExtensionContext, handle: ClientHandle): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('clinlint.reloadPolicies', async () => {
      const client = await handle.ready();
      const r = await client.sendRequest(ReloadPoliciesRequest);
      const msg = `ClinLint loaded ${r.policies} policies${r.errors ? ` (${r.errors} policy file errors: see the Problems panel)` : ''}.`;
      void (r.errors ? vscode.window.showWarningMessage(msg) : vscode.window.showInformationMessage(msg));
      return r;
    }),
  );
}
