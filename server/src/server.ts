/** The ClinLint language server: a connection, the open documents, the handlers. */
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerCodeActions } from './handlers/codeActions';
import { registerCommands } from './handlers/commands';
import { registerCompletion } from './handlers/completion';
import { registerDefinition } from './handlers/definition';
import { Diagnostics } from './handlers/diagnostics';
import { registerHover } from './handlers/hover';
import { registerLifecycle } from './handlers/lifecycle';
import { Session } from './session';
import { registerSymbols } from './handlers/symbols';

const connection = createConnection(ProposedFeatures.all);
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

documents.listen(connection);
connection.listen();
