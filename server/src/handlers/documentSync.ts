/**
 * Document sync as the LSP says: every didChange carries a newer version than the last.
 * TextDocuments applies whatever arrives, so this stands in front of it: a change whose
 * version is older than the open document's (or has none) is ignored and logged, since
 * applying it would roll the text back to a state the client has left. A change repeating
 * the current version is still applied (its text is what the client shows) and re-checked
 * like any edit (diagnostics.ts compares texts, not version numbers).
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Session } from '../session';

type SyncConnection = Parameters<Session['documents']['listen']>[0];

export function listenDocuments(s: Session): void {
  const c: Connection = s.connection;
  const sync: SyncConnection = {
    onDidOpenTextDocument: (h) => c.onDidOpenTextDocument(h),
    onDidChangeTextDocument: (h) =>
      c.onDidChangeTextDocument((p) => {
        const { uri, version } = p.textDocument;
        const current = s.documents.get(uri)?.version;
        if (typeof version !== 'number' || !Number.isInteger(version)) {
          s.protocolError(`ignored a change to ${s.describe(uri)} without a version number`);
          return;
        }
        if (current !== undefined && version < current) {
          s.protocolError(`ignored a change to ${s.describe(uri)}: version ${version} is older than the open document's ${current}`);
          return;
        }
        h(p);
      }),
    onDidCloseTextDocument: (h) => c.onDidCloseTextDocument(h),
    onWillSaveTextDocument: (h) => c.onWillSaveTextDocument(h),
    onWillSaveTextDocumentWaitUntil: (h) => c.onWillSaveTextDocumentWaitUntil(h),
    onDidSaveTextDocument: (h) => c.onDidSaveTextDocument(h),
  };
  s.documents.listen(sync);
}
