/** Activates ClinLint: the language client (server over IPC), status item, commands. */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type InitOptions, InsertPromptCommand, StatusNotification, type ServerStatus, TrustNotification } from '../../server/src/protocol';
import { registerCheckWorkspace } from './commands/checkWorkspace';
import { registerDocumentReports } from './commands/documentReports';
import { registerInsertPrompt } from './commands/insertPrompt';
import { registerDraftRationale } from './commands/draftRationale';
import { registerReloadPolicies } from './commands/reloadPolicies';
import { BundledPolicies } from './bundledPolicies';
import { EvidenceDecorations } from './evidence';
import { StatusItem } from './status';

export const SELECTOR = [{ language: 'clinical-note' }, { language: 'claim-draft' }];

let client: LanguageClient | undefined;

/** What the commands need: the running client (started on first use). */
export interface ClientHandle {
  ready(): Promise<LanguageClient>;
  output: vscode.LogOutputChannel;
  /** The last status the server sent (the extension's exports, for tests). */
  status(): ServerStatus | undefined;
  onStatus: vscode.Event<ServerStatus>;
  /** Evidence marks applied in visible notes (for tests). */
  evidence: EvidenceDecorations;
  /** What the language status item shows (for tests). */
  statusText(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<ClientHandle> {
  const output = vscode.window.createOutputChannel('ClinLint', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  const bundled = BundledPolicies.register(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitOptions = {
    trusted: vscode.workspace.isTrusted,
    settings: vscode.workspace.getConfiguration('clinlint'),
    // Prompt fixes run this client command: the note opens and the snippet goes in at the cursor.
    clientCommands: [InsertPromptCommand],
  };
  const clientOptions: LanguageClientOptions = {
    // Policy files too: their unsaved edits reload the policies (policy-error diagnostics live).
    // (`file:` only: the read-only view of a bundled policy is not a file the server should load.)
    documentSelector: [...SELECTOR, { language: 'json', scheme: 'file', pattern: '**/policies/**/*.json' }],
    outputChannel: output,
    initializationOptions,
    diagnosticCollectionName: 'clinlint',
    // Files changed outside the editor: policy files reload the policies, notes re-check their claims,
    // and files Check Workspace published are checked again (or cleared when deleted).
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,note,claim}') },
    middleware: bundled.middleware(),
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes): keep it.
  };
  client = new LanguageClient('clinlint', 'ClinLint', serverOptions, clientOptions);

  const status = new StatusItem(SELECTOR);
  context.subscriptions.push(status, output);
  context.subscriptions.push(client.onDidChangeState((e) => status.setState(e.newState)));
  let last: ServerStatus | undefined;
  const statusEvents = new vscode.EventEmitter<ServerStatus>();
  context.subscriptions.push(
    statusEvents,
    client.onNotification(StatusNotification, (s: ServerStatus) => {
      if (last?.pid !== s.pid) output.info(`server ${s.pid}: ${s.policies} policies from ${s.policyDirs.join(', ')}`);
      last = s;
      status.update(s);
      statusEvents.fire(s);
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TrustNotification, { trusted: true })),
    vscode.commands.registerCommand('clinlint.showOutput', () => output.show(true)),
  );

  const started = client.start().then(() => client!);
  started.catch((err) => output.appendLine(`ClinLint server failed to start: ${err instanceof Error ? err.message : String(err)}`));
  const evidence = new EvidenceDecorations(() => started);
  context.subscriptions.push(evidence);
  const handle: ClientHandle = {
    ready: () => started,
    output,
    status: () => last,
    onStatus: statusEvents.event,
    evidence,
    statusText: () => status.text,
  };
  registerCheckWorkspace(context, handle);
  registerDocumentReports(context, handle);
  registerInsertPrompt(context, handle);
  registerDraftRationale(context, handle);
  registerReloadPolicies(context, handle);
  return handle;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
