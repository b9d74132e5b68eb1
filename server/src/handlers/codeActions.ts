/**
 * textDocument/codeAction: quick fixes built from the diagnostic's `data` (the engine's
 * FindingData, so no second look-up), plus a source action inserting every missing prompt.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
  type CreateFile,
  type Range,
} from 'vscode-languageserver/node';
import { LineIndex } from '../engine';
import type { FindingData } from '../engine';
import { criterionLabel } from '../services/catalog';
import { allPromptInserts, disableLineInsert, takesDisable, newNotePath, noteLinkInsert, promptInsert } from '../services/fixes';
import { snippetToText } from '../services/text';
import { toDiagnostic } from './convert';
import type { Session } from '../session';

/** Source action kind: insert the documentation prompts of every missing criterion. */
export const INSERT_ALL_PROMPTS = `${CodeActionKind.Source}.clinlint.insertAllPrompts`;

export function registerCodeActions(s: Session): void {
  s.connection.onCodeAction(s.guard('codeAction', (p: CodeActionParams) => codeActions(s, p)));
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

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of ours) actions.push(...quickFixes(s, uri, d));
    const missing = (s.resultFor(uri)?.findings ?? []).filter((f) => f.rule === 'missing-documentation');
    if (ours.some((d) => d.code === 'missing-documentation') && missing.length > 1) {
      const all = insertAll(
        s,
        missing.map((f) => f.data),
        CodeActionKind.QuickFix,
      );
      if (all) actions.push(all);
    }
  }
  if (wants(only, INSERT_ALL_PROMPTS)) {
    const missing = (s.resultFor(uri)?.findings ?? []).filter((f) => f.rule === 'missing-documentation');
    const all = insertAll(
      s,
      missing.map((f) => f.data),
      INSERT_ALL_PROMPTS,
    );
    if (all) actions.push(all);
  }
  return actions;
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

  if (data.rule === 'missing-documentation' && data.prompt && data.insert) {
    const text = s.host.readText(data.insert.path);
    if (text !== undefined) {
      const ins = promptInsert(text, data.insert.offset, data.prompt);
      const label = data.criterion ? criterionLabel(s.catalog, data.criterion) : 'documentation';
      const target = data.insert.path === s.pathOf(uri) ? '' : ` in ${data.insert.path.replace(/^.*[\\/]/, '')}`;
      out.push(
        fix(
          `Insert documentation prompt: ${label}${target}`,
          edits(s, data.insert.path, text, [{ offset: ins.offset, snippet: ins.snippet }]),
          true,
        ),
      );
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
  const plans = allPromptInserts(datas, (p) => s.host.readText(p));
  if (plans.length === 0) return undefined;
  const changes: TextDocumentEdit[] = [];
  for (const path of new Set(plans.map((x) => x.path))) {
    const text = s.host.readText(path) ?? '';
    changes.push(
      ...(edits(
        s,
        path,
        text,
        plans.filter((x) => x.path === path),
      ).documentChanges as TextDocumentEdit[]),
    );
  }
  return { title: 'Insert all missing documentation prompts', kind, edit: { documentChanges: changes } };
}

/** Snippet edits when the client takes them (LSP 3.18), else the snippet's plain text. */
function edits(s: Session, path: string, text: string, inserts: { offset: number; snippet: string }[]): WorkspaceEdit {
  const uri = s.uriOf(path);
  const version = s.documents.get(uri)?.version ?? null;
  return {
    documentChanges: [
      textDocEdit(
        s,
        uri,
        version,
        inserts.map((i) => ({ range: rangeOf(text, i.offset, i.offset), text: i.snippet })),
      ),
    ],
  };
}

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
