/** textDocument/documentSymbol: claim headers, dx and lines; note headers, sections and codes. */
import { type DocumentSymbol, type DocumentSymbolParams, SymbolKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type OutlineItem, outline } from '../services/symbols';
import type { Session } from '../session';

const KIND: Record<OutlineItem['kind'], SymbolKind> = {
  header: SymbolKind.Property,
  dx: SymbolKind.Constant,
  line: SymbolKind.Event,
  section: SymbolKind.Namespace,
  code: SymbolKind.Number,
};

export function registerSymbols(s: Session): void {
  s.connection.onDocumentSymbol(
    s.guard('documentSymbol', (p: DocumentSymbolParams): DocumentSymbol[] | null => {
      const doc = s.documents.get(p.textDocument.uri);
      const result = doc && s.isClinical(doc.uri, doc.languageId) ? s.resultFor(doc.uri) : undefined;
      if (!doc || !result) return null;
      return outline(result.document).map((i) => toSymbol(doc, i));
    }),
  );
}

function toSymbol(doc: TextDocument, i: OutlineItem): DocumentSymbol {
  const range = { start: doc.positionAt(i.span.start), end: doc.positionAt(i.span.end) };
  const sel = { start: doc.positionAt(i.selection.start), end: doc.positionAt(i.selection.end) };
  // selectionRange must lie inside range.
  const inside = i.selection.start >= i.span.start && i.selection.end <= i.span.end;
  return {
    name: i.name || '(empty)',
    detail: i.detail,
    kind: KIND[i.kind],
    range,
    selectionRange: inside ? sel : range,
    children: i.children.map((c) => toSymbol(doc, c)),
  };
}
