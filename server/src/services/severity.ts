/** Per-rule severity overrides from `clinlint.severity.<rule>`: the one severity function. */
import { ruleInfo, ruleSeverity, type RuleId } from '../engine';
import { SEVERITIES, type Severity } from '../engine';

/** The values of a `clinlint.severity.<rule>` setting, in the order the settings UI lists them. */
export const SEVERITY_SETTINGS = ['default', ...SEVERITIES, 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
export type SeverityOverrides = Partial<Record<string, SeveritySetting>>;

/**
 * The severity to publish, or undefined when the rule is off. Every diagnostic goes through
 * here: findings with the severity the engine gave them, policy errors with the rule's own.
 */
export function effectiveSeverity(rule: RuleId, engineSeverity: Severity, overrides: SeverityOverrides): Severity | undefined {
  const o = overrides[rule];
  if (o === 'off') return undefined;
  if (o !== undefined && o !== 'default') return o;
  return ruleInfo(rule).offByDefault ? undefined : engineSeverity;
}

/** Whether a rule is reported at all (off-by-default rules cost work only when turned on). */
export function ruleEnabled(rule: RuleId, overrides: SeverityOverrides): boolean {
  return effectiveSeverity(rule, ruleSeverity(rule), overrides) !== undefined;
}
