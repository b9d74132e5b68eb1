/** The ClinLint language server: a connection, the open documents, the handlers. */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerCodeActions } from './handlers/codeActions';
import { registerCommands } from './handlers/commands';
import { registerCompletion } from './handlers/completion';
import { registerDefinition } from './handlers/definition';
import { Diagnostics } from './handlers/diagnostics';
import { listenDocuments } from './handlers/documentSync';
import { registerEvidence } from './handlers/evidence';
import { registerHover } from './handlers/hover';
import { registerLifecycle } from './handlers/lifecycle';
import { Session } from './session';
import { registerSymbols } from './handlers/symbols';
import { createServerConnection } from './transport';

// The transport reports only once listening, when the session exists.
const connection = createServerConnection({ problem: (m) => session.protocolError(m), verbose: () => session.verbose });
const documents = new TextDocuments(TextDocument);
const session = new Session(connection, documents);

registerLifecycle(session);
new Diagnostics(session).register();
registerHover(session);
registerCodeActions(session);
registerCompletion(session);
registerSymbols(session);
registerDefinition(session);
registerCommands(session);
registerEvidence(session);

listenDocuments(session);
connection.listen();
