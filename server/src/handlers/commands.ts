/** ClinLint's custom requests: checklist and rationale markdown, policy reload, memory use. */
import { basename } from 'node:path';
import type { CheckResult } from '../engine/results';
import { ChecklistRequest, type DocumentParams, type MarkdownResult, MemoryRequest, type MemoryResult, RationaleRequest, ReloadPoliciesRequest } from '../protocol';
import { renderChecklist } from '../services/checklist';
import { renderRationale } from '../services/rationale';
import type { Session } from './session';

export function registerCommands(s: Session): void {
  // The result is passed in: a file that is not open is checked once per request, never kept.
  const titleOf = (uri: string, r: CheckResult) => {
    const claimId = r.document.kind === 'claim' ? r.document.claimId?.value : undefined;
    return claimId ? `claim ${claimId} (${basename(s.pathOf(uri))})` : basename(s.pathOf(uri));
  };
  s.connection.onRequest(
    ChecklistRequest,
    s.guard('checklist', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r ? renderChecklist(r, s.catalog, titleOf(p.uri, r), s.lineLink) : 'ClinLint could not check this document.\n' };
    }),
  );
  s.connection.onRequest(
    RationaleRequest,
    s.guard('rationale', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r ? renderRationale(r, s.catalog, titleOf(p.uri, r)) : 'ClinLint could not check this document.\n' };
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
