/** Checks a claim draft: its own grammar, its linked notes as evidence, every billed line. */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ClaimDocument } from '../documents/model';
import { parseClaim } from '../documents/claim';
import type { DxCode } from '../determine/evidenceSet';
import { criteriaOf } from '../determine/tree';
import { documentFinding } from '../findings/build';
import { noteTemplate } from '../findings/prompts';
import { LineIndex } from '../lineIndex';
import type { CheckResult, Finding } from '../results';
import { checkCodes, headerScope, noteDx, problemFindings, type CheckOptions, type CheckSetup, type Occurrence } from './common';
import type { AnalysedNote, SourceCache } from './sources';
import { quote } from '../documents/text';

export interface Host {
  /** The text of a file (an open editor buffer first, then disk); undefined when unreadable. */
  readText(path: string): string | undefined;
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
    const noteText = abs === resolve(path) ? undefined : host.readText(abs);
    if (noteText === undefined) {
      const why = abs === resolve(path) ? 'links this claim itself' : `does not exist or cannot be read (${quote(abs, 200).slice(1, -1)})`;
      findings.push(documentFinding(lines, 'note-not-found', `note ${quote(n.value, 200)} ${why}`, n.span));
      continue;
    }
    notes.push(cache.note(abs, noteText));
  }

  const billed = claim.lines.filter((l) => l.codeValid);
  if (billed.length > 0 && claim.notes.length === 0) findings.push(noNote(setup, claim, lines, path, billed[0].code.span));

  const dx: DxCode[] = claim.dx.filter((d) => d.valid).map((d) => ({ code: d.normalized, path, span: d.code.span, lines }));
  for (const n of notes) dx.push(...noteDx(n.note, n.path, n.lines));

  const occurrences: Occurrence[] = billed.map((l) => ({
    code: l.code.value.toUpperCase(),
    span: l.code.span,
    drugs: l.drugs,
    date: l.date?.value,
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
      target: first ? { path: first.path, note: first.note, lines: first.lines } : undefined,
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
