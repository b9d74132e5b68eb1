/** ClinLint's custom requests: checklist and rationale markdown, policy reload, memory use. */
import {
  ChecklistRequest,
  type DocumentParams,
  type MarkdownResult,
  MemoryRequest,
  type MemoryResult,
  RationaleRequest,
  ReloadPoliciesRequest,
} from '../protocol';
import { renderChecklist } from '../services/checklist';
import { documentTitle, draftRationale } from '../services/rationale';
import type { Session } from '../session';

export function registerCommands(s: Session): void {
  // The result is checked per request: a file that is not open is checked once, never kept.
  s.connection.onRequest(
    ChecklistRequest,
    s.guard('checklist', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r ? renderChecklist(r, s.catalog, documentTitle(r), s.lineLink) : 'ClinLint could not check this document.\n' };
    }),
  );
  s.connection.onRequest(
    RationaleRequest,
    s.guard('rationale', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r && s.engine ? draftRationale(s.engine, r, s.host, s.catalog) : 'ClinLint could not check this document.\n' };
    }),
  );
  s.connection.onRequest(
    ReloadPoliciesRequest,
    s.guard('reloadPolicies', () => {
      s.loadPolicies();
      return { policies: s.catalog.policies.length, errors: s.policyErrors.length };
    }),
  );
  s.connection.onRequest(
    MemoryRequest,
    s.guard('memory', (): MemoryResult => {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      return {
        heapUsedBytes: m.heapUsed,
        rssBytes: m.rss,
        cache: s.engine?.cacheUse ?? { notes: 0, bytes: 0, budget: 0 },
        results: s.results.size,
      };
    }),
  );
}
