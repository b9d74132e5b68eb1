/** Determinations -> findings: rule ids, severities, messages, related evidence, fix data. */
import type { CodeDetermination } from '../determine/determine';
import type { LineIndex } from '../lineIndex';
import type { PolicyRegistry } from '../policies/registry';
import type { Concept } from '../policies/schema';
import type { EvidenceRef, Finding, FindingData, RelatedInfo } from '../results';
import { ruleSeverity, type RuleId } from '../rules';
import type { Severity, Span } from '../types';
import { citation, missReason, nearMissText, quoteEvidence, rowMessage } from './messages';

/** The note a documentation prompt goes into (the note itself, or a claim's first linked note). */
export interface PromptTarget {
  path: string;
}

export interface BuildContext {
  registry: PolicyRegistry;
  concepts: ReadonlyMap<string, Concept>;
  /** The checked document's line index (findings are ranged on it). */
  lines: LineIndex;
  target?: PromptTarget;
  /** False for a claim with no readable note: its no-note / note-not-found finding says it all. */
  reportMissing: boolean;
  includeCriteriaMet: boolean;
}

const REASON: Record<string, string> = {
  investigational: 'investigational',
  cosmetic: 'cosmetic',
  exclusion: 'excluded',
};

export function findingsFor(ctx: BuildContext, cd: CodeDetermination): Finding[] {
  const { determination: d } = cd;
  const make = (
    rule: RuleId,
    severity: Severity,
    message: string,
    extra: Partial<FindingData> & { related?: EvidenceRef[]; relatedMessage?: string; relatedPlain?: string } = {},
  ): Finding => {
    // relatedPlain: the related rows' wording without note text, for reports meant to be
    // uploaded (SARIF without --include-text); the message itself never quotes the note.
    const { related = [], relatedMessage = 'evidence', relatedPlain, ...data } = extra;
    return {
      rule,
      severity,
      message,
      span: d.span,
      range: d.range,
      criterion: data.criterion,
      policy: data.policy,
      section: data.section,
      code: d.code,
      related: related.map((r): RelatedInfo => ({
        path: r.path,
        range: r.range,
        message: relatedMessage,
        ...(relatedPlain !== undefined ? { plainMessage: relatedPlain } : {}),
      })),
      data: { rule, code: d.code, ...data },
    };
  };

  // The deciding finding first (SPEC 5): a denial, then the gaps, then what is only advisory.
  // A line that is not covered shows the denial alone; its missing criteria stay in the
  // determination (hover, JSON), not in extra diagnostics.
  const denials: Finding[] = [];
  const gaps: Finding[] = [];
  const advisories: Finding[] = [];
  const hints: Finding[] = [];
  const denied = d.status === 'not-covered';
  for (const pd of d.policies) {
    const lp = ctx.registry.policy(pd.policy)!;
    const section = pd.reported;
    const cite = citation(lp, section);
    const ids = { policy: pd.policy, section };
    if (pd.status === 'not-covered' && pd.exclusion) {
      const ev = pd.exclusion.evidence;
      const reason = REASON[pd.exclusion.reason] ?? pd.exclusion.reason;
      denials.push(
        make('not-covered', ruleSeverity('not-covered'), rowMessage(d.code, `not covered, ${reason}`, cite), {
          ...ids,
          related: ev ? [ev] : [],
          relatedMessage: `${ev ? `${quoteEvidence(ev.text)}: ` : ''}${reason}, ${pd.exclusion.message}`,
          relatedPlain: `${reason}, ${pd.exclusion.message}`,
        }),
      );
    }
    if (denied || !ctx.reportMissing) continue;
    if (pd.status === 'documentation-missing') {
      for (const criterion of pd.missing) {
        const miss = pd.nearMisses.find((m) => m.criterion === criterion);
        const label = ctx.concepts.get(criterion)?.label ?? criterion;
        gaps.push(
          make('missing-documentation', ruleSeverity('missing-documentation'), rowMessage(d.code, `no documentation of ${label}`, cite), {
            ...ids,
            criterion,
            ...promptData(ctx, criterion),
            related: miss ? [miss.evidence] : [],
            relatedMessage: miss ? `does not document ${label}: ${nearMissText(miss)}` : undefined,
            relatedPlain: miss ? `does not document ${label}: ${missReason(miss, false)}` : undefined,
          }),
        );
      }
    }
    for (const criterion of pd.advisory) {
      const label = ctx.concepts.get(criterion)?.label ?? criterion;
      advisories.push(
        make(
          'missing-documentation',
          ruleSeverity('missing-documentation', 'as-applicable'),
          rowMessage(d.code, `no documentation of ${label}`, cite, ', as applicable'),
          {
            ...ids,
            criterion,
            ...promptData(ctx, criterion),
          },
        ),
      );
    }
    if (pd.status === 'supported' && ctx.includeCriteriaMet) {
      const met = pd.met.map((m) => m.criterion).join(', ') || 'no criteria required';
      hints.push(
        make('criteria-met', ruleSeverity('criteria-met'), rowMessage(d.code, `criteria met: ${met}`, cite), {
          ...ids,
          related: pd.met.map((m) => m.evidence),
        }),
      );
    }
  }
  const out = [...denials, ...gaps, ...advisories, ...hints];
  for (const n of cd.notices) {
    const cite = citation(n.policy, n.section.id);
    const source = n.notice.citation ? ` See ${n.notice.citation}.` : '';
    out.push(
      make(n.notice.rule, ruleSeverity(n.notice.rule), rowMessage(d.code, n.notice.message, cite), {
        policy: n.policy.policy.id,
        section: n.section.id,
        related: n.evidence ? [n.evidence] : [],
        relatedMessage: `${n.evidence ? `${quoteEvidence(n.evidence.text)}: ` : ''}${n.notice.message}${source}`,
        relatedPlain: `${n.notice.message}${source}`,
      }),
    );
  }
  return out;
}

function promptData(ctx: BuildContext, criterion: string): Partial<FindingData> {
  const concept = ctx.concepts.get(criterion);
  if (!concept) return {};
  const t = ctx.target;
  if (!t) return { prompt: concept.prompt };
  return { prompt: concept.prompt, insert: { path: t.path, section: concept.promptSection } };
}

/** A finding that is not about a code's determination (syntax, payer, notes, dates). */
export function documentFinding(
  lines: LineIndex,
  rule: RuleId,
  message: string,
  span: Span,
  data: Partial<FindingData> = {},
  severity: Severity = ruleSeverity(rule),
): Finding {
  return { rule, severity, message, span, range: lines.range(span), related: [], data: { rule, ...data } };
}
