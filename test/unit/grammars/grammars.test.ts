/**
 * The TextMate grammars, tokenized by the same vscode-textmate + vscode-oniguruma that VS Code
 * uses. Those packages come from the VS Code bundled in .vscode-test/ (scripts/vscode/install.mjs);
 * without it the test is skipped with a note.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const MODULES = join(ROOT, '.vscode-test/code-server/node_modules/code-server/lib/vscode/node_modules');
const available = existsSync(join(MODULES, 'vscode-textmate')) && existsSync(join(MODULES, 'vscode-oniguruma'));
const skip = available ? false : 'vscode-textmate not installed: run `node scripts/vscode/install.mjs`';

type Grammar = {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
};
const grammars: Record<string, Grammar> = {};

/** Tokenizes `text` and returns, for each `needle`, the scopes of its first character. */
function scopesOf(scope: string, text: string, needle: string, occurrence = 0): string[] {
  const g = grammars[scope];
  let state: unknown = INITIAL;
  let seen = 0;
  for (const line of text.split('\n')) {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    let from = 0;
    for (;;) {
      const at = line.indexOf(needle, from);
      if (at < 0) break;
      if (seen++ === occurrence) return r.tokens.find((t) => at >= t.startIndex && at < t.endIndex)!.scopes;
      from = at + 1;
    }
  }
  throw new Error(`"${needle}" not found`);
}
let INITIAL: unknown;

describe('TextMate grammars', { skip }, () => {
  before(async () => {
    const req = createRequire(join(MODULES, 'x.js'));
    const onig = req('vscode-oniguruma');
    const tm = req('vscode-textmate');
    const wasm = readFileSync(join(MODULES, 'vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const files: Record<string, string> = {
      'source.claim-draft': 'syntaxes/claim-draft.tmLanguage.json',
      'text.clinical-note': 'syntaxes/clinical-note.tmLanguage.json',
    };
    const registry = new tm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
        createOnigString: (s: string) => new onig.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const f = files[scopeName];
        return f ? tm.parseRawGrammar(readFileSync(join(ROOT, f), 'utf8'), join(ROOT, f)) : null;
      },
    });
    for (const scope of Object.keys(files)) grammars[scope] = await registry.loadGrammar(scope);
    INITIAL = tm.INITIAL;
  });

  const claim = [
    '# Second session  # clinlint-disable-line syntax',
    'claim: 2024-0117',
    'payer: Anthem Blue Cross Connecticut',
    'plan: medicare',
    'note: notes/visit.note',
    'dx A: M34.0    Systemic sclerosis',
    'line 1: 15773-RT-LT x2 dx A,B date 2024-03-01 ; face # clinlint-disable-line not-covered',
    'line 2: 62362 dx A drug morphine, baclofen',
    'line 3: 1577 dx A',
    'colour: blue',
  ].join('\n');
  const has = (scopes: string[], s: string) =>
    assert.ok(
      scopes.some((x) => x.split(' ').includes(s)),
      `${s} not in ${scopes.join(', ')}`,
    );
  const C = 'source.claim-draft';

  it('claims: comments and the disable directive', () => {
    has(scopesOf(C, claim, '# Second'), 'comment.line.number-sign.claim-draft');
    has(scopesOf(C, claim, 'clinlint-disable-line', 1), 'keyword.other.directive.clinlint.claim-draft');
  });
  it('claims: header keys and values', () => {
    has(scopesOf(C, claim, 'payer'), 'keyword.other.key.claim-draft');
    has(scopesOf(C, claim, 'Anthem'), 'string.unquoted.value.claim-draft');
    has(scopesOf(C, claim, 'medicare'), 'constant.language.plan.claim-draft');
    has(scopesOf(C, claim, 'notes/visit.note'), 'string.unquoted.path.claim-draft');
  });
  it('claims: dx letters and ICD-10 codes', () => {
    has(scopesOf(C, claim, 'A:'), 'variable.other.dx-letter.claim-draft');
    has(scopesOf(C, claim, 'M34.0'), 'constant.other.icd10.claim-draft');
    has(scopesOf(C, claim, 'Systemic'), 'string.unquoted.description.claim-draft');
  });
  it('claims: codes, modifiers, units, pointers, dates, drugs, descriptions', () => {
    has(scopesOf(C, claim, '15773'), 'constant.other.procedure-code.claim-draft');
    has(scopesOf(C, claim, 'RT'), 'storage.modifier.claim-draft');
    has(scopesOf(C, claim, 'LT'), 'storage.modifier.claim-draft');
    has(scopesOf(C, claim, 'x2'), 'constant.numeric.units.claim-draft');
    has(scopesOf(C, claim, 'A,B'), 'variable.other.dx-letter.claim-draft');
    has(scopesOf(C, claim, 'B date'), 'variable.other.dx-letter.claim-draft');
    has(scopesOf(C, claim, '2024-03-01'), 'constant.numeric.date.claim-draft');
    has(scopesOf(C, claim, 'face'), 'string.unquoted.description.claim-draft');
    has(scopesOf(C, claim, 'morphine'), 'string.unquoted.drug.claim-draft');
  });
  it('claims: a malformed code and an unknown key stand out', () => {
    has(scopesOf(C, claim, '1577 '), 'invalid.illegal.code.claim-draft');
    has(scopesOf(C, claim, 'colour'), 'invalid.deprecated.unknown-key.claim-draft');
  });

  const N = 'text.clinical-note';
  const note = [
    '---',
    'patient: MRN 448812',
    'plan: medicare',
    '---',
    'HISTORY OF PRESENT ILLNESS:, The patient is a 58-year-old with systemic sclerosis.',
    'Pain decreased from 8/10 to 3/10, a 62.5% reduction. ZIP 06510.',
    'Assessment and plan:',
    'Autologous fat grafting, CPT 15773, 15774 (HCPCS Q2028). ICD-10: M34.0',
  ].join('\n');
  it('notes: front matter keys and values', () => {
    has(scopesOf(N, note, 'patient'), 'keyword.other.key.clinical-note');
    has(scopesOf(N, note, 'MRN'), 'string.unquoted.value.clinical-note');
    has(scopesOf(N, note, '---'), 'punctuation.definition.front-matter.begin.clinical-note');
  });
  it('notes: section headings in any case', () => {
    has(scopesOf(N, note, 'HISTORY OF PRESENT ILLNESS'), 'markup.heading.section.clinical-note');
    has(scopesOf(N, note, 'Assessment and plan'), 'markup.heading.section.clinical-note');
  });
  it('notes: code mentions only with context', () => {
    has(scopesOf(N, note, '15773'), 'constant.other.procedure-code.clinical-note');
    has(scopesOf(N, note, '15774'), 'constant.other.procedure-code.clinical-note');
    has(scopesOf(N, note, 'Q2028'), 'constant.other.procedure-code.clinical-note');
    has(scopesOf(N, note, 'M34.0'), 'constant.other.icd10.clinical-note');
    const zip = scopesOf(N, note, '06510');
    assert.ok(!zip.some((s) => s.includes('procedure-code')), `a ZIP code is not a code: ${zip.join(', ')}`);
    has(scopesOf(N, note, '8/10'), 'constant.numeric.measure.clinical-note');
  });
});
