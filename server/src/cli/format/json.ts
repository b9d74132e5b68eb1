/** `--format json`: exactly the object of SPEC 7 (0-based lines and characters). */
import { evidenceOf, type CheckResult, type EvidenceRef } from '../../engine';

/**
 * The lines (0-based) each scoped piece of evidence was used for (SPEC 4.1, 7): evidence whose
 * sentence names a body site documents only the lines at that site, and says which.
 */
function scopedUse(r: CheckResult): Map<string, number[]> {
  const used = new Map<string, Set<number>>();
  for (const d of r.determinations)
    for (const p of d.policies)
      for (const ev of p.met.flatMap(evidenceOf)) {
        if (!ev.sites?.length) continue;
        const key = `${ev.path}\u0000${ev.span.start}`;
        let set = used.get(key);
        if (!set) used.set(key, (set = new Set()));
        set.add(d.line);
      }
  const all = new Set(r.determinations.map((d) => d.line));
  const out = new Map<string, number[]>();
  for (const [k, v] of used) if (v.size < all.size) out.set(k, [...v].sort((a, b) => a - b));
  return out;
}

export function toJson(results: CheckResult[], display: (p: string) => string): string {
  const ref = (e: EvidenceRef, scoped?: Map<string, number[]>) => {
    const lines = scoped?.get(`${e.path}\u0000${e.span.start}`);
    return { path: display(e.path), line: e.line, text: e.text, ...(lines ? { lines } : {}) };
  };
  const files = results.map((r) => {
    const scoped = scopedUse(r);
    return {
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
            evidence: ref(m.evidence, scoped),
            // A criterion of several findings (allOf) quotes each part's statement.
            ...(m.also ? { also: m.also.map((e) => ref(e, scoped)) } : {}),
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
    };
  });
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
