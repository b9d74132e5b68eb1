/** Parsed documents: every element keeps its exact span in the source text. */
import type { Plan, Span } from '../types';

/** A value with the span of its text. */
export interface Spanned<T = string> {
  value: T;
  span: Span;
}

/** A problem in the document text itself (claim or note-header grammar), or a reader bug. */
export interface ParseProblem {
  rule: 'syntax' | 'internal-error';
  message: string;
  span: Span;
  /** The reader went on as if the text were right (an unknown key, a header given twice): a warning. */
  recovered?: true;
}

export interface Header {
  /** Lower-cased key as written (`payer`, `plan`...). */
  key: string;
  keySpan: Span;
  value: string;
  valueSpan: Span;
  /** Rules silenced on this line by `# clinlint-disable-line <rule>...` (empty list = all). */
  disabled?: string[];
}

export interface DxEntry {
  letter: Spanned; // 'A'..'L'
  code: Spanned; // ICD-10-CM as written (dot optional)
  /** Normalised code: upper case with the dot after the third character. */
  normalized: string;
  description?: Spanned;
  span: Span; // the whole entry line (without comment)
  valid: boolean;
  /** Rules silenced on this line by `# clinlint-disable-line <rule>...` (empty list = all). */
  disabled?: string[];
}

export interface ClaimLine {
  number: Spanned<number>;
  /** The billed code; `valid` false when malformed (then no determination is made). */
  code: Spanned;
  codeValid: boolean;
  modifiers: Spanned[];
  units?: Spanned<number>;
  pointers: Spanned[]; // dx letters
  date?: Spanned;
  drugs: Spanned[];
  description?: Spanned;
  /** Rules silenced on this line by `# clinlint-disable-line <rule>...` (empty list = all). */
  disabled?: string[];
  span: Span; // whole line, without trailing comment
  lineIndex: number; // 0-based line in the file
}

export interface ClaimDocument {
  kind: 'claim';
  text: string;
  headers: Header[];
  claimId?: Spanned;
  payer?: Spanned;
  plan?: Spanned<Plan>;
  patient?: Spanned;
  provider?: Spanned;
  date?: Spanned;
  notes: Spanned[]; // `note:` paths as written
  dx: DxEntry[];
  lines: ClaimLine[];
  problems: ParseProblem[];
}

/** The kinds of note section ClinLint tells apart (headings.ts maps headings to them). */
export const SECTION_KINDS = [
  'hpi',
  'past-history',
  'family-history',
  'social-history',
  'medications',
  'allergies',
  'ros',
  'exam',
  'assessment',
  'plan',
  'procedure',
  'indications',
  'findings',
  'other',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

export interface NoteSection {
  /** Heading as written, without the colon. */
  heading: string;
  kind: SectionKind;
  headingSpan: Span;
  /** From the start of the heading to the start of the next heading (or end of text). */
  span: Span;
  /** Where the body starts (after the heading and its colon). */
  bodyStart: number;
}

export interface CodeMention {
  code: Spanned; // as written
  /** Which scheme the context named: CPT/HCPCS codes are billed, ICD-10 codes are diagnoses. */
  scheme: 'procedure' | 'icd10';
  lineIndex: number;
}

export interface NoteDocument {
  kind: 'note';
  text: string;
  /** Front matter between `---` lines at the top. */
  headers: Header[];
  payer?: Spanned;
  plan?: Spanned<Plan>;
  patient?: Spanned;
  date?: Spanned;
  /** Offset where the body (after front matter) starts. */
  bodyStart: number;
  sections: NoteSection[];
  mentions: CodeMention[];
  problems: ParseProblem[];
}

export type ParsedDocument = ClaimDocument | NoteDocument;
