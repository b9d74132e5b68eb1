/**
 * What the editor features need to know about the loaded policies, independent of how the
 * engine's registry stores them. `fromEngine` (engineAdapter.ts) builds one per load.
 */
import type { Range } from '../engine';

export interface PolicyInfo {
  id: string;
  title: string;
  payer: string;
  aliases: string[];
  plans: string[];
  effective?: string;
  revised?: string;
  notes: string[];
  /** Absolute path of the policy file. */
  file?: string;
}

export interface SectionInfo {
  policy: PolicyInfo;
  id: string;
  title: string;
  kind: string;
  text: string;
  codes: string[];
  /** Where the section object sits in its policy file (for go to definition). */
  range?: Range;
  /** Drugs approved for the pump the section governs (completion in a line's `drug` field). */
  drugs: string[];
  /** What makes a governed code not covered, and the criteria that would trigger or prevent it. */
  exclusions: ExclusionInfo[];
  /** Notices the section adds without changing a status (benefit limitation, drug safety). */
  notices: { rule: string; message: string }[];
}

export interface ExclusionInfo {
  reason: string;
  message: string;
  /** Criteria whose documentation triggers the exclusion. */
  when: string[];
  /** Criteria whose documentation keeps it from applying (the `not` of its condition). */
  unless: string[];
}

export interface ConceptInfo {
  id: string;
  label: string;
  prompt?: string;
}

export interface Catalog {
  readonly policies: PolicyInfo[];
  /** Every loaded section that governs the code (any payer, plan or `when`). */
  sectionsFor(code: string): SectionInfo[];
  section(policyId: string, sectionId: string): SectionInfo | undefined;
  /** Every section of one policy, in the policy's order. */
  sectionsOf(policyId: string): SectionInfo[];
  /** The descriptor the policies' code tables give. */
  descriptor(code: string): string | undefined;
  /**
   * Every code the loaded policies govern, with its descriptor when one is known; with a scope,
   * only the codes of that payer's policies (all policies when the payer is unknown) on that plan.
   */
  codes(scope?: { payer?: string; plan?: string }): { code: string; descriptor?: string }[];
  /** Payer names and aliases, as a claim may write them. */
  payers(): string[];
  concept(id: string): ConceptInfo | undefined;
}

/** A criterion id in words: the concept's label, else the id with spaces. */
export function criterionLabel(catalog: Catalog, id: string): string {
  return catalog.concept(id)?.label ?? id.replace(/-/g, ' ');
}

export const EMPTY_CATALOG: Catalog = {
  policies: [],
  sectionsFor: () => [],
  section: () => undefined,
  sectionsOf: () => [],
  descriptor: () => undefined,
  codes: () => [],
  payers: () => [],
  concept: () => undefined,
};
