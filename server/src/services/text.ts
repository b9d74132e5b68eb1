/** Small text helpers shared by the markdown renderers and the fix planners. */
import { basename } from 'node:path';
import { quote as engineQuote } from '../engine';

/** Escapes characters that markdown would interpret inside running text. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Quotes a piece of evidence on one line for markdown: the engine's quote, markdown-escaped. */
export function quote(text: string, max = 160): string {
  return mdEscape(engineQuote(text.replace(/\s+/g, ' ').trim(), max));
}

/** `line 12` in the same document, `visit.note line 12` in another (1-based for people). */
export function where(path: string, line: number, currentPath: string): string {
  return path === currentPath ? `line ${line + 1}` : `${basename(path)} line ${line + 1}`;
}

/** A snippet as the plain text its defaults give: one parser, the engine's (SPEC 4.2). */
export { snippetToText } from '../engine';

const STATUS_WORDS: Record<string, string> = {
  supported: 'supported',
  'documentation-missing': 'documentation missing',
  'not-covered': 'not covered',
  'no-policy': 'no policy',
};
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}
