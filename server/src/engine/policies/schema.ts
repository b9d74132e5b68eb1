/**
 * The zod schemas of policy files (`policies/*.json`) and concept files
 * (`policies/concepts/*.json`). The JSON Schemas in `policies/schema/` are generated from
 * these (`npm run schema`); a unit test fails when the checked-in copies drift.
 */
import { z } from 'zod';
import { SECTION_KINDS } from '../documents/model';

/** CPT (5 digits, or 4 digits + F/T) or HCPCS Level II (A-V + 4 digits). */
const CODE_RE = /^(?:\d{5}|\d{4}[FT]|[A-V]\d{4})$/;
const code = z.string().regex(CODE_RE, 'a CPT or HCPCS code such as 15773, 0489T or Q2028');
/** A single code or an inclusive range of codes of the same shape, `11400-11446`. */
const codeRef = z
  .string()
  .regex(
    /^(?:\d{5}|\d{4}[FT]|[A-V]\d{4})(?:-(?:\d{5}|\d{4}[FT]|[A-V]\d{4}))?$/,
    'a code (15773) or a range of codes (15771-15774)',
  );
const criterionId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'a criterion id in kebab-case, e.g. functional-impairment');
const isoDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'a date as YYYY-MM-DD (or YYYY-MM)');

export type Requirement =
  | string
  | { all: Requirement[]; id?: string; title?: string; codes?: string[]; siteOnly?: SiteOnly }
  | { any: Requirement[]; id?: string; title?: string; codes?: string[]; siteOnly?: SiteOnly }
  | { not: Requirement };

/**
 * For these codes, the alternative applies only to a line at one of these body sites (from its
 * description, modifiers or the note's procedure sentence; SPEC 4.1): CP.MP.31 I.A.4.b fits
 * 15773/15774 only at a facial site.
 */
interface SiteOnly {
  codes: string[];
  sites: string[];
}

const siteOnly = z.strictObject({ codes: z.array(codeRef).min(1), sites: z.array(z.string().min(1)).min(1) });

/**
 * A requirement tree over criterion ids. A branch may carry the policy's own number (`id`,
 * e.g. `I.A.2`) and the codes it is limited to: inside an `any`, only the alternatives that
 * fit the billed code are considered.
 */
const requirement: z.ZodType<Requirement> = z.lazy(() =>
  z.union([
    criterionId,
    z.strictObject({
      all: z.array(requirement).min(1),
      id: z.string().optional(),
      title: z.string().optional(),
      codes: z.array(codeRef).optional(),
      siteOnly: siteOnly.optional(),
    }),
    z.strictObject({
      any: z.array(requirement).min(1),
      id: z.string().optional(),
      title: z.string().optional(),
      codes: z.array(codeRef).optional(),
      siteOnly: siteOnly.optional(),
    }),
    z.strictObject({ not: requirement }),
  ]),
);

/** A condition that, when documented, makes the code not covered (cosmetic intent, headache). */
const exclusion = z.strictObject({
  when: requirement,
  reason: z.enum(['cosmetic', 'investigational', 'exclusion']),
  message: z.string().min(1),
});

/** A condition that adds a finding without changing the status (benefit limits, drug safety). */
const notice = z.strictObject({
  when: requirement.optional(),
  rule: z.enum(['benefit-limitation', 'unapproved-drug']),
  message: z.string().min(1),
  citation: z.string().optional(),
  drugs: z
    .array(z.string().min(1))
    .optional()
    .describe("for unapproved-drug: the drugs approved for the route, offered by completion in a claim line's drug field"),
});

const section = z.strictObject({
  id: z.string().min(1).describe('the section number as the policy numbers it: II, I.A.1, I.A.4.b'),
  title: z.string().min(1),
  kind: z.enum(['coverage', 'investigational', 'cosmetic', 'informational']),
  text: z.string().min(1).describe('verbatim text of the section, quoted in hovers'),
  codes: z.array(codeRef).describe('codes this section governs; descriptors come from the policy code table'),
  when: requirement
    .optional()
    .describe('the section governs a code only when this is documented (e.g. a cosmetic list)'),
  unlessMet: z
    .array(z.string().min(1))
    .optional()
    .describe('the section governs a code only when none of these sections of its policy is met for it (CP.MP.31 §II: no I.A met)'),
  requires: requirement.optional().describe('what must be documented for the code to be supported'),
  advisory: z
    .array(criterionId)
    .optional()
    .describe('criteria the policy asks for "as applicable": a warning, never a status change'),
  exclusions: z.array(exclusion).optional(),
  notices: z.array(notice).optional(),
});

export const policy = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1),
  title: z.string().min(1),
  payer: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  plans: z.array(z.enum(['commercial', 'medicare', 'medicaid'])).min(1),
  effective: isoDate.optional().describe('date the policy takes effect'),
  revised: isoDate.optional().describe('date of last revision or review'),
  source: z.string().min(1).describe('the document the policy was encoded from'),
  notes: z.array(z.string()).default([]).describe('policy notes shown in hovers'),
  codes: z
    .record(code, z.string().min(1))
    .describe('the policy code table: code -> descriptor as the policy gives it'),
  sections: z.array(section).min(1),
});

/**
 * Concept patterns are token sequences, matched in one pass by a token automaton (never a
 * backtracking regex): words are matched case-insensitively; `(a|b c)` is an alternation of
 * token sequences; `[a]` is optional; `walk*` matches a token starting with `walk`;
 * `#` matches a number; `...` skips up to three tokens.
 */
/** The patterns of one `together` combination, each a part that must match in the sentence. */
const combinationParts = z.array(z.string().min(1)).min(2).max(4);

export const concept = z.strictObject({
  $schema: z.string().optional(),
  id: criterionId,
  label: z.string().min(1).describe('the criterion in words, as messages say it'),
  description: z.string().min(1),
  patterns: z.array(z.string().min(1)).default([]),
  /**
   * A criterion the policy states as a conjunction of findings that need not share a sentence:
   * documented for a line when each of these concepts is (CP.MP.31 I.A.3: scar pain unresponsive
   * to conservative therapy AND a recurrently infected, unstable or friable scar). Its own
   * patterns are not read; each part's evidence is quoted.
   */
  allOf: z.array(criterionId).min(2).max(4).optional(),
  /** ICD-10-CM codes (prefixes) on the claim or in the note that document the concept. */
  icd10: z.array(z.string().regex(/^[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/)).default([]),
  /** Phrases that contain a mention but are not it ("spinal headache"): an overlapping match drops it. */
  except: z.array(z.string().min(1)).optional(),
  /** The mention counts only in a sentence that also matches one of these patterns. */
  near: z.array(z.string().min(1)).optional(),
  /**
   * The mention does not count in a sentence that matches one of these: it is about something
   * outside the criterion's own scope (a saline or placebo arm of a trial). A near miss, `scope`.
   */
  outOfScope: z.array(z.string().min(1)).optional(),
  /**
   * The mention documents only for a claim line of the route of administration it names (in its
   * sentence, else in the anchor sentence before it), when both name one: lexical classes
   * `route-<name>` (MP-442: a trial by the same route as the planned treatment).
   */
  sameRoute: z.boolean().optional(),
  /**
   * Note sections whose mentions are outside the concept's scope, a near miss `scope`: in an
   * allergy list, "Sulfa (headache)" is a drug's reaction, not the pain being treated.
   */
  outOfScopeSections: z.array(z.enum(SECTION_KINDS)).optional(),
  /** How many sentences before the mention a `near` anchor may stand in (0: the same sentence). */
  nearSentencesBefore: z.number().int().min(0).max(5).default(0),
  /**
   * Whether an anchor in the note's title stands for the whole note: a trial record titled
   * "INTRATHECAL TRIAL LOG" is the trial's in every line of scores. Not for a concept whose
   * anchor must be the subject of its own sentence (an expectation credited to "the procedure").
   */
  nearTitle: z.boolean().default(false),
  /** Whether a historical mention ("last year", past history) still documents it. */
  historical: z.enum(['counts', 'excludes']).default('counts'),
  /** Whether a hypothetical/future mention documents it (true for expected outcomes). */
  hypothetical: z.enum(['counts', 'excludes']).default('excludes'),
  /**
   * Whether a possible or queried mention ("?functional benefit", "possibly", "unable to say
   * whether") documents it; by default as `hypothetical` says. An expected outcome is future
   * by nature, but one in doubt is not a reasonable expectation.
   */
  uncertain: z.enum(['counts', 'excludes']).optional(),
  /** A number the mention must carry, e.g. pain relief greater than 50 percent. */
  numeric: z
    .strictObject({
      measure: z.enum(['relief-percent']),
      greaterThan: z.number(),
    })
    .optional(),
  /** Also matched against a claim line's `drug` field (unapproved drugs). */
  matchDrugField: z.boolean().default(false),
  /**
   * Combinations that document the concept when all their patterns match in one sentence, in any
   * order, within `window` tokens: "oral baclofen 20 mg TID for 6 months was not tolerated" is
   * `["@oral-baclofen", "@intolerance"]`. Each pattern may name lexical classes (`@class`).
   * `{ "inOrder": [...] }` asks for its parts in the order written: "atrophy secondary to HIV"
   * names a cause, "the tumor was difficult due to its size" does not.
   */
  together: z.array(z.union([combinationParts, z.strictObject({ inOrder: combinationParts })])).optional(),
  /**
   * A `together` combination may take the parts it lacks from the sentence before, when this
   * sentence refers back to it before its own parts ("baclofen 20 mg TID. At that dose she slept
   * all day and it did not loosen her legs"): words of the lexical class `anaphor` (`true`), or
   * of the lexical class named, for a concept that only some words may reach back for ("since
   * then": a cause in one sentence, the condition it left in the next).
   */
  anaphora: z.union([z.boolean(), z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lexical class id')]).optional(),
  /** The most tokens from the first to the last word of a `together` combination (default 14). */
  window: z.number().int().min(2).max(30).optional(),
  prompt: z.string().min(1).describe('documentation prompt, a snippet with ${1:placeholders}'),
  /** The note section a prompt goes in: `procedure` (a trial result) falls back to Assessment/Plan. */
  promptSection: z.enum(['procedure', 'assessment', 'plan', 'hpi', 'end']).default('assessment'),
});

/**
 * A lexical class: a named list of phrases (in the pattern language), defined once in
 * `policies/lexicon/` and used by any concept's patterns as `@id` (failure words, functions,
 * conservative therapies ...), so that a new phrasing is added once for every concept.
 */
export const lexicalClass = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
});

export type LexicalClass = z.infer<typeof lexicalClass>;
export type Policy = z.infer<typeof policy>;
export type Section = z.infer<typeof section>;
export type Notice = z.infer<typeof notice>;
export type Concept = z.infer<typeof concept>;
