/**
 * What the rule table (server/src/engine/rules.ts) generates: the `clinlint.severity.*` settings
 * of package.json and the header of each docs/rules/<id>.md page. Pure functions, so the drift
 * test and `npm run rules` (scripts/gen-rules.ts) compute the same text.
 */
import { RULES, ruleInfo, type RuleId } from '../../server/src/engine/rules';
import { SEVERITY_SETTINGS } from '../../server/src/services/severity';

/** The settings key of a rule's severity. */
export function severityKey(id: RuleId): string {
  return `clinlint.severity.${id}`;
}

/** "error (warning for ...)", "hint (off by default)": the default severity in words. */
export function defaultSeverityText(id: RuleId): string {
  const info = ruleInfo(id);
  const notes = Object.values(info.variants ?? {}).map((v) => `${v.severity} for ${v.for}`);
  if (info.offByDefault) notes.push('off by default');
  return notes.length ? `${info.severity} (${notes.join('; ')})` : info.severity;
}

/** `contributes.configuration.properties` entries for every rule, in table order. */
export function severitySettings(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of RULES) {
    const info = ruleInfo(id);
    out[severityKey(id)] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: SEVERITY_SETTINGS.map((v) =>
        v === 'default' ? `The severity ClinLint gives this finding: ${defaultSeverityText(id)}` : v === 'off' ? 'Do not report' : '',
      ),
      default: info.offByDefault ? 'off' : 'default',
      markdownDescription: `Severity of \`${id}\` diagnostics: ${info.description}`,
    };
  }
  return out;
}

/** The generated top of a rule page: title, description, default severity and its setting. */
export function docHeader(id: RuleId): string {
  return [
    `# \`${id}\``,
    '',
    ruleInfo(id).description,
    '',
    `Default severity: ${defaultSeverityText(id)}. Change it with the setting \`${severityKey(id)}\`.`,
    '',
  ].join('\n');
}

/** Where the hand-written part of a rule page starts (everything above it is generated). */
export const DOC_BODY_MARKER = '## What it means';

/** A rule page with its header replaced by the generated one (the body is kept as written). */
export function withDocHeader(id: RuleId, page: string): string {
  const at = page.indexOf(DOC_BODY_MARKER);
  return `${docHeader(id)}\n${at >= 0 ? page.slice(at) : `${DOC_BODY_MARKER}\n\n${ruleInfo(id).description}\n`}`;
}

/** package.json text with its severity settings replaced by the generated ones, in place. */
export function withSeveritySettings(packageJson: string): string {
  const pkg = JSON.parse(packageJson) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  const props = pkg.contributes.configuration.properties;
  const kept = Object.entries(props).filter(([k]) => !k.startsWith('clinlint.severity.'));
  pkg.contributes.configuration.properties = Object.fromEntries([...kept, ...Object.entries(severitySettings())]);
  return JSON.stringify(pkg, null, 2) + '\n';
}
