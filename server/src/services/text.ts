/** Small text helpers shared by the markdown renderers and the fix planners. */
import { basename } from 'node:path';

/** Escapes characters that markdown would interpret inside running text. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Quotes a piece of evidence on one line, shortened to `max` characters. */
export function quote(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return `"${mdEscape(cut)}"`;
}

/** `line 12` in the same document, `visit.note line 12` in another (1-based for people). */
export function where(path: string, line: number, currentPath: string): string {
  return path === currentPath ? `line ${line + 1}` : `${basename(path)} line ${line + 1}`;
}

/** A snippet (`${1:text}`, `$1`, `${1|a,b|}`) as the plain text its defaults give. */
export function snippetToText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = matchBrace(snippet, i + 1);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      const colon = /^(?:\d+|[A-Z_]+):/.exec(body);
      if (choice) out += choice[1];
      else if (colon) out += snippetToText(body.slice(colon[0].length));
      i = close;
    } else if (c === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      while (/[0-9]/.test(snippet[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}

function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return s.length;
}

const STATUS_WORDS: Record<string, string> = {
  supported: 'supported',
  'documentation-missing': 'documentation missing',
  'not-covered': 'not covered',
  'no-policy': 'no policy',
};
export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}
