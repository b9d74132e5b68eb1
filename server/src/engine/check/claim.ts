/** Checks a claim draft: its own grammar, its linked notes as evidence, every billed line. */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ClaimDocument } from '../documents/model';
import { parseClaim } from '../documents/claim';
import type { DxCode } from '../determine/evidenceSet';
import { claimLineRoutes, claimLineSites, mentionSites, procedureSites } from './lineSites';
import { criteriaOf } from '../determine/tree';
import { documentFinding } from '../findings/build';
import { noteTemplate } from '../findings/prompts';
import { LineIndex } from '../lineIndex';
import type { CheckResult, Finding } from '../results';
import { checkCodes, claimDx, headerScope, noteDx, problemFindings, type CheckOptions, type CheckSetup, type Occurrence } from './common';
import type { AnalysedNote, SourceCache } from './sources';
import { noteRefusal } from './noteAccess';
import { NOT_FOUND } from '../io/read';
import { quote } from '../documents/text';

export interface Host {
  /** The text of a file (an open editor buffer first, then disk); undefined when unreadable. */
  readText(path: string): string | undefined;
  /** Like readText, with the reason when unreadable (the `note-not-found` message says it). */
  readNote?(path: string): { text: string } | { why: string };
}

export function checkClaim(
  setup: CheckSetup,
  cache: SourceCache,
  path: string,
  text: string,
  host: Host,
  options: CheckOptions,
): CheckResult {
  const claim = parseClaim(text);
  const lines = new LineIndex(text);
  const findings: Finding[] = problemFindings(lines, claim.problems);

  const notes: AnalysedNote[] = [];
  const linkedNotes: string[] = [];
  for (const n of claim.notes) {
    const abs = isAbsolute(n.value) ? n.value : resolve(dirname(path), n.value);
    linkedNotes.push(abs);
    const read = readLinkedNote(n.value, abs, path, host, options);
    if ('why' in read) {
      findings.push(documentFinding(lines, 'note-not-found', `note ${quote(n.value, 200)} ${read.why}`, n.span));
      continue;
    }
    notes.push(cache.note(abs, read.text));
  }

  const billed = claim.lines.filter((l) => l.codeValid);
  if (billed.length > 0 && claim.notes.length === 0) findings.push(noNote(setup, claim, lines, path, billed[0].code.span));

  const dx: DxCode[] = claimDx(claim, path, lines);
  for (const n of notes) dx.push(...noteDx(n.note, n.path, n.lines));

  const noteSites = mentionSites(setup.compiled, notes);
  const notesProcedure = procedureSites(setup.compiled, notes);
  const noteRoutes = mentionSites(setup.compiled, notes, 'route');
  const routes = claimLineRoutes(setup.compiled, billed, noteRoutes);
  const occurrences: Occurrence[] = billed.map((l, i) => ({
    code: l.code.value.toUpperCase(),
    span: l.code.span,
    drugs: l.drugs,
    date: l.date?.value,
    sites: claimLineSites(setup.compiled, l, noteSites),
    procedureSites: notesProcedure,
    routes: routes[i],
  }));
  const first = notes[0];
  const result = checkCodes(
    setup,
    {
      path,
      text,
      lines,
      ...headerScope(claim, options),
      date: claim.date?.value,
      sources: notes,
      dx,
      target: first ? { path: first.path } : undefined,
      reportMissing: notes.length > 0,
    },
    occurrences,
    options,
  );
  // A loop, not push(...): spreading 100,000+ findings would overflow the call stack.
  for (const f of result.findings) findings.push(f);
  return {
    path,
    kind: 'claim',
    document: claim,
    determinations: result.determinations,
    findings: applyDisables(claim, lines, findings),
    linkedNotes,
  };
}

/** The text of a linked note, or why it is not read (itself, outside the allowed folders, unreadable). */
function readLinkedNote(
  written: string,
  abs: string,
  claimPath: string,
  host: Host,
  options: CheckOptions,
): { text: string } | { why: string } {
  if (abs === resolve(claimPath)) return { why: 'links this claim itself' };
  const refused = options.noteFolders && noteRefusal(written, abs, options.noteFolders);
  if (refused) return { why: refused };
  const shown = quote(abs, 200).slice(1, -1);
  if (host.readNote) {
    const r = host.readNote(abs);
    if (!('why' in r)) return r;
    return { why: r.why === NOT_FOUND ? `does not exist (${shown})` : `cannot be read: ${r.why} (${shown})` };
  }
  const text = host.readText(abs);
  return text === undefined ? { why: `does not exist or cannot be read (${shown})` } : { text };
}

/** `no-note`: one finding, whose fix creates a note holding every prompt of the claim's codes. */
function noNote(setup: CheckSetup, claim: ClaimDocument, lines: LineIndex, path: string, span: { start: number; end: number }): Finding {
  const prompts = new Set<string>();
  for (const l of claim.lines) {
    if (!l.codeValid) continue;
    for (const g of setup.registry.sectionsFor(l.code.value)) {
      const tree = g.section.requires;
      if (!tree) continue;
      for (const c of [...criteriaOf(tree, l.code.value), ...(g.section.advisory ?? [])]) {
        const p = setup.compiled.concepts.get(c)?.prompt;
        if (p) prompts.add(p);
      }
    }
  }
  const base = path.replace(/\.claim$/i, '');
  return documentFinding(
    lines,
    'no-note',
    'the claim bills codes but links no note: add `note: <path>` so the documentation can be checked',
    span,
    {
      noteTemplate: noteTemplate(
        { patient: claim.patient?.value, payer: claim.payer?.value, plan: claim.plan?.value, date: claim.date?.value },
        [...prompts],
      ),
      suggestions: [`${base}.note`],
    },
  );
}

/** Drops findings silenced by `# clinlint-disable-line [rule...]` on their line. */
function applyDisables(claim: ClaimDocument, lines: LineIndex, findings: Finding[]): Finding[] {
  const byLine = new Map<number, string[]>();
  for (const h of claim.headers) if (h.disabled) byLine.set(lines.lineOf(h.keySpan.start), h.disabled);
  for (const d of claim.dx) if (d.disabled) byLine.set(lines.lineOf(d.span.start), d.disabled);
  for (const l of claim.lines) if (l.disabled) byLine.set(l.lineIndex, l.disabled);
  if (byLine.size === 0) return findings;
  return findings.filter((f) => {
    const rules = byLine.get(lines.lineOf(f.span.start));
    return !rules || (rules.length > 0 && !rules.includes(f.rule));
  });
}
