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
  /** The descriptor the policies' code tables give. */
  descriptor(code: string): string | undefined;
  /** Every code the loaded policies govern, with its descriptor when one is known. */
  codes(): { code: string; descriptor?: string }[];
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
  descriptor: () => undefined,
  codes: () => [],
  payers: () => [],
  concept: () => undefined,
};
