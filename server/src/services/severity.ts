/** Per-rule severity overrides from `clinlint.severity.<rule>`. */
import type { RuleId, Severity } from '../engine/types';

export type SeveritySetting = Severity | 'off' | 'default';
export type SeverityOverrides = Partial<Record<string, SeveritySetting>>;

/** Rules that are silent unless a setting turns them on. */
export const OFF_BY_DEFAULT: ReadonlySet<RuleId> = new Set(['criteria-met']);

/** The severity to publish, or undefined when the rule is off. */
export function effectiveSeverity(rule: RuleId, engineSeverity: Severity, overrides: SeverityOverrides): Severity | undefined {
  const o = overrides[rule];
  if (o === 'off') return undefined;
  if (o === 'error' || o === 'warning' || o === 'information' || o === 'hint') return o;
  return OFF_BY_DEFAULT.has(rule) ? undefined : engineSeverity;
}
