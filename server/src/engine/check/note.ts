/** Checks a clinical note: the codes it mentions, with its own header and text as evidence. */
import type { DxCode } from '../determine/evidenceSet';
import type { CheckResult, Finding } from '../results';
import { checkCodes, headerScope, noteDx, problemFindings, type CheckOptions, type CheckSetup, type Occurrence } from './common';
import { mentionSites, procedureSites } from './lineSites';
import type { SourceCache } from './sources';

export function checkNote(setup: CheckSetup, cache: SourceCache, path: string, text: string, options: CheckOptions): CheckResult {
  const src = cache.note(path, text, undefined);
  const note = src.note;
  const lines = src.lines;
  const findings: Finding[] = problemFindings(lines, note.problems);
  const dx: DxCode[] = noteDx(note, path, lines);
  const sites = mentionSites(setup.compiled, [src]);
  const fromProcedure = procedureSites(setup.compiled, [src]);
  // A code's route is its own line's, else any the note's code lines name (one treatment).
  const routes = mentionSites(setup.compiled, [src], 'route');
  const anyRoute = [...new Set([...routes.values()].flat())];
  const occurrences: Occurrence[] = note.mentions
    .filter((m) => m.scheme === 'procedure')
    .map((m) => {
      const code = m.code.value.toUpperCase();
      const own = routes.get(code);
      const routesOf = own ?? (anyRoute.length ? anyRoute : undefined);
      return { code, span: m.code.span, sites: sites.get(code), procedureSites: fromProcedure, routes: routesOf };
    });
  const result = checkCodes(
    setup,
    {
      path,
      text,
      lines,
      ...headerScope(note, options),
      date: note.date?.value,
      sources: [src],
      dx,
      target: { path },
      reportMissing: true,
    },
    occurrences,
    options,
  );
  // A loop, not push(...): spreading 100,000+ findings would overflow the call stack.
  for (const f of result.findings) findings.push(f);
  return { path, kind: 'note', document: note, determinations: result.determinations, findings, linkedNotes: [] };
}
