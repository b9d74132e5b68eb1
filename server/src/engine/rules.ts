/** Every diagnostic code: default severity and one line of description (docs/rules/<id>.md has more). */
import type { RuleId, Severity } from './types';

export interface RuleInfo {
  id: RuleId;
  /** Default severity; `off` rules are not reported unless turned on in settings. */
  severity: Severity | 'off';
  description: string;
}

export const RULE_INFO: Record<RuleId, RuleInfo> = {
  'missing-documentation': { id: 'missing-documentation', severity: 'error', description: 'A criterion the governing policy requires is not documented (a warning for criteria required "as applicable").' },
  'not-covered': { id: 'not-covered', severity: 'error', description: 'The code is not covered: investigational, cosmetic, or an exclusion is documented.' },
  'unapproved-drug': { id: 'unapproved-drug', severity: 'warning', description: 'A drug for an implanted pump or its trial is not FDA-approved for that use, or is a mixture or compounded.' },
  'policy-not-effective': { id: 'policy-not-effective', severity: 'warning', description: "The date of service is before the policy's effective date." },
  'no-note': { id: 'no-note', severity: 'error', description: 'A claim bills codes but links no clinical note.' },
  'note-not-found': { id: 'note-not-found', severity: 'error', description: 'A note linked by a claim does not exist or cannot be read.' },
  'unknown-payer': { id: 'unknown-payer', severity: 'warning', description: 'The payer matches no loaded policy; its codes are not checked.' },
  syntax: { id: 'syntax', severity: 'error', description: 'The claim draft does not follow the claim grammar.' },
  'policy-error': { id: 'policy-error', severity: 'error', description: 'A policy or concept file is invalid.' },
  'benefit-limitation': { id: 'benefit-limitation', severity: 'information', description: 'The policy notes a benefit limitation (e.g. reconstructive services may be excluded by the contract).' },
  'criteria-met': { id: 'criteria-met', severity: 'off', description: 'Every required criterion is documented (hint; off by default).' },
};

/** Where each rule's page lives, relative to the package root. */
export function rulePage(id: RuleId): string {
  return `docs/rules/${id}.md`;
}

/** Public home of the rule pages (codeDescription links, SARIF helpUri). */
export const RULES_BASE_URL = 'https://github.com/clinlint/clinlint/blob/main/docs/rules/';
