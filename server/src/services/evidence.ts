/**
 * The evidence written in one note: every sentence a determination used (met) or weighed and
 * set aside (near miss: negated, hypothetical, someone else's, a number too low), for the note's
 * own code mentions and for every claim that links the note. The editor marks these sentences
 * and the hover over one names the criterion and the code.
 */
import { evidenceOf, evidenceQuote, type CheckResult, type NearMiss, type Span } from '../engine';
import { type Catalog, criterionLabel } from './catalog';
import { citation } from './checklist';

export interface EvidenceEntry {
  kind: 'met' | 'near';
  span: Span;
  criterion: string;
  label: string;
  code: string;
  /** Payer, policy and section, e.g. "Anthem Blue Cross Connecticut MED.00132 §II". */
  citation: string;
  /** The checked document whose determination used this evidence (the note or a claim). */
  source: string;
  reason?: NearMiss['reason'];
  value?: number;
}

/**
 * Evidence located in `text` (the note at `path`) from `results`. A result checked against an
 * older text of the note (a claim not yet re-checked) is skipped where its quote no longer
 * stands at its span, so a mark never lands on the wrong words.
 */
export function evidenceIn(path: string, text: string, results: readonly CheckResult[], catalog: Catalog): EvidenceEntry[] {
  const out: EvidenceEntry[] = [];
  const seen = new Set<string>();
  const add = (e: EvidenceEntry, quoted: string) => {
    if (evidenceQuote(text, e.span) !== quoted) return;
    const key = `${e.kind}\u0000${e.span.start}\u0000${e.span.end}\u0000${e.criterion}\u0000${e.code}\u0000${e.citation}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const r of results) {
    for (const d of r.determinations) {
      for (const p of d.policies) {
        const cite = citation(p, catalog.section(p.policy, p.section));
        const base = { code: d.code, citation: cite, source: r.path };
        for (const m of p.met)
          for (const ev of evidenceOf(m)) {
            if (ev.path !== path) continue;
            add({ ...base, kind: 'met', span: ev.span, criterion: m.criterion, label: criterionLabel(catalog, m.criterion) }, ev.text);
          }
        for (const n of p.nearMisses) {
          if (n.evidence.path !== path) continue;
          add(
            {
              ...base,
              kind: 'near',
              span: n.evidence.span,
              criterion: n.criterion,
              label: criterionLabel(catalog, n.criterion),
              reason: n.reason,
              value: n.value,
            },
            n.evidence.text,
          );
        }
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
