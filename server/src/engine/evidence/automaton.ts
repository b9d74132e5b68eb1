/**
 * One token automaton over every pattern of every concept and every context trigger,
 * compiled once per policy set. A single left-to-right pass over the tokens finds all
 * matches: the cost per token is one hash of its characters plus a look-up per live state,
 * independent of how many patterns or policies are loaded (SPEC 8).
 *
 * The literal words and word prefixes of all patterns form one vocabulary of symbols; trie
 * edges are keyed by symbol. A token is read in place from the text (no string is made for
 * it): its characters are hashed once, giving its word symbol and the symbols of the
 * prefixes it starts with.
 */
import type { PatternNode, Step } from './pattern';
import { TokenKind, tokenText, type Tokens } from './tokenize';

/** A trie node; most are leaves, so every field is made only when needed. */
interface TrieNode {
  /** Edges on a literal word or a word prefix, by vocabulary symbol. */
  next?: Map<number, TrieNode>;
  num?: TrieNode;
  /** Gap edge: skip up to `max` tokens, then continue from `node`. */
  gap?: { max: number; node: TrieNode };
  /** Ids of the patterns that end here. */
  accepts?: number[];
}

const newNode = (): TrieNode => ({ next: undefined, num: undefined, gap: undefined, accepts: undefined });

const canAdvance = (node: TrieNode): boolean => node.next !== undefined || node.num !== undefined || node.gap !== undefined;

export interface Match {
  /** Id given when the pattern was added. */
  id: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  /**
   * Tokens a `...` gap skipped, as bits relative to `first` (bit k: token first + k; only the
   * first 31 tokens are tracked). A negation skipped over ("baclofen did not cause sedation")
   * still qualifies the mention; a negation the pattern names ("not tolerated") does not.
   */
  skipped: number;
}

/** Live states above this per token are dropped (guards against pathological gap patterns). */
const MAX_STATES = 256;

const NONE = -1;

/** Hash of a lower-cased string (the same as `SymbolTable.scan` computes in place). */
function hashOf(s: string): number {
  let h = 0;
  for (let k = 0; k < s.length; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
}

/** Spreads a polynomial hash over the low bits that pick a slot. */
function slotOf(h: number, mask: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) & mask;
}

/** Whether `word` equals `src[s, s + len)` with ASCII upper case read as lower case. */
function equalsAt(word: string, src: string, s: number, len: number): boolean {
  if (word.length !== len) return false;
  for (let k = 0; k < len; k++) {
    let c = src.charCodeAt(s + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Strings -> symbols, in an open-addressing table that can be probed with text in place. */
class SymbolTable {
  private readonly texts: string[] = [];
  private readonly symbols: number[] = [];
  private readonly byText = new Map<string, number>();
  /** Slot -> entry index + 1 (0: empty), and the hash of the entry there. */
  private slots = new Int32Array(1);
  private slotHashes = new Int32Array(1);
  private mask = 0;

  get(text: string): number | undefined {
    return this.byText.get(text);
  }

  add(text: string, symbol: number): void {
    this.byText.set(text, symbol);
    this.texts.push(text);
    this.symbols.push(symbol);
    if (this.texts.length * 2 > this.slots.length) this.rehash(this.slots.length * 4);
    else this.place(this.texts.length - 1);
  }

  /** The symbol of `src[s, s + len)` (hash `h`), or NONE. */
  find(h: number, src: string, s: number, len: number): number {
    const { slots, slotHashes, mask } = this;
    for (let at = slotOf(h, mask); slots[at] !== 0; at = (at + 1) & mask) {
      if (slotHashes[at] === h && equalsAt(this.texts[slots[at] - 1], src, s, len)) return this.symbols[slots[at] - 1];
    }
    return NONE;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < this.texts.length; e++) this.place(e);
  }

  private place(e: number): void {
    const h = hashOf(this.texts[e]);
    let at = slotOf(h, this.mask);
    while (this.slots[at] !== 0) at = (at + 1) & this.mask;
    this.slots[at] = e + 1;
    this.slotHashes[at] = h;
  }
}

/** Live states of the run: node, start token, tokens still skippable at a gap node, tokens skipped. */
class States {
  // One over the cap: a gap node is pushed with its node even at the cap.
  readonly nodes: TrieNode[] = new Array<TrieNode>(MAX_STATES + 1);
  readonly starts = new Int32Array(MAX_STATES + 1);
  readonly skips = new Int32Array(MAX_STATES + 1);
  readonly skipped = new Int32Array(MAX_STATES + 1);
  count = 0;

  push(node: TrieNode, start: number, skip: number, skipped: number): void {
    const n = this.count++;
    this.nodes[n] = node;
    this.starts[n] = start;
    this.skips[n] = skip;
    this.skipped[n] = skipped;
  }
}

export class Automaton {
  private readonly root = newNode();
  private size = 0;
  private readonly words = new SymbolTable();
  private readonly prefixes = new SymbolTable();
  private symbolCount = 0;
  /** prefixLength[n] = 1 when some prefix has n characters; probed at those lengths only. */
  private prefixLength = new Uint8Array(1);
  /**
   * prefixPairs[c0 << 7 | c1] = 1 when some prefix starts with those two (ASCII) characters:
   * a token that starts otherwise is not looked up as a prefix at all.
   */
  private readonly prefixPairs = new Uint8Array(128 * 128);
  /** Some prefix is one character long or starts outside ASCII: every token is looked up. */
  private probeEveryToken = false;
  /** The root's edges by symbol: the root is stepped at every token. */
  private readonly rootEdges: (TrieNode | undefined)[] = [];

  // The token being read: its word symbol and the symbols of the prefixes it starts with.
  private word = NONE;
  private readonly prefixSymbols: number[] = [];
  private prefixCount = 0;

  get patternCount(): number {
    return this.size;
  }

  /**
   * Live states stepped by the last `run` (the root counts once per token): the measure of its
   * work, which grows linearly with the text (at most MAX_STATES + 1 per token). Tests use it
   * to prove linear time without timing anything (test/unit/reliability/patterns.test.ts).
   */
  lastRunSteps = 0;

  /**
   * Inserts a parsed pattern tree: each branch of an alternation continues from every node the
   * branches before it reached, so shared prefixes are walked once and the alternatives the
   * tree stands for are never listed. `count` is how many alternatives it stands for.
   */
  addTree(seq: PatternNode[], id: number, count = 1): void {
    for (const node of this.insertSeq([this.root], seq)) {
      // A path of gaps alone (an alternative such as "..." of "(a|...)") matches nothing.
      if (node === this.root || this.onlyGaps.has(node)) continue;
      node.accepts ??= [];
      if (!node.accepts.includes(id)) node.accepts.push(id);
    }
    this.size += count;
  }

  /** Nodes reached from the root through gap edges alone. */
  private readonly onlyGaps = new Set<TrieNode>();

  private insertSeq(from: TrieNode[], seq: PatternNode[]): TrieNode[] {
    let nodes = from;
    for (let k = 0; k < seq.length; k++) {
      const node = seq[k];
      if ('step' in node) {
        const next: TrieNode[] = [];
        for (let i = 0; i < nodes.length; i++) next.push(this.edge(nodes[i], node.step));
        nodes = next;
      } else if ('seq' in node) nodes = this.insertSeq(nodes, node.seq);
      else if ('opt' in node) nodes = unique([...nodes, ...this.insertSeq(nodes, node.opt)]);
      else {
        const next: TrieNode[] = [];
        for (const alt of node.alt) for (const n of this.insertSeq(nodes, alt)) next.push(n);
        nodes = unique(next);
      }
    }
    return nodes;
  }

  /** The node one step past `node` (made when new). */
  private edge(node: TrieNode, step: Step): TrieNode {
    switch (step.kind) {
      case 'lit':
      case 'prefix': {
        const symbol = this.symbol(step.text, step.kind === 'prefix');
        node.next ??= new Map();
        let next = node.next.get(symbol);
        if (!next) {
          node.next.set(symbol, (next = newNode()));
          if (node === this.root) this.rootEdges[symbol] = next;
        }
        return next;
      }
      case 'num':
        return (node.num ??= newNode());
      case 'gap':
        if (!node.gap) {
          node.gap = { max: step.max, node: newNode() };
          if (node === this.root || this.onlyGaps.has(node)) this.onlyGaps.add(node.gap.node);
        }
        return node.gap.node;
    }
  }

  /** One expanded alternative (tests and tools). */
  add(steps: Step[], id: number): void {
    this.addTree(steps.map((step) => ({ step })), id);
  }

  private symbol(text: string, prefix: boolean): number {
    const table = prefix ? this.prefixes : this.words;
    let symbol = table.get(text);
    if (symbol === undefined) {
      symbol = this.symbolCount++;
      table.add(text, symbol);
      if (prefix) {
        if (text.length >= this.prefixLength.length) {
          const grown = new Uint8Array(text.length + 1);
          grown.set(this.prefixLength);
          this.prefixLength = grown;
        }
        this.prefixLength[text.length] = 1;
        const c0 = text.charCodeAt(0);
        const c1 = text.charCodeAt(1);
        if (text.length < 2 || c0 >= 128 || c1 >= 128) this.probeEveryToken = true;
        else this.prefixPairs[(c0 << 7) | c1] = 1;
      }
    }
    return symbol;
  }

  /** Reads token `i`: sets `word`, `prefixSymbols` and `prefixCount`. */
  private read(t: Tokens, i: number): void {
    this.prefixCount = 0;
    if (!this.scan(t.text, t.start[i], t.end[i], true)) {
      // Outside ASCII, lower-casing is Unicode's: read the lower-cased string instead.
      const s = tokenText(t, i);
      this.prefixCount = 0;
      this.scan(s, 0, s.length, false);
    }
  }

  /**
   * Hashes `src[s, e)` (ASCII upper case as lower case), looking up prefixes on the way and
   * the word at the end. With `asciiOnly`, gives up (false) at the first non-ASCII character.
   */
  private scan(src: string, s: number, e: number, asciiOnly: boolean): boolean {
    const lengths = this.prefixLength;
    const probe = this.probeEveryToken || !asciiOnly || (e - s >= 2 && this.startsPrefix(src.charCodeAt(s), src.charCodeAt(s + 1)));
    let h = 0;
    for (let k = s; k < e; k++) {
      let c = src.charCodeAt(k);
      if (c >= 128 && asciiOnly) return false;
      if (c >= 65 && c <= 90) c += 32;
      h = (Math.imul(h, 31) + c) | 0;
      const len = k - s + 1;
      if (probe && len < lengths.length && lengths[len] === 1) {
        const p = this.prefixes.find(h, src, s, len);
        if (p !== NONE) this.prefixSymbols[this.prefixCount++] = p;
      }
    }
    this.word = this.words.find(h, src, s, e - s);
    return true;
  }

  /** Whether some prefix starts with these two characters (ASCII, either case). */
  private startsPrefix(c0: number, c1: number): boolean {
    if (c0 >= 128 || c1 >= 128) return false;
    if (c0 >= 65 && c0 <= 90) c0 += 32;
    if (c1 >= 65 && c1 <= 90) c1 += 32;
    return this.prefixPairs[(c0 << 7) | c1] === 1;
  }

  /** All matches in the tokens, never crossing a sentence boundary. */
  run(t: Tokens, firstToken = 0, lastToken = t.count): Match[] {
    const matches: Match[] = [];
    let live = new States();
    let next = new States();
    let sentence = -1;
    let work = 0;

    const enter = (node: TrieNode, startTok: number, endTok: number, skipped: number) => {
      const accepts = node.accepts;
      if (accepts) for (let a = 0; a < accepts.length; a++) matches.push({ id: accepts[a], first: startTok, last: endTok, skipped });
      if (next.count >= MAX_STATES || !canAdvance(node)) return;
      next.push(node, startTok, 0, skipped);
      if (node.gap) next.push(node.gap.node, startTok, node.gap.max, skipped);
    };
    const step = (node: TrieNode, startTok: number, i: number, isNum: boolean, skipped: number) => {
      const edges = node.next;
      if (edges !== undefined) {
        if (this.word !== NONE) {
          const lit = edges.get(this.word);
          if (lit) enter(lit, startTok, i + 1, skipped);
        }
        for (let p = 0; p < this.prefixCount; p++) {
          const n = edges.get(this.prefixSymbols[p]);
          if (n) enter(n, startTok, i + 1, skipped);
        }
      }
      if (isNum && node.num) enter(node.num, startTok, i + 1, skipped);
    };
    const stepRoot = (i: number, isNum: boolean) => {
      const edges = this.rootEdges;
      if (this.word !== NONE) {
        const lit = edges[this.word];
        if (lit) enter(lit, i, i + 1, 0);
      }
      for (let p = 0; p < this.prefixCount; p++) {
        const n = edges[this.prefixSymbols[p]];
        if (n) enter(n, i, i + 1, 0);
      }
      if (isNum && this.root.num) enter(this.root.num, i, i + 1, 0);
    };

    for (let i = firstToken; i < lastToken; i++) {
      if (t.sentenceOf[i] !== sentence) {
        sentence = t.sentenceOf[i];
        live.count = 0;
      }
      this.read(t, i);
      const isNum = t.kind[i] === TokenKind.Number;
      next.count = 0;
      for (let s = 0; s < live.count; s++) {
        const start = live.starts[s];
        step(live.nodes[s], start, i, isNum, live.skipped[s]);
        const skips = live.skips[s];
        if (skips > 0 && next.count < MAX_STATES) {
          const bit = i - start < 31 ? 1 << (i - start) : 0;
          next.push(live.nodes[s], start, skips - 1, live.skipped[s] | bit);
        }
      }
      stepRoot(i, isNum);
      work += live.count + 1;
      // Swap buffers; only states that can still advance are kept.
      const swap = live;
      live = next;
      next = swap;
    }
    this.lastRunSteps = work;
    return matches;
  }
}

function unique(nodes: TrieNode[]): TrieNode[] {
  return nodes.length < 2 ? nodes : [...new Set(nodes)];
}
