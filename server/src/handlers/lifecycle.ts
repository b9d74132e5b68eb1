/** initialize / initialized / configuration / trust / watched policy files. */
import {
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  CodeActionKind,
} from 'vscode-languageserver/node';
import { type InitOptions, TrustNotification, type TrustParams } from '../protocol';
import { INSERT_ALL_PROMPTS } from './codeActions';
import type { Session } from '../session';
import { fetchSettings, normalizeSettings, policiesChanged } from './settings';
import { fileURLToPath } from 'node:url';

export function registerLifecycle(s: Session): void {
  let canPull = false;
  let canRegisterConfig = false;

  s.connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPull = !!caps.workspace?.configuration;
    canRegisterConfig = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    s.snippetEdits = !!caps.workspace?.workspaceEdit?.snippetEditSupport;
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    s.trusted = opts.trusted !== false;
    s.clientCommands = new Set(Array.isArray(opts.clientCommands) ? opts.clientCommands.filter((c) => typeof c === 'string') : []);
    s.settings = normalizeSettings(opts.settings);
    s.workspaceFolders = (params.workspaceFolders ?? []).flatMap((f) => (f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : []));
    if (!s.workspaceFolders.length && params.rootUri?.startsWith('file:')) s.workspaceFolders = [fileURLToPath(params.rootUri)];
    // Load now, so the first didOpen is answered without waiting for the settings round trip.
    try {
      s.loadPolicies();
    } catch (err) {
      s.logError('loading policies', err);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, INSERT_ALL_PROMPTS] },
      },
      serverInfo: { name: 'clinlint', version: '0.1.0' },
    };
  });

  s.connection.onInitialized(
    s.safe('initialized', () => {
      if (canRegisterConfig) void s.connection.client.register(DidChangeConfigurationNotification.type, { section: 'clinlint' });
      void refresh(undefined);
    }),
  );

  const refresh = async (pushed: unknown) => {
    const next = await fetchSettings(s, canPull, pushed ?? s.settings);
    const reload = policiesChanged(s.settings, next) || !s.engine;
    s.settings = next;
    if (reload) s.loadPolicies();
    else for (const f of s.onReload) f(); // severities may have changed: republish
  };

  s.connection.onDidChangeConfiguration(
    s.safe('didChangeConfiguration', (p) => {
      const pushed = (p.settings as { clinlint?: unknown } | undefined)?.clinlint;
      refresh(pushed).catch((err) => s.logError('settings', err));
    }),
  );

  s.connection.onNotification(
    TrustNotification,
    s.safe('trust', (p: TrustParams) => {
      if (s.trusted === p.trusted) return;
      s.trusted = p.trusted;
      s.loadPolicies();
    }),
  );
}
