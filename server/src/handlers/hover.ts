/** textDocument/hover: a code's policies and checklist, or what a piece of evidence supports. */
import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver/node';
import { hoverAt } from '../services/hover';
import type { Session } from '../session';

export function registerHover(s: Session): void {
  s.connection.onHover(
    s.guard('hover', (p: HoverParams): Hover | null => {
      const doc = s.documents.get(p.textDocument.uri);
      if (!doc || !s.isClinical(doc.uri, doc.languageId)) return null;
      const result = s.resultFor(doc.uri);
      if (!result) return null;
      const h = hoverAt(result, s.catalog, doc.offsetAt(p.position), { related: s.linkedResults(doc.uri), link: s.lineLink });
      if (!h) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: h.markdown },
        range: { start: doc.positionAt(h.span.start), end: doc.positionAt(h.span.end) },
      };
    }),
  );
}
