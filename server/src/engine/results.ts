/** What the engine returns for one document: determinations per code, findings per rule. */
import type { ParsedDocument } from './documents/model';
import type { PromptSection } from './findings/prompts';
import type { RuleId } from './rules';
import type { Range, Severity, Span, Status } from './types';

/** Where a piece of evidence was found: the document, its 0-based line, the quoted text. */
export interface EvidenceRef {
  path: string;
  line: number;
  text: string;
  span: Span;
  range: Range;
  /** The body sites its sentence names: it documents only for lines at those sites (SPEC 4.1). */
  sites?: readonly string[];
}

export interface CriterionMet {
  criterion: string;
  evidence: EvidenceRef;
  /** A criterion of several findings (`allOf`): the evidence of its other parts, in order. */
  also?: readonly EvidenceRef[];
}

/** Every statement a met criterion is documented by: its evidence, then its other parts'. */
export function evidenceOf(m: CriterionMet): EvidenceRef[] {
  return [m.evidence, ...(m.also ?? [])];
}

/** Why a mention did not count: negated, hypothetical, another person, a number too low. */
export interface NearMiss {
  criterion: string;
  reason: 'negated' | 'hypothetical' | 'experiencer' | 'historical' | 'numeric' | 'scope';
  /** The trigger words that qualified the mention, e.g. "denies". */
  trigger?: string;
  /** A number read from the text, e.g. 37.5 (percent relief). */
  value?: number;
  /** For a numeric miss: the number it had to exceed, from the concept (`numeric.greaterThan`). */
  threshold?: number;
  evidence: EvidenceRef;
}

export interface PolicyDetermination {
  policy: string;
  section: string;
  /** The section findings cite and the JSON reports: the alternative when it is a numbered sub-section (I.A.1), else `section`. */
  reported: string;
  /** The alternative reported when an `any` tree fails (closest to being met), e.g. I.A.1. */
  alternative?: string;
  status: Exclude<Status, 'no-policy'>;
  met: CriterionMet[];
  missing: string[];
  advisory: string[];
  /** For not-covered: the exclusion reason and the evidence that triggered it. */
  exclusion?: { reason: string; message: string; criterion?: string; evidence?: EvidenceRef };
  nearMisses: NearMiss[];
}

export interface Determination {
  code: string;
  /** 0-based line of the code occurrence. */
  line: number;
  span: Span;
  range: Range;
  status: Status;
  policies: PolicyDetermination[];
  /** The body sites the billed line is for (SPEC 4.1); absent when it names none. */
  sites?: readonly string[];
  /** The routes of administration it is given by (a pump's trial must share one); absent when none is named. */
  routes?: readonly string[];
}

/** Everything a code action needs to fix a finding, with no second look-up (as vale-ls). */
export interface FindingData {
  rule: RuleId;
  criterion?: string;
  policy?: string;
  section?: string;
  code?: string;
  /** Documentation prompt to insert, as a snippet with ${n:placeholders}. */
  prompt?: string;
  /**
   * Where the prompt goes: the note (absolute path) and the kind of section. The offset is not
   * here: a fix computes it from the note's text when it runs, so an edit made since the check
   * cannot put the prompt in the middle of a word.
   */
  insert?: { path: string; section: PromptSection };
  /** Quick-fix replacements, e.g. known payer names for unknown-payer. */
  suggestions?: string[];
  /** For no-note: the template of a new note holding every prompt. */
  noteTemplate?: string;
}

export interface RelatedInfo {
  path: string;
  range: Range;
  message: string;
  /** The message without document text, when `message` quotes some (SARIF's default). */
  plainMessage?: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** The message without quoted document text, when `message` quotes some (SARIF's default). */
  plainMessage?: string;
  /** The document this finding is on (the one being checked). */
  span: Span;
  range: Range;
  criterion?: string;
  policy?: string;
  section?: string;
  code?: string;
  related: RelatedInfo[];
  data: FindingData;
}

export interface CheckResult {
  path: string;
  kind: 'claim' | 'note';
  document: ParsedDocument;
  determinations: Determination[];
  findings: Finding[];
  /** Paths of the notes this document draws evidence from (for cross-file re-checks). */
  linkedNotes: string[];
}
