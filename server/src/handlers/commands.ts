/** ClinLint's custom requests: checklist and rationale markdown, policy reload. */
import { ChecklistRequest, type DocumentParams, type MarkdownResult, RationaleRequest, ReloadPoliciesRequest } from '../protocol';
import { renderChecklist } from '../services/checklist';
import { documentTitle, draftRationale } from '../services/rationale';
import type { Session } from './session';

export function registerCommands(s: Session): void {
  s.connection.onRequest(
    ChecklistRequest,
    s.guard('checklist', (p: DocumentParams): MarkdownResult => {
      const r = s.resultFor(p.uri);
      return { markdown: r ? renderChecklist(r, s.catalog, documentTitle(r)) : 'ClinLint could not check this document.\n' };
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
}
