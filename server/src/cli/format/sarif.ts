/** `--format sarif`: SARIF 2.1.0, for code-scanning UIs. Locations are 1-based there. */
import { RULES, RULES_BASE_URL, ruleInfo } from '../../engine';
import type { CheckResult, Finding } from '../../engine';
import type { Severity } from '../../engine';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * SARIF is meant to be uploaded (code scanning): it quotes no document text unless `includeText`
 * (`--include-text`); findings and related locations then give a line to look at instead.
 */
export function toSarif(results: CheckResult[], display: (p: string) => string, version: string, includeText = false): string {
  const text = (m: { message: string; plainMessage?: string }) => (includeText ? m.message : (m.plainMessage ?? m.message));
  const region = (f: { range: Finding['range'] }) => ({
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  });
  const uri = (p: string) => display(p).replace(/\\/g, '/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clinlint',
            version,
            informationUri: RULES_BASE_URL.replace(/blob\/main\/docs\/rules\/$/, ''),
            rules: RULES.map((id) => {
              const info = ruleInfo(id);
              return {
                id,
                shortDescription: { text: info.description },
                helpUri: `${RULES_BASE_URL}${id}.md`,
                defaultConfiguration: info.offByDefault ? { level: LEVEL[info.severity], enabled: false } : { level: LEVEL[info.severity] },
              };
            }),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: RULES.indexOf(f.rule),
            level: LEVEL[f.severity],
            message: { text: text(f) },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path) }, region: region(f) } }],
            ...(f.related.length
              ? {
                  relatedLocations: f.related.map((rel, id) => ({
                    id,
                    message: { text: text(rel) },
                    physicalLocation: { artifactLocation: { uri: uri(rel.path) }, region: region(rel) },
                  })),
                }
              : {}),
            properties: {
              ...(f.code ? { code: f.code } : {}),
              ...(f.criterion ? { criterion: f.criterion } : {}),
              ...(f.policy ? { policy: f.policy } : {}),
              ...(f.section ? { section: f.section } : {}),
            },
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
