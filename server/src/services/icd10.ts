/**
 * ICD-10-CM descriptions for a rationale's diagnosis list, from a code list the user has at run
 * time (CMS's `icd10cm_codes_<year>.txt` layout: the code without its dot, padded, then the
 * description). ClinLint ships no code list: a claim's own `dx` text comes first, and a code
 * with neither is listed without a description, saying so.
 */
import { normalizeIcd10 } from '../engine';

export interface Icd10List {
  /** Where the list came from, as the rationale names it (e.g. the file name). */
  source: string;
  describe(code: string): string | undefined;
}

export function parseIcd10List(text: string, source: string): Icd10List {
  const byCode = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z][0-9][0-9A-Z]{1,5})\s+(\S.*?)\s*$/.exec(line);
    if (m) byCode.set(m[1], m[2]);
  }
  return { source, describe: (code) => byCode.get(normalizeIcd10(code).replace('.', '')) };
}
