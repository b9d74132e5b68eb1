/** Engine findings -> LSP diagnostics. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { PolicyFileError } from '../engine';
import type { Finding } from '../engine';
import { ruleSeverity } from '../engine';
import type { Severity } from '../engine';
import { effectiveSeverity } from '../services/severity';
import type { Session } from '../session';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Rule pages ship with the extension (docs/rules/<rule>.md next to dist/), so the link is a
 * file URI into the installed copy: it opens offline, in the editor, and always matches the
 * installed version. Without a docs folder there is no link.
 */
const DOCS = [resolve(__dirname, '../docs/rules'), resolve(__dirname, '../../../docs/rules')].find((d) => existsSync(d));
function ruleHref(rule: string): string | undefined {
  return DOCS ? pathToFileURL(join(DOCS, `${rule}.md`)).href : undefined;
}

export function toDiagnostic(s: Session, f: Finding): Diagnostic | undefined {
  const severity = effectiveSeverity(f.rule, f.severity, s.settings.severity);
  if (!severity) return undefined;
  const href = ruleHref(f.rule);
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[severity],
    source: 'clinlint',
    code: f.rule,
    message: f.message,
    data: f.data,
  };
  if (href) d.codeDescription = { href };
  if (f.related.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: s.uriOf(r.path), range: r.range }, message: r.message }));
  }
  return d;
}

/**
 * A policy file's error, or a notice about it (information: a replaced bundled policy); undefined
 * when `clinlint.severity.policy-error` is off.
 */
export function policyErrorDiagnostic(s: Session, e: PolicyFileError, notice = false): Diagnostic | undefined {
  const severity = effectiveSeverity('policy-error', ruleSeverity('policy-error'), s.settings.severity);
  if (!severity) return undefined;
  const href = ruleHref('policy-error');
  return {
    range: e.range,
    severity: notice || e.severity === 'information' ? DiagnosticSeverity.Information : SEVERITY[severity],
    source: 'clinlint',
    code: 'policy-error',
    message: e.message,
    ...(href ? { codeDescription: { href } } : {}),
  };
}
