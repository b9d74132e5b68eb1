/** The steps claims and notes share: payer/plan scope, code determinations, date checks. */
import { normalizeIcd10 } from '../documents/codes';
import type { ClaimDocument, NoteDocument, ParseProblem } from '../documents/model';
import { determineCode, policiesInScope, type CodeOccurrence, type DetermineContext } from '../determine/determine';
import { EvidenceSet, type DxCode, type EvidenceSource } from '../determine/evidenceSet';
import type { CompiledConcepts } from '../evidence/compile';
import { documentFinding, findingsFor, type PromptTarget } from '../findings/build';
import { policyLabel } from '../findings/messages';
import type { LineIndex } from '../lineIndex';
import type { PolicyRegistry } from '../policies/registry';
import { ruleSeverity } from '../rules';
import type { Determination, Finding } from '../results';
import type { Plan, Span } from '../types';
import { bySimilarity, quote } from '../documents/text';
import type { NoteFolders } from './noteAccess';

export interface CheckOptions {
  /** Defaults for documents that name none. */
  payer?: string;
  plan?: Plan;
  /** Emit `criteria-met` hints (off by default, as the setting is). */
  includeCriteriaMet?: boolean;
  /** Where a claim's notes may be read from (SPEC 9); unset, any readable path is (tests, tools). */
  noteFolders?: NoteFolders;
}

export interface CheckSetup {
  registry: PolicyRegistry;
  compiled: CompiledConcepts;
}

export interface DocumentFacts {
  path: string;
  text: string;
  lines: LineIndex;
  payer?: { value: string; span?: Span };
  plan: Plan;
  /** Date of service for the whole document (YYYY-MM-DD). */
  date?: string;
  sources: EvidenceSource[];
  dx: DxCode[];
  target?: PromptTarget;
  reportMissing: boolean;
}

export interface Occurrence extends CodeOccurrence {
  date?: string;
}

/** The ICD-10-CM codes a note mentions, as diagnoses that can document a criterion (B20, E88.1). */
export function noteDx(note: NoteDocument, path: string, lines: LineIndex): DxCode[] {
  return note.mentions
    .filter((m) => m.scheme === 'icd10')
    .map((m) => ({ code: normalizeIcd10(m.code.value), path, span: m.code.span, lines }));
}

/** The ICD-10-CM codes of a claim's valid `dx` entries. */
export function claimDx(claim: ClaimDocument, path: string, lines: LineIndex): DxCode[] {
  return claim.dx.filter((d) => d.valid).map((d) => ({ code: d.normalized, path, span: d.code.span, lines }));
}

/** Payer and plan of a document: its own header, else the defaults given, else commercial. */
export function headerScope(
  header: { payer?: { value: string; span: Span }; plan?: { value: Plan } },
  options: CheckOptions,
): Pick<DocumentFacts, 'payer' | 'plan'> {
  return {
    payer: header.payer ? { value: header.payer.value, span: header.payer.span } : options.payer ? { value: options.payer } : undefined,
    plan: header.plan?.value ?? options.plan ?? 'commercial',
  };
}

/** Parse problems keep their rule; a `syntax` problem the reader recovered from is a warning. */
export function problemFindings(lines: LineIndex, problems: readonly ParseProblem[]): Finding[] {
  return problems.map((p) =>
    documentFinding(
      lines,
      p.rule,
      p.message,
      p.span,
      {},
      p.rule === 'syntax' && p.recovered ? ruleSeverity('syntax', 'recovered') : undefined,
    ),
  );
}

/** Determinations and findings for every billed code occurrence of one document. */
export function checkCodes(
  setup: CheckSetup,
  facts: DocumentFacts,
  occurrences: readonly Occurrence[],
  options: CheckOptions,
): { determinations: Determination[]; findings: Finding[] } {
  const { registry, compiled } = setup;
  const findings: Finding[] = [];
  const scope = policiesInScope(registry, facts.payer?.value, facts.plan);
  if (scope.unknownPayer && facts.payer) {
    const known = registry.payers();
    findings.push(
      documentFinding(
        facts.lines,
        'unknown-payer',
        `unknown payer ${quote(facts.payer.value, 120)}: no loaded policy names it; its codes are not checked. ` +
          `Known payers: ${known.join(', ')}`,
        facts.payer.span ?? { start: 0, end: 0 },
        // The quick fixes, closest name first ("BCSB" -> "BCBS").
        { suggestions: bySimilarity(facts.payer.value, known) },
      ),
    );
  }
  const evidence = new EvidenceSet(compiled, facts.sources, facts.dx);
  const ctx: DetermineContext = {
    registry,
    evidence,
    policies: scope.policies,
    self: { path: facts.path, text: facts.text, lines: facts.lines },
  };
  const build = {
    registry,
    concepts: compiled.concepts,
    lines: facts.lines,
    target: facts.target,
    reportMissing: facts.reportMissing,
    includeCriteriaMet: Boolean(options.includeCriteriaMet),
  };
  const determinations: Determination[] = [];
  for (const occ of occurrences) {
    const cd = determineCode(ctx, occ, facts.lines);
    determinations.push(cd.determination);
    findings.push(...findingsFor(build, cd));
    const date = occ.date ?? facts.date;
    if (!date) continue;
    const seen = new Set<string>();
    for (const g of cd.governing) {
      const effective = g.policy.policy.effective;
      if (!effective || date >= effective || seen.has(g.policy.policy.id)) continue;
      seen.add(g.policy.policy.id);
      findings.push(
        documentFinding(
          facts.lines,
          'policy-not-effective',
          `${occ.code}: date of service ${date} is before ${policyLabel(g.policy)} took effect (${effective}); ` +
            'checked against the loaded version, the version then in force is not loaded',
          occ.span,
          { code: occ.code, policy: g.policy.policy.id },
        ),
      );
    }
  }
  return { determinations, findings };
}
