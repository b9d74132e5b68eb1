/** Determinations -> findings: rule ids, severities, messages, related evidence, fix data. */
import type { NoteDocument } from '../documents/model';
import type { CodeDetermination } from '../determine/determine';
import type { LineIndex } from '../lineIndex';
import type { PolicyRegistry } from '../policies/registry';
import type { Concept } from '../policies/schema';
import type { EvidenceRef, Finding, FindingData, RelatedInfo } from '../results';
import { ruleSeverity, type RuleId } from '../rules';
import type { Severity, Span } from '../types';
import { citation, missReason, nearMissText, quoteEvidence } from './messages';
import { insertionOffset } from './prompts';

/** The note a documentation prompt goes into (the note itself, or a claim's first linked note). */
export interface PromptTarget {
  path: string;
  note: NoteDocument;
  lines: LineIndex;
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
  const out: Finding[] = [];
  const { determination: d } = cd;
  const make = (
    rule: RuleId,
    severity: Severity,
    message: string,
    extra: Partial<FindingData> & { related?: EvidenceRef[]; relatedMessage?: string } = {},
  ): Finding => {
    const { related = [], relatedMessage = 'evidence', ...data } = extra;
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
      related: related.map((r): RelatedInfo => ({ path: r.path, range: r.range, message: relatedMessage })),
      data: { rule, code: d.code, ...data },
    };
  };

  for (const pd of d.policies) {
    const lp = ctx.registry.policy(pd.policy)!;
    const section = pd.reported;
    const cite = citation(lp, section);
    const ids = { policy: pd.policy, section };
    if (pd.status === 'not-covered' && pd.exclusion) {
      const ev = pd.exclusion.evidence;
      const why = ev ? `: ${quoteEvidence(ev.text)}` : '';
      out.push(
        make(
          'not-covered',
          ruleSeverity('not-covered'),
          `${d.code}: not covered, ${REASON[pd.exclusion.reason] ?? pd.exclusion.reason} — ${pd.exclusion.message} (${cite})${why}`,
          {
            ...ids,
            related: ev ? [ev] : [],
            relatedMessage: `${pd.exclusion.reason} (${cite})`,
          },
        ),
      );
    }
    if (pd.status === 'documentation-missing' && ctx.reportMissing) {
      for (const criterion of pd.missing) {
        const miss = pd.nearMisses.find((m) => m.criterion === criterion);
        const label = ctx.concepts.get(criterion)?.label ?? criterion;
        const why = miss ? `: ${nearMissText(miss)}` : '';
        out.push(
          make('missing-documentation', ruleSeverity('missing-documentation'), `${d.code}: no documentation of ${label} (${cite})${why}`, {
            ...ids,
            criterion,
            ...promptData(ctx, criterion),
            related: miss ? [miss.evidence] : [],
            relatedMessage: miss ? `does not document ${label}: ${missReason(miss)}` : undefined,
          }),
        );
      }
    }
    if (ctx.reportMissing) {
      for (const criterion of pd.advisory) {
        const label = ctx.concepts.get(criterion)?.label ?? criterion;
        out.push(
          make(
            'missing-documentation',
            ruleSeverity('missing-documentation', 'as-applicable'),
            `${d.code}: no documentation of ${label}, as applicable (${cite})`,
            {
              ...ids,
              criterion,
              ...promptData(ctx, criterion),
            },
          ),
        );
      }
    }
    if (pd.status === 'supported' && ctx.includeCriteriaMet) {
      const met = pd.met.map((m) => m.criterion).join(', ') || 'no criteria required';
      out.push(
        make('criteria-met', ruleSeverity('criteria-met'), `${d.code}: criteria met (${cite}): ${met}`, {
          ...ids,
          related: pd.met.map((m) => m.evidence),
        }),
      );
    }
  }
  for (const n of cd.notices) {
    const cite = citation(n.policy, n.section.id);
    const ev = n.evidence ? `: ${quoteEvidence(n.evidence.text)}` : '';
    const source = n.notice.citation ? ` See ${n.notice.citation}.` : '';
    out.push(
      make(n.notice.rule, ruleSeverity(n.notice.rule), `${d.code}: ${n.notice.message} (${cite})${ev}${source}`, {
        policy: n.policy.policy.id,
        section: n.section.id,
        related: n.evidence ? [n.evidence] : [],
        relatedMessage: n.notice.rule,
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
  const offset = insertionOffset(t.note, concept.promptSection);
  return { prompt: concept.prompt, insert: { path: t.path, offset, position: t.lines.positionAt(offset) } };
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
