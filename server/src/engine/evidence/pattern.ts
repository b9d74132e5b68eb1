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
 *   +           standing alone between spaces, the plus sign ("+ ve" is "+ve": a positive result)
 *   ?           standing alone between spaces, the query mark ("? fracture" is "?fracture": in doubt)
 *   -           standing alone between spaces, the spaced dash ("numbness - denies": a finding and its answer)
 *   (-) (+)     standing alone, the signs of a templated review of systems ("(-) fever, headache")
 *
 * A pattern parses to a tree; the automaton inserts the tree into its one trie directly, so
 * the alternatives it stands for are never listed one by one.
 *
 * Regular-expression syntax is refused, not read as literal punctuation: an author who writes
 * `(a+)+$`, `.*`, `\d+` or `{2,}` means a construct this language does not have (and that
 * would backtrack in a regex engine), so the pattern is a policy error pointing at the
 * offending character. Reserved: `\ ^ $ + ? { }`, a `*` anywhere but at the end of a word,
 * a word of dots other than `...`, and character classes such as `[a-z]`.
 */
import { tokenize, TokenKind } from './tokenize';

export type Step = { kind: 'lit'; text: string } | { kind: 'prefix'; text: string } | { kind: 'num' } | { kind: 'gap'; max: number };

export class PatternError extends Error {
  /**
   * @param at the offending characters `[start, end)` in the pattern source, when one
   *   construct is to blame (so the error can point at it in the concept file).
   */
  constructor(
    message: string,
    readonly at?: { start: number; end: number },
  ) {
    super(message);
  }
}

/** Upper bound on the expansions of one pattern, so a pattern cannot blow up the trie. */
const MAX_EXPANSIONS = 4096;
const GAP_MAX = 3;
/** Upper bound on the steps of one pattern's expansions (the largest bundled one has ~9,000). */
const MAX_PATTERN_STEPS = 200_000;
/**
 * Deepest nesting of ( ) and [ ] in a pattern (the bundled ones nest 2 deep). The parser and the
 * trie recurse per level: 2,000 nested parentheses would exhaust the stack.
 */
export const MAX_PATTERN_NESTING = 16;

export type PatternNode = { seq: PatternNode[] } | { alt: PatternNode[][] } | { opt: PatternNode[] } | { step: Step };

/** A parsed, validated pattern: its tree, and how many alternatives and steps it stands for. */
export interface ParsedPattern {
  seq: PatternNode[];
  /** Alternatives the tree expands to, and their steps in all (what the trie takes). */
  count: number;
  steps: number;
}

/** A parsed pattern expanded to its alternatives (tests, tools; the automaton takes the tree). */
export function compilePattern(source: string): Step[][] {
  parsePattern(source);
  return expand(parseTree(source), source).filter((s) => s.some((st) => st.kind !== 'gap'));
}

/**
 * Parses and validates a pattern without expanding it: the limits and the rules on gaps are
 * computed over the tree (alternative counts multiply, shapes compose), so a pattern that
 * stands for thousands of alternatives costs only its own length here.
 */
export function parsePattern(source: string, classRef?: ClassRef): ParsedPattern {
  const seq = parseTree(source, classRef);
  const size = sizeOf(seq, source);
  const shapes = [...shapesOf(seq)].filter((x) => x !== EMPTY && x !== ALL_GAPS);
  if (shapes.length === 0) throw new PatternError(`pattern ${shown(source)} matches nothing`);
  if (shapes.some((x) => x !== WORDS)) throw new PatternError(`"..." cannot start or end a pattern (${shown(source)})`);
  return { seq, ...size };
}

/**
 * A phrase of a lexical class, parsed and sized but not held to the rules for a whole pattern:
 * "[an]" or "... at rest" may be one alternative of a class, and the patterns naming the class
 * are checked whole.
 */
export function parseFragment(source: string, classRef?: ClassRef): PatternNode[] {
  const seq = parseTree(source, classRef);
  sizeOf(seq, source);
  return seq;
}

/**
 * The parsed tree of lexical class `id` (`@id` in a pattern). Each class is parsed once per
 * policy set and its tree shared by every pattern that names it: a class written out as text
 * would be tokenized and parsed again in each of them.
 */
export type ClassRef = (id: string) => PatternNode;

/** `@id` in a pattern: a lexical class of policies/lexicon/. */
const CLASS_ID = /^[a-z][a-z0-9-]*/;

function parseTree(source: string, classRef?: ClassRef): PatternNode[] {
  refuseRegexSyntax(source);
  const lexemes = lex(source, classRef !== undefined);
  refuseDeepNesting(source, lexemes);
  let pos = 0;
  const parseSeq = (closers: string): PatternNode[] => {
    const seq: PatternNode[] = [];
    while (pos < lexemes.length && !closers.includes(lexemes[pos])) {
      const t = lexemes[pos++];
      if (t === '(' || t === '[') {
        const close = t === '(' ? ')' : ']';
        const alts: PatternNode[][] = [parseSeq('|' + close)];
        while (lexemes[pos] === '|') {
          pos++;
          alts.push(parseSeq('|' + close));
        }
        if (lexemes[pos++] !== close) throw new PatternError(`unclosed "${t}" in pattern ${shown(source)}`);
        seq.push(t === '(' ? { alt: alts } : { opt: [{ alt: alts }] });
      } else if (t === ')' || t === ']' || t === '|') {
        throw new PatternError(`unexpected "${t}" in pattern ${shown(source)}`);
      } else if (classRef && t.length > 1 && t.startsWith('@')) {
        seq.push(classRef(t.slice(1)));
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
  if (pos < lexemes.length) throw new PatternError(`unexpected "${lexemes[pos]}" in pattern ${shown(source)}`);
  return root;
}

/**
 * Sizes and shapes of shared subtrees (a lexical class's, named by many patterns), computed
 * once. Neither depends on where the subtree stands; only a limit's message names the pattern.
 */
const sizes = new WeakMap<PatternNode[], { count: number; steps: number }>();
const shapes = new WeakMap<PatternNode[], Set<number>>();
const altSizes = new WeakMap<PatternNode[][], { count: number; steps: number }>();
const altShapes = new WeakMap<PatternNode[][], Set<number>>();

/** Alternatives and steps a tree expands to, refused past the limits as soon as they are passed. */
function sizeOf(seq: PatternNode[], source: string): { count: number; steps: number } {
  const known = sizes.get(seq);
  if (known) return known;
  const size = sizeOfSeq(seq, source);
  sizes.set(seq, size);
  return size;
}

function sizeOfSeq(seq: PatternNode[], source: string): { count: number; steps: number } {
  let count = 1;
  let steps = 0;
  for (const node of seq) {
    let c: number;
    let st: number;
    if ('step' in node) [c, st] = [1, 1];
    else if ('seq' in node) ({ count: c, steps: st } = sizeOf(node.seq, source));
    else if ('opt' in node) {
      const inner = sizeOf(node.opt, source);
      [c, st] = [inner.count + 1, inner.steps];
    } else ({ count: c, steps: st } = altSizeOf(node.alt, source));
    // steps(AB) = steps(A)·count(B) + steps(B)·count(A)
    steps = steps * c + st * count;
    count *= c;
    if (count > MAX_EXPANSIONS) throw new PatternError(`pattern ${shown(source)} expands to more than ${MAX_EXPANSIONS} alternatives`);
    if (steps > MAX_PATTERN_STEPS) throw new PatternError(`pattern ${shown(source)} expands to more than ${MAX_PATTERN_STEPS} steps`);
  }
  return { count, steps };
}

// The shape of an alternative, all that the rules on gaps need: empty, only gaps, or words
// with a gap or not at each end.
const EMPTY = 0;
const ALL_GAPS = 1;
const WORDS = 2; // starts and ends with a word
const GAP_FIRST = 3;
const GAP_LAST = 4;
const GAP_BOTH = 5;

function concatShape(a: number, b: number): number {
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  if (a === ALL_GAPS && b === ALL_GAPS) return ALL_GAPS;
  const first = a === ALL_GAPS || a === GAP_FIRST || a === GAP_BOTH;
  const last = b === ALL_GAPS || b === GAP_LAST || b === GAP_BOTH;
  return first ? (last ? GAP_BOTH : GAP_FIRST) : last ? GAP_LAST : WORDS;
}

function shapesOf(seq: PatternNode[]): Set<number> {
  let known = shapes.get(seq);
  if (!known) shapes.set(seq, (known = shapesOfSeq(seq)));
  return known;
}

/** An alternation's size: the sum of its branches' (a class's alternation is summed once). */
function altSizeOf(alt: PatternNode[][], source: string): { count: number; steps: number } {
  const known = altSizes.get(alt);
  if (known) return known;
  let count = 0;
  let steps = 0;
  for (const a of alt) {
    const x = sizeOf(a, source);
    count += x.count;
    steps += x.steps;
  }
  altSizes.set(alt, { count, steps });
  return { count, steps };
}

function altShapesOf(alt: PatternNode[][]): Set<number> {
  let known = altShapes.get(alt);
  if (!known) altShapes.set(alt, (known = new Set(alt.flatMap((a) => [...shapesOf(a)]))));
  return known;
}

function shapesOfSeq(seq: PatternNode[]): Set<number> {
  let acc = new Set([EMPTY]);
  for (const node of seq) {
    let options: Set<number>;
    if ('step' in node) options = new Set([node.step.kind === 'gap' ? ALL_GAPS : WORDS]);
    else if ('seq' in node) options = shapesOf(node.seq);
    else if ('opt' in node) options = new Set([EMPTY, ...shapesOf(node.opt)]);
    else options = altShapesOf(node.alt);
    const next = new Set<number>();
    for (const a of acc) for (const o of options) next.add(concatShape(a, o));
    acc = next;
  }
  return acc;
}

const HELP =
  'patterns are token sequences, not regular expressions: write the words, "walk*" for a word prefix, "#" for a number, ' +
  '"..." to skip up to three tokens, "(a|b)" for alternatives, "[a]" for an optional part';

/** Why each reserved character is refused. */
const RESERVED: Record<string, string> = {
  '\\': 'escapes such as \\d, \\w or \\s are regular-expression syntax',
  '^': 'anchors (^, $) are regular-expression syntax; a pattern matches anywhere in a sentence',
  $: 'anchors (^, $) are regular-expression syntax; a pattern matches anywhere in a sentence',
  '+': 'repetition (+, ?, *, {n,m}) is regular-expression syntax and could backtrack',
  '?': 'repetition (+, ?, *, {n,m}) is regular-expression syntax and could backtrack',
  '{': 'repetition (+, ?, *, {n,m}) is regular-expression syntax and could backtrack',
  '}': 'repetition (+, ?, *, {n,m}) is regular-expression syntax and could backtrack',
};

function isAlnum(c: string): boolean {
  return /^[\p{L}\p{N}]$/u.test(c);
}

/**
 * Refuses regular-expression constructs (SPEC 9): they have no meaning here, and a pattern
 * that needs one would backtrack in a regex engine. One linear scan; the first offence wins.
 */
function refuseRegexSyntax(source: string): void {
  const refuse = (start: number, end: number, why: string): never => {
    throw new PatternError(
      `pattern ${shown(source)} uses ${JSON.stringify(source.slice(start, end))} at column ${start + 1}: ${why}; ${HELP}`,
      { start, end },
    );
  };
  // Words are the runs between spaces and the operators ( ) [ ] |.
  const isBreak = (c: string) => c === ' ' || c === '\t' || '()[]|'.includes(c);
  for (let i = 0; i < source.length;) {
    if (signAt(source, i)) {
      i += 3;
      continue;
    }
    if (isBreak(source[i])) {
      // `[a-z]`, `[0-9]`: a character class.
      if (source[i] === '[') {
        const m = /^\[\s*[\p{L}\p{N}]\s*-\s*[\p{L}\p{N}]\s*\]/u.exec(source.slice(i, i + 16));
        if (m) refuse(i, i + m[0].length, 'character classes such as [a-z] are regular-expression syntax');
      }
      i++;
      continue;
    }
    const s = i;
    while (i < source.length && !isBreak(source[i])) i++;
    const word = source.slice(s, i);
    if (word === '...' || word === '#') continue;
    // A lone "+" after a space (or first) is the plus sign, a token of notes ("+ve", "HIV +"):
    // repetition always follows what it repeats ("a+", "(a|b)+"), so it is never that.
    // A lone "?" likewise is the query mark of notes ("?fracture", "?functional benefit").
    if ((word === '+' || word === '?') && (s === 0 || source[s - 1] === ' ' || source[s - 1] === '\t')) continue;
    if (/^\.+$/.test(word)) refuse(s, i, '"." is not a wildcard (only "..." skips tokens)');
    for (let k = s; k < i; k++) {
      const c = source[k];
      const why = RESERVED[c];
      if (why) refuse(k, k + 1, why);
      if (c === '*' && !(k === i - 1 && k > s && isAlnum(source[k - 1]))) {
        const from = k > s && source[k - 1] === '.' ? k - 1 : k;
        refuse(from, k + 1, '"*" only ends a word as a prefix marker (walk*); ".*" and "x*" repetition are regular-expression syntax');
      }
    }
  }
}

/** Refuses nesting past MAX_PATTERN_NESTING before anything recurses over it (one linear scan). */
function refuseDeepNesting(source: string, lexemes: string[]): void {
  let depth = 0;
  for (const t of lexemes) {
    if (t === '(' || t === '[') {
      if (++depth > MAX_PATTERN_NESTING) {
        const at = nthOpening(source, MAX_PATTERN_NESTING + 1);
        throw new PatternError(`pattern ${shown(source)} nests ( ) and [ ] more than ${MAX_PATTERN_NESTING} deep`, {
          start: at,
          end: at + 1,
        });
      }
    } else if (t === ')' || t === ']') depth--;
  }
}

/** Offset in `source` of the bracket that opens nesting level `level`. */
function nthOpening(source: string, level: number): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if ((c === '(' || c === '[') && ++depth === level) return i;
    if (c === ')' || c === ']') depth--;
  }
  return 0;
}

/** A pattern quoted for a message, shortened so a huge pattern does not make a huge message. */
function shown(source: string): string {
  return JSON.stringify(source.length > 80 ? `${source.slice(0, 80)}…` : source);
}

/** Whether "(-)" or "(+)" stands alone at `i`: a sign of notes, not a group (the tokenizer's one token). */
function signAt(source: string, i: number): boolean {
  if (source[i] !== '(' || (source[i + 1] !== '-' && source[i + 1] !== '+') || source[i + 2] !== ')') return false;
  const before = i === 0 ? ' ' : source[i - 1];
  const after = i + 3 >= source.length ? ' ' : source[i + 3];
  return ' \t([|'.includes(before) && ' \t)]|'.includes(after);
}

/**
 * Splits a pattern into operators and tokens; words are tokenized as text is. With `classRefs`,
 * `@id` is one lexeme wherever it stands, as the lexical class it names.
 */
function lex(source: string, classRefs = false): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (!word) return;
    // A lone "-" between spaces is the dash of notes that parts a finding from its answer
    // ("numbness - denies"): the tokenizer keeps a spaced dash as a token, so it can be written.
    if (word === '...' || word === '#' || word === '-') out.push(word);
    else {
      const star = word.endsWith('*');
      for (const t of wordTokens(star ? word.slice(0, -1) : word, star)) out.push(t);
    }
    word = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (signAt(source, i)) {
      flush();
      out.push(source.slice(i, i + 3));
      i += 2;
    } else if (classRefs && c === '@' && CLASS_ID.test(source.slice(i + 1, i + 2))) {
      flush();
      const id = CLASS_ID.exec(source.slice(i + 1))![0];
      // A class names phrases, not a word to take the prefix of: `@failure*` means nothing.
      if (source[i + 1 + id.length] === '*')
        throw new PatternError(`pattern ${shown(source)} puts "*" after the lexical class @${id}; "*" only ends a word (walk*)`);
      out.push('@' + id);
      i += id.length;
    } else if ('()[]|'.includes(c)) {
      flush();
      out.push(c);
    } else if (c === ' ' || c === '\t') flush();
    else word += c;
  }
  flush();
  return out;
}

/**
 * A pattern word as the tokenizer reads it, the last token marked as a prefix with `star`.
 * The bundled patterns hold a few thousand distinct words written a hundred thousand times, and
 * tokenizing one allocates its columns: each word is tokenized once.
 */
function wordTokens(body: string, star: boolean): readonly string[] {
  const key = star ? body + '*' : body;
  let known = WORD_TOKENS.get(key);
  if (known) return known;
  const t = tokenize(body);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const last = i === t.count - 1;
    out.push(t.kind[i] === TokenKind.Punct || !last || !star ? t.norm[i] : t.norm[i] + '*');
  }
  // A hostile policy's words cannot grow the memo without bound.
  if (WORD_TOKENS.size >= MAX_WORD_TOKENS) WORD_TOKENS.clear();
  WORD_TOKENS.set(key, (known = out));
  return known;
}

const WORD_TOKENS = new Map<string, readonly string[]>();
const MAX_WORD_TOKENS = 50_000;

function expand(seq: PatternNode[], source: string): Step[][] {
  // Limits are checked before each product is built: `(a1|...|a4096) (b1|...|b4096)` must be
  // refused at once, not after making 16 million alternatives. A single-option node (a word)
  // extends every alternative in place, so a long pattern costs its length, not its square.
  const tooMany = () => new PatternError(`pattern ${shown(source)} expands to more than ${MAX_EXPANSIONS} alternatives`);
  const tooLong = () => new PatternError(`pattern ${shown(source)} expands to more than ${MAX_PATTERN_STEPS} steps`);
  let acc: Step[][] = [[]];
  let total = 0; // steps in `acc`
  for (const node of seq) {
    let options: Step[][];
    if ('step' in node) options = [[node.step]];
    else if ('alt' in node) {
      options = [];
      for (const a of node.alt) {
        for (const x of expand(a, source)) {
          if (options.length >= MAX_EXPANSIONS) throw tooMany();
          options.push(x);
        }
      }
    } else if ('opt' in node) options = [[], ...expand(node.opt, source)];
    else options = expand(node.seq, source);
    if (acc.length * options.length > MAX_EXPANSIONS) throw tooMany();
    let optionSteps = 0;
    for (const o of options) optionSteps += o.length;
    const nextTotal = options.length * total + acc.length * optionSteps;
    if (nextTotal > MAX_PATTERN_STEPS) throw tooLong();
    total = nextTotal;
    if (options.length === 1) {
      // Every array in `acc` is owned by it alone (made by concat below): extend in place.
      const [o] = options;
      for (const a of acc) for (const st of o) a.push(st);
      continue;
    }
    const next: Step[][] = [];
    for (const a of acc) for (const o of options) next.push(a.concat(o));
    acc = next;
  }
  return acc;
}
