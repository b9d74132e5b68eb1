/** `--format json`: exactly the object of SPEC 7 (0-based lines and characters). */
import { reportedSection } from '../../engine/findings/messages';
import type { CheckResult } from '../../engine/results';

export function toJson(results: CheckResult[], display: (p: string) => string): string {
  const files = results.map((r) => ({
    path: display(r.path),
    kind: r.kind,
    determinations: r.determinations.map((d) => ({
      code: d.code,
      line: d.line,
      status: d.status,
      policies: d.policies.map((p) => ({
        policy: p.policy,
        section: reportedSection(p),
        status: p.status,
        met: p.met.map((m) => ({
          criterion: m.criterion,
          evidence: { path: display(m.evidence.path), line: m.evidence.line, text: m.evidence.text },
        })),
        missing: p.missing,
        advisory: p.advisory,
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
