/** Reads `clinlint.*` settings from whatever the client sends (pull model or push payload). */
import { PLANS, type Plan } from '../engine';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../services/severity';
import { DEFAULT_SETTINGS, type Session, type Settings } from '../session';

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity: Record<string, SeveritySetting> = {};
  const sev = r.severity && typeof r.severity === 'object' ? (r.severity as Record<string, unknown>) : {};
  for (const [rule, v] of Object.entries(sev))
    if (typeof v === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(v)) severity[rule] = v as SeveritySetting;
  const trace = (r.trace as { server?: unknown } | undefined)?.server;
  const debounce = Number(r.debounceMs);
  return {
    policyPaths: paths(r.policyPaths),
    allowedNoteFolders: paths(r.allowedNoteFolders),
    defaultPlan: PLANS.includes(r.defaultPlan as Plan) ? (r.defaultPlan as Plan) : undefined,
    defaultPayer: typeof r.defaultPayer === 'string' && r.defaultPayer.trim() ? r.defaultPayer.trim() : undefined,
    severity,
    trace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 5000) : DEFAULT_SETTINGS.debounceMs,
  };
}

function paths(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

/** Asks the client for the `clinlint` section; falls back to `pushed` when it cannot answer. */
export async function fetchSettings(s: Session, canPull: boolean, pushed?: unknown): Promise<Settings> {
  if (canPull) {
    try {
      return normalizeSettings(await s.connection.workspace.getConfiguration({ section: 'clinlint' }));
    } catch (err) {
      s.logError('workspace/configuration', err);
    }
  }
  return normalizeSettings(pushed);
}

/** Whether a settings change needs the policies reloaded. */
export function policiesChanged(a: Settings, b: Settings): boolean {
  return a.policyPaths.join('\u0000') !== b.policyPaths.join('\u0000');
}
