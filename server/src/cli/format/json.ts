/** `--format json`: exactly the object of SPEC 7 (0-based lines and characters). */
import type { CheckResult, EvidenceRef } from '../../engine';

export function toJson(results: CheckResult[], display: (p: string) => string): string {
  const ref = (e: EvidenceRef) => ({ path: display(e.path), line: e.line, text: e.text });
  const files = results.map((r) => ({
    path: display(r.path),
    kind: r.kind,
    determinations: r.determinations.map((d) => ({
      code: d.code,
      line: d.line,
      status: d.status,
      policies: d.policies.map((p) => ({
        policy: p.policy,
        section: p.reported,
        status: p.status,
        met: p.met.map((m) => ({
          criterion: m.criterion,
          evidence: ref(m.evidence),
        })),
        missing: p.missing,
        advisory: p.advisory,
        // How the determination explains itself (SPEC 7): the alternative reported, what
        // excluded it, and the words that were present for a missing criterion but did not count.
        ...(p.alternative ? { alternative: p.alternative } : {}),
        ...(p.status === 'not-covered' && p.exclusion
          ? {
              excludedBy: {
                reason: p.exclusion.reason,
                ...(p.exclusion.criterion ? { criterion: p.exclusion.criterion } : {}),
                ...(p.exclusion.evidence ? { evidence: ref(p.exclusion.evidence) } : {}),
              },
            }
          : {}),
        ...(p.nearMisses.length
          ? {
              nearMisses: p.nearMisses.map((m) => ({
                criterion: m.criterion,
                reason: m.reason,
                ...(m.trigger ? { trigger: m.trigger } : {}),
                evidence: ref(m.evidence),
              })),
            }
          : {}),
      })),
    })),
    diagnostics: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.criterion ? { criterion: f.criterion } : {}),
      ...(f.policy ? { policy: f.policy } : {}),
      ...(f.section ? { section: f.section } : {}),
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
