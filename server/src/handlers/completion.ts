/** textDocument/completion in claim drafts: keys, codes, payers, plans, dx letters, note paths. */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { type CompletionItem, CompletionItemKind, type CompletionParams, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { ClaimDocument } from '../engine';
import { CLAIM_HEADER_KEYS, documentKind, PLANS, skipFolder } from '../engine';
import { claimSlot, rankNotePaths } from '../services/completion';
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
          return s.catalog.payers().map((name, i) => ({
            label: name,
            kind: CompletionItemKind.Value,
            sortText: String(i).padStart(4, '0'),
            textEdit: replace(name),
          }));
        case 'plan':
          return PLANS.map((plan) => ({ label: plan, kind: CompletionItemKind.EnumMember, textEdit: replace(plan) }));
        case 'code': {
          // The claim's payer's codes, on its plan when it names one (all codes for no or an unknown payer).
          const claim = s.resultFor(doc.uri)?.document;
          const scope = claim?.kind === 'claim' ? { payer: claim.payer?.value ?? s.settings.defaultPayer, plan: claim.plan?.value } : {};
          return s.catalog.codes(scope).map(({ code, descriptor }) => ({
            label: code,
            kind: CompletionItemKind.Value,
            detail: descriptor,
            documentation: policiesOf(s, code),
          }));
        }
        case 'drug': {
          // The drugs approved for the pump of a line whose code a policy governs with a drug notice (MP-442).
          const drugs = [...new Set(s.catalog.sectionsFor(slot.code).flatMap((x) => x.drugs))];
          return drugs.map((name) => ({
            label: name,
            kind: CompletionItemKind.Value,
            detail: 'FDA-approved for intrathecal pump use',
            textEdit: replace(name),
          }));
        }
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
          return notePaths(s.pathOf(doc.uri), s.workspaceFolders).map((rel, i) => ({
            label: rel,
            kind: CompletionItemKind.File,
            sortText: String(i).padStart(4, '0'),
            textEdit: replace(rel),
          }));
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

/**
 * `*.note` files a claim may link, relative to the claim: below the workspace folder that holds
 * the claim (`../notes/x.note` for a claims/ and notes/ layout), else below the claim's folder
 * (notes outside the workspace are refused, SPEC 9). Nearest first.
 */
function notePaths(claimPath: string, workspaceFolders: readonly string[], maxDepth = 4, max = 200): string[] {
  const base = dirname(claimPath);
  const root = workspaceFolders.filter((f) => base === f || base.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0] ?? base;
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
  walk(root, 0);
  return rankNotePaths(out);
}
