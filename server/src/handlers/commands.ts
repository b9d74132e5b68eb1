/** ClinLint's custom requests: checklist and rationale markdown, policy reload. */
import { basename } from 'node:path';
import { ChecklistRequest, type DocumentParams, type MarkdownResult, RationaleRequest, ReloadPoliciesRequest } from '../protocol';
import { renderChecklist } from '../services/checklist';
import { renderRationale } from '../services/rationale';
import type { Session } from '../session';

export function registerCommands(s: Session): void {
  const titleOf = (uri: string) => {
    const r = s.resultFor(uri);
    const claimId = r?.document.kind === 'claim' ? r.document.claimId?.value : undefined;
    return claimId ? `claim ${claimId} (${basename(s.pathOf(uri))})` : basename(s.pathOf(uri));
  };
  s.connection.onRequest(
    ChecklistRequest,
    s.guard('checklist', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r ? renderChecklist(r, s.catalog, titleOf(p.uri)) : 'ClinLint could not check this document.\n' };
    }),
  );
  s.connection.onRequest(
    RationaleRequest,
    s.guard('rationale', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r ? renderRationale(r, s.catalog, titleOf(p.uri)) : 'ClinLint could not check this document.\n' };
    }),
  );
  s.connection.onRequest(
    ReloadPoliciesRequest,
    s.guard('reloadPolicies', () => {
      s.loadPolicies();
      return { policies: s.catalog.policies.length, errors: s.policyErrors.length };
    }),
  );
}
