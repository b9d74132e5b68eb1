/** clinlint/evidence: the evidence sentences of an open note, as ranges the client decorates. */
import { type DocumentParams, EvidenceRequest, type EvidenceResult } from '../protocol';
import { MISS_WORDS } from '../engine';
import { evidenceIn } from '../services/evidence';
import type { Session } from '../session';

export function registerEvidence(s: Session): void {
  s.connection.onRequest(
    EvidenceRequest,
    s.guard('evidence', (p: DocumentParams): EvidenceResult => {
      const doc = s.documents.get(p.uri);
      if (!doc || doc.languageId === 'claim-draft' || !s.isClinical(doc.uri, doc.languageId)) return { uri: p.uri, marks: [] };
      const result = s.resultFor(doc.uri);
      if (!result) return { uri: p.uri, version: doc.version, marks: [] };
      const text = doc.getText();
      const entries = evidenceIn(result.path, text, [result, ...s.linkedResults(doc.uri)], s.catalog);
      return {
        uri: p.uri,
        version: doc.version,
        marks: entries.map((e) => ({
          range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) },
          kind: e.kind,
          criterion: e.criterion,
          label: e.label,
          code: e.code,
          citation: e.citation,
          ...(e.reason ? { reason: MISS_WORDS[e.reason] } : {}),
        })),
      };
    }),
  );
}
