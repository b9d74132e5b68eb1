/**
 * Shared vocabulary of the engine. Everything here is plain data: no LSP or VS Code types,
 * so the CLI, the language server and the tests all speak it.
 *
 * Offsets are UTF-16 code-unit offsets into the document text (what JavaScript strings and
 * LSP positions count); `Range` is the 0-based line/character form used in findings.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Plan = 'commercial' | 'medicare' | 'medicaid';
export const PLANS: readonly Plan[] = ['commercial', 'medicare', 'medicaid'];

/** Diagnostic severities, most severe first (LSP's order). */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Status = 'supported' | 'documentation-missing' | 'not-covered' | 'no-policy';

/** Worse statuses sort higher: with no payer named, the worst over all policies wins. */
export const STATUS_RANK: Record<Status, number> = {
  'no-policy': 0,
  supported: 1,
  'documentation-missing': 2,
  'not-covered': 3,
};

export type DocumentKind = 'claim' | 'note';

/** The language id of each kind (SPEC 1): `*.claim` files are claim drafts, `*.note` clinical notes. */
const LANGUAGE_IDS: Record<DocumentKind, string> = { claim: 'claim-draft', note: 'clinical-note' };

/**
 * The one answer to "is this a claim or a note?": the editor's language id first (a user may map
 * `*.txt` to clinical-note), else the file extension; undefined for any other file.
 */
export function documentKind(path: string, languageId?: string): DocumentKind | undefined {
  if (languageId === LANGUAGE_IDS.claim) return 'claim';
  if (languageId === LANGUAGE_IDS.note) return 'note';
  if (/\.claim$/i.test(path)) return 'claim';
  if (/\.note$/i.test(path)) return 'note';
  return undefined;
}
