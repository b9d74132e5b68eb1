/**
 * textDocument/codeAction: quick fixes built from the diagnostic's `data` (the engine's
 * FindingData, so no second look-up), plus a source action inserting every missing prompt.
 * What to insert and where is the fix pipeline's (services/fixes.ts); this file translates it:
 * a client command for clients that declare one (the note opens, the snippet goes in at the
 * cursor), else a workspace edit planned on the note's current text.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
  type CreateFile,
  type Range,
} from 'vscode-languageserver/node';
import { LineIndex, type FindingData, type PromptSection } from '../engine';
import {
  type InsertPromptArgs,
  InsertPromptCommand,
  type PlanPromptsParams,
  PlanPromptsRequest,
  type PlanPromptsResult,
} from '../protocol';
import { criterionLabel } from '../services/catalog';
import {
  disableLineInsert,
  takesDisable,
  newNotePath,
  noteLinkInsert,
  type PlannedSnippet,
  planPrompts,
  type PromptRequest,
  promptRequests,
} from '../services/fixes';
import { snippetToText } from '../services/text';
import { toDiagnostic } from './convert';
import type { Session } from '../session';

/** Source action kind: insert the documentation prompts of every missing criterion. */
export const INSERT_ALL_PROMPTS = `${CodeActionKind.Source}.clinlint.insertAllPrompts`;

export function registerCodeActions(s: Session): void {
  s.connection.onCodeAction(s.guard('codeAction', (p: CodeActionParams) => codeActions(s, p)));
  s.connection.onRequest(
    PlanPromptsRequest,
    s.guard('planPrompts', (p: PlanPromptsParams): PlanPromptsResult => ({
      inserts: planPrompts(
        p.text,
        p.prompts.map((x) => ({ snippet: x.snippet, section: x.section as PromptSection })),
      ).map((i) => ({ position: i.position, snippet: i.snippet })),
    })),
  );
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function codeActions(s: Session, p: CodeActionParams): CodeAction[] {
  const uri = p.textDocument.uri;
  const doc = s.documents.get(uri);
  if (!doc || !s.isClinical(uri, doc.languageId)) return [];
  const only = p.context.only;
  const actions: CodeAction[] = [];
  let ours = p.context.diagnostics.filter((d) => d.source === 'clinlint' && d.data);
  // The client sends the markers it shows; while they are being republished it can send none.
  // The server's own latest findings on the range answer then.
  if (ours.length === 0) {
    ours = (s.resultFor(uri)?.findings ?? [])
      .map((f) => toDiagnostic(s, f))
      .filter((d): d is Diagnostic => Boolean(d) && overlaps(d!.range, p.range));
  }

  const missing = () => (s.resultFor(uri)?.findings ?? []).filter((f) => f.rule === 'missing-documentation').map((f) => f.data);
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of ours) actions.push(...quickFixes(s, uri, d));
    const all = missing();
    if (ours.some((d) => d.code === 'missing-documentation') && all.length > 1) {
      const fix = insertAll(s, all, CodeActionKind.QuickFix);
      if (fix) actions.push(fix);
    }
  }
  if (wants(only, INSERT_ALL_PROMPTS)) {
    const fix = insertAll(s, missing(), INSERT_ALL_PROMPTS);
    if (fix) actions.push(fix);
  }
  // Several diagnostics on one line offer the same disable fix: offer it once.
  const titles = new Set<string>();
  return actions.filter((a) => !titles.has(a.title) && Boolean(titles.add(a.title)));
}

function quickFixes(s: Session, uri: string, d: Diagnostic): CodeAction[] {
  const data = d.data as FindingData;
  const out: CodeAction[] = [];
  const fix = (title: string, edit: WorkspaceEdit, preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit,
    isPreferred: preferred || undefined,
  });

  if (data.rule === 'missing-documentation') {
    const [req] = promptRequests([data]);
    if (req) {
      const label = data.criterion ? criterionLabel(s.catalog, data.criterion) : 'documentation';
      const target = req.path === s.pathOf(uri) ? '' : ` in ${req.path.replace(/^.*[\\/]/, '')}`;
      const action = promptAction(s, `Insert documentation prompt: ${label}${target}`, [req], CodeActionKind.QuickFix);
      if (action) out.push({ ...action, diagnostics: [d], isPreferred: true });
    }
  }
  if (data.rule === 'no-note' && data.noteTemplate) {
    const claimPath = s.pathOf(uri);
    const notePath = newNotePath(claimPath, data);
    const claimText = s.host.readText(claimPath) ?? '';
    const result = s.resultFor(uri);
    const link = noteLinkInsert(result?.document.kind === 'claim' ? result.document : undefined, claimText, claimPath, notePath);
    const noteUri = s.uriOf(notePath);
    const create: CreateFile = { kind: 'create', uri: noteUri, options: { ignoreIfExists: true } };
    const exists = s.host.readText(notePath) !== undefined;
    const changes: WorkspaceEdit['documentChanges'] = [];
    if (!exists) changes.push(create, textDocEdit(s, noteUri, null, [{ range: zeroRange(), text: data.noteTemplate }]));
    changes.push(
      textDocEdit(s, uri, s.documents.get(uri)?.version ?? null, [
        { range: rangeOf(claimText, link.offset, link.offset), text: link.text },
      ]),
    );
    out.push(
      fix(
        `${exists ? 'Link' : 'Create and link'} note ${notePath.replace(/^.*[\\/]/, '')} with the documentation prompts`,
        { documentChanges: changes },
        true,
      ),
    );
  }
  if (data.rule === 'unknown-payer') {
    for (const name of data.suggestions ?? []) {
      out.push(fix(`Change payer to "${name}"`, { changes: { [uri]: [{ range: d.range, newText: name }] } }));
    }
  }
  const claim = s.resultFor(uri)?.document;
  if (claim?.kind === 'claim' && takesDisable(claim, d.range.start.line)) {
    const idx = new LineIndex(claim.text);
    const line = d.range.start.line;
    const ins = disableLineInsert(idx.lineText(line), data.rule);
    if (ins.text) {
      const pos = { line, character: ins.character };
      out.push({
        title: `Disable ${data.rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: pos, end: pos }, newText: ins.text }] } },
      });
    }
  }
  return out;
}

function insertAll(s: Session, datas: FindingData[], kind: string): CodeAction | undefined {
  return promptAction(s, 'Insert all missing documentation prompts', promptRequests(datas), kind);
}

/**
 * A prompt fix as the client can run it: its insert command (one note: the command opens it and
 * plans on its text then), else one workspace edit planned on each note's current text.
 */
function promptAction(s: Session, title: string, reqs: PromptRequest[], kind: string): CodeAction | undefined {
  // Only notes that can be read now (open, or on disk): a deleted note gets no prompt fix.
  const notes = reqs
    .map((req) => ({ req, text: s.host.readText(req.path) }))
    .filter((n): n is { req: PromptRequest; text: string } => n.text !== undefined);
  if (notes.length === 0) return undefined;
  if (notes.length === 1 && s.clientCommands.has(InsertPromptCommand)) {
    const args: InsertPromptArgs = { uri: s.uriOf(notes[0].req.path), prompts: notes[0].req.prompts };
    const command: Command = { title, command: InsertPromptCommand, arguments: [args] };
    return { title, kind, command };
  }
  const changes = notes.map(({ req, text }): TextDocumentEdit => {
    const uri = s.uriOf(req.path);
    const at = (p: PlannedSnippet) => ({ start: p.position, end: p.position });
    return textDocEdit(
      s,
      uri,
      s.documents.get(uri)?.version ?? null,
      planPrompts(text, req.prompts).map((p) => ({ range: at(p), text: p.snippet })),
    );
  });
  return { title, kind, edit: { documentChanges: changes } };
}

/** Snippet edits when the client takes them (LSP 3.18), else the snippet's plain text. */
function textDocEdit(
  s: Session,
  uri: string,
  version: number | null,
  items: { range: TextEdit['range']; text: string }[],
): TextDocumentEdit {
  return {
    textDocument: { uri, version },
    edits: items.map((i) =>
      s.snippetEdits && /\$\{?\d/.test(i.text)
        ? { range: i.range, snippet: { kind: 'snippet', value: i.text } }
        : { range: i.range, newText: snippetToText(i.text) },
    ),
  } as TextDocumentEdit;
}

function rangeOf(text: string, start: number, end: number) {
  const idx = new LineIndex(text);
  return { start: idx.positionAt(start), end: idx.positionAt(end) };
}

const zeroRange = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges share a position (an empty range at a diagnostic's edge counts). */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
