/** textDocument/completion in claim drafts: keys, codes, payers, plans, dx letters, note paths. */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type CompletionItem, CompletionItemKind, type CompletionParams, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { ClaimDocument } from '../engine';
import { CLAIM_HEADER_KEYS, documentKind, PLANS, skipFolder } from '../engine';
import { claimSlot } from '../services/completion';
import type { Session } from '../session';

export function registerCompletion(s: Session): void {
  s.connection.onCompletion(
    s.guard('completion', (p: CompletionParams): CompletionItem[] => {
      const doc = s.documents.get(p.textDocument.uri);
      if (!doc || documentKind(doc.uri, doc.languageId) !== 'claim') return [];
      const linePrefix = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
      const slot = claimSlot(linePrefix);
      // Values with spaces or slashes replace everything typed after the key's colon.
      const typed = 'prefix' in slot ? slot.prefix : '';
      const replace = (newText: string) => ({
        range: { start: { line: p.position.line, character: p.position.character - typed.length }, end: p.position },
        newText,
      });
      switch (slot.kind) {
        case 'key':
          return keyItems(s.resultFor(doc.uri)?.document as ClaimDocument | undefined);
        case 'payer':
          return s.catalog
            .payers()
            .map((name, i) => ({
              label: name,
              kind: CompletionItemKind.Value,
              sortText: String(i).padStart(4, '0'),
              textEdit: replace(name),
            }));
        case 'plan':
          return PLANS.map((plan) => ({ label: plan, kind: CompletionItemKind.EnumMember, textEdit: replace(plan) }));
        case 'code':
          return s.catalog.codes().map(({ code, descriptor }) => ({
            label: code,
            kind: CompletionItemKind.Value,
            detail: descriptor,
            documentation: policiesOf(s, code),
          }));
        case 'dx-letter': {
          const claim = s.resultFor(doc.uri)?.document;
          const dx = claim?.kind === 'claim' ? claim.dx : [];
          return dx.map((d) => ({
            label: d.letter.value,
            kind: CompletionItemKind.Reference,
            detail: `${d.code.value}${d.description ? ` ${d.description.value}` : ''}`,
          }));
        }
        case 'line-field':
          return ['dx', 'date', 'drug'].map((k) => ({ label: k, kind: CompletionItemKind.Keyword }));
        case 'note':
          return notePaths(s.pathOf(doc.uri)).map((rel) => ({ label: rel, kind: CompletionItemKind.File, textEdit: replace(rel) }));
        default:
          return [];
      }
    }),
  );
}

function keyItems(claim: ClaimDocument | undefined): CompletionItem[] {
  const nextLine = Math.max(0, ...(claim?.lines ?? []).map((l) => l.number.value)) + 1;
  const used = new Set((claim?.dx ?? []).map((d) => d.letter.value.toUpperCase()));
  const nextDx = 'ABCDEFGHIJKL'.split('').find((l) => !used.has(l)) ?? 'A';
  return [
    ...CLAIM_HEADER_KEYS.map((k) => ({ label: k, kind: CompletionItemKind.Property, insertText: `${k}: ` })),
    {
      label: 'dx',
      kind: CompletionItemKind.Snippet,
      detail: 'diagnosis (box 21)',
      insertText: `dx \${1:${nextDx}}: \${2:M34.0}`,
      insertTextFormat: InsertTextFormat.Snippet,
    },
    {
      label: 'line',
      kind: CompletionItemKind.Snippet,
      detail: 'service line (box 24)',
      insertText: `line \${1:${nextLine}}: \${2:code} dx \${3:A}`,
      insertTextFormat: InsertTextFormat.Snippet,
    },
  ];
}

function policiesOf(s: Session, code: string) {
  const sections = s.catalog.sectionsFor(code);
  if (!sections.length) return undefined;
  return { kind: MarkupKind.Markdown, value: sections.map((x) => `- ${x.policy.payer} ${x.policy.id} §${x.id}: ${x.title}`).join('\n') };
}

/** `*.note` files below the claim's folder (a few levels), relative to the claim. */
function notePaths(claimPath: string, maxDepth = 3, max = 200): string[] {
  const base = dirname(claimPath);
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= max) return;
      if (skipFolder(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < maxDepth) walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.note')) out.push(relative(base, p).split('\\').join('/'));
    }
  };
  walk(base, 0);
  return out.sort();
}
