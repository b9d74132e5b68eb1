/**
 * The concept pattern language: token sequences, never regular expressions, so matching is
 * linear in the text whatever a policy author writes (SPEC 9).
 *
 *   word        a token, case-insensitive ("weight-bearing" is the two tokens weight bearing)
 *   walk*       a token starting with "walk"
 *   #           a number
 *   (a|b c)     one of the alternatives, each a sequence
 *   [a b|c]     optional: nothing, or one of the alternatives
 *   ...         skips up to three tokens
 *
 * A pattern compiles to a list of alternatives (the alternation expanded), each a list of
 * steps; the automaton merges all of them into one trie.
 */
import { tokenize, TokenKind } from './tokenize';

export type Step =
  | { kind: 'lit'; text: string }
  | { kind: 'prefix'; text: string }
  | { kind: 'num' }
  | { kind: 'gap'; max: number };

export class PatternError extends Error {}

/** Upper bound on the expansions of one pattern, so a pattern cannot blow up the trie. */
const MAX_EXPANSIONS = 4096;
export const GAP_MAX = 3;

type Node = { seq: Node[] } | { alt: Node[][] } | { opt: Node[] } | { step: Step };

export function compilePattern(source: string): Step[][] {
  const lexemes = lex(source);
  let pos = 0;
  const parseSeq = (closers: string): Node[] => {
    const seq: Node[] = [];
    while (pos < lexemes.length && !closers.includes(lexemes[pos])) {
      const t = lexemes[pos++];
      if (t === '(') {
        const alts: Node[][] = [parseSeq('|)')];
        while (lexemes[pos] === '|') {
          pos++;
          alts.push(parseSeq('|)'));
        }
        if (lexemes[pos++] !== ')') throw new PatternError(`unclosed "(" in pattern "${source}"`);
        seq.push({ alt: alts });
      } else if (t === '[') {
        const alts: Node[][] = [parseSeq('|]')];
        while (lexemes[pos] === '|') {
          pos++;
          alts.push(parseSeq('|]'));
        }
        if (lexemes[pos++] !== ']') throw new PatternError(`unclosed "[" in pattern "${source}"`);
        seq.push({ opt: [{ alt: alts }] });
      } else if (t === ')' || t === ']' || t === '|') {
        throw new PatternError(`unexpected "${t}" in pattern "${source}"`);
      } else if (t === '...') {
        seq.push({ step: { kind: 'gap', max: GAP_MAX } });
      } else if (t === '#') {
        seq.push({ step: { kind: 'num' } });
      } else if (t.endsWith('*') && t.length > 1) {
        seq.push({ step: { kind: 'prefix', text: t.slice(0, -1) } });
      } else {
        seq.push({ step: { kind: 'lit', text: t } });
      }
    }
    return seq;
  };
  const root = parseSeq('');
  if (pos < lexemes.length) throw new PatternError(`unexpected "${lexemes[pos]}" in pattern "${source}"`);
  const out = expand(root, source).filter((s) => s.some((st) => st.kind !== 'gap'));
  if (out.length === 0) throw new PatternError(`pattern "${source}" matches nothing`);
  for (const s of out) {
    if (s[0].kind === 'gap' || s[s.length - 1].kind === 'gap') {
      throw new PatternError(`"..." cannot start or end a pattern ("${source}")`);
    }
  }
  return out;
}

/** Splits a pattern into operators and tokens; words are tokenized as text is. */
function lex(source: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (!word) return;
    if (word === '...' || word === '#') out.push(word);
    else {
      const star = word.endsWith('*');
      const body = star ? word.slice(0, -1) : word;
      const t = tokenize(body);
      for (let i = 0; i < t.count; i++) {
        const last = i === t.count - 1;
        out.push(t.kind[i] === TokenKind.Punct || !last || !star ? t.norm[i] : t.norm[i] + '*');
      }
    }
    word = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if ('()[]|'.includes(c)) {
      flush();
      out.push(c);
    } else if (c === ' ' || c === '\t') flush();
    else word += c;
  }
  flush();
  return out;
}

function expand(seq: Node[], source: string): Step[][] {
  let acc: Step[][] = [[]];
  for (const node of seq) {
    let options: Step[][];
    if ('step' in node) options = [[node.step]];
    else if ('alt' in node) options = node.alt.flatMap((a) => expand(a, source));
    else if ('opt' in node) options = [[], ...expand(node.opt, source)];
    else options = expand(node.seq, source);
    const next: Step[][] = [];
    for (const a of acc) for (const o of options) next.push(a.concat(o));
    if (next.length > MAX_EXPANSIONS) {
      throw new PatternError(`pattern "${source}" expands to more than ${MAX_EXPANSIONS} alternatives`);
    }
    acc = next;
  }
  return acc;
}
