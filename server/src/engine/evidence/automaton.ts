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

/**
 * The trie is flat: a node is a number, its number and gap edges are columns indexed by it,
 * and its word edges are one open-addressing table keyed by (node, symbol). The bundled
 * concepts make some 145,000 nodes; as objects with a Map each they cost a fifth of a second
 * and most of the start-up's garbage collection to build.
 */
const NO_NODE = -1;
const ROOT = 0;
/** Node flags. */
const HAS_EDGES = 1;
/** Reached from the root through gap edges alone: a path that matches nothing. */
const ONLY_GAPS = 2;

/** An Int32Array twice as long, the new half filled with `fill`. */
function grown(a: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  b.fill(fill, a.length);
  return b;
}

/** Spreads a (node, symbol) pair over the low bits that pick a slot. */
function edgeSlot(node: number, symbol: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ symbol;
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) & mask;
}

class Trie {
  size = 1;
  numEdge = new Int32Array(1024).fill(NO_NODE);
  gapEdge = new Int32Array(1024).fill(NO_NODE);
  gapMax = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** Ids of the patterns that end at a node (sparse: most nodes accept nothing). */
  readonly accepts: (number[] | undefined)[] = [];
  // Word edges: slot -> from node (NO_NODE: empty), symbol, to node.
  private edgeFrom = new Int32Array(2048).fill(NO_NODE);
  private edgeSymbol = new Int32Array(2048);
  private edgeTo = new Int32Array(2048);
  private edgeCount = 0;
  private mask = 2047;

  newNode(): number {
    const n = this.size++;
    if (n >= this.flags.length) {
      this.numEdge = grown(this.numEdge, NO_NODE);
      this.gapEdge = grown(this.gapEdge, NO_NODE);
      this.gapMax = grown(this.gapMax, 0);
      const flags = new Uint8Array(this.flags.length * 2);
      flags.set(this.flags);
      this.flags = flags;
    }
    return n;
  }

  canAdvance(node: number): boolean {
    return (this.flags[node] & HAS_EDGES) !== 0 || this.numEdge[node] !== NO_NODE || this.gapEdge[node] !== NO_NODE;
  }

  /** The node the word edge `symbol` leads to from `node`, or NO_NODE. */
  child(node: number, symbol: number): number {
    const { edgeFrom, edgeSymbol, mask } = this;
    for (let at = edgeSlot(node, symbol, mask); edgeFrom[at] !== NO_NODE; at = (at + 1) & mask) {
      if (edgeFrom[at] === node && edgeSymbol[at] === symbol) return this.edgeTo[at];
    }
    return NO_NODE;
  }

  addChild(node: number, symbol: number, to: number): void {
    if ((this.edgeCount + 1) * 2 > this.edgeFrom.length) this.rehash();
    this.place(node, symbol, to);
    this.edgeCount++;
    this.flags[node] |= HAS_EDGES;
  }

  private place(node: number, symbol: number, to: number): void {
    let at = edgeSlot(node, symbol, this.mask);
    while (this.edgeFrom[at] !== NO_NODE) at = (at + 1) & this.mask;
    this.edgeFrom[at] = node;
    this.edgeSymbol[at] = symbol;
    this.edgeTo[at] = to;
  }

  private rehash(): void {
    const [from, symbol, to] = [this.edgeFrom, this.edgeSymbol, this.edgeTo];
    this.edgeFrom = new Int32Array(from.length * 2).fill(NO_NODE);
    this.edgeSymbol = new Int32Array(from.length * 2);
    this.edgeTo = new Int32Array(from.length * 2);
    this.mask = from.length * 2 - 1;
    for (let at = 0; at < from.length; at++) if (from[at] !== NO_NODE) this.place(from[at], symbol[at], to[at]);
  }
}

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
  readonly nodes = new Int32Array(MAX_STATES + 1);
  readonly starts = new Int32Array(MAX_STATES + 1);
  readonly skips = new Int32Array(MAX_STATES + 1);
  readonly skipped = new Int32Array(MAX_STATES + 1);
  count = 0;

  push(node: number, start: number, skip: number, skipped: number): void {
    const n = this.count++;
    this.nodes[n] = node;
    this.starts[n] = start;
    this.skips[n] = skip;
    this.skipped[n] = skipped;
  }
}

export class Automaton {
  private readonly trie = new Trie();
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
  private rootEdges = new Int32Array(256).fill(NO_NODE);

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
    const { accepts, flags } = this.trie;
    for (const node of this.insertSeq([ROOT], seq)) {
      // A path of gaps alone (an alternative such as "..." of "(a|...)") matches nothing.
      if (node === ROOT || (flags[node] & ONLY_GAPS) !== 0) continue;
      const ids = (accepts[node] ??= []);
      if (!ids.includes(id)) ids.push(id);
    }
    this.size += count;
  }

  private insertSeq(from: number[], seq: PatternNode[]): number[] {
    let nodes = from;
    for (let k = 0; k < seq.length; k++) {
      const node = seq[k];
      if ('step' in node) {
        const next: number[] = [];
        for (let i = 0; i < nodes.length; i++) next.push(this.edge(nodes[i], node.step));
        nodes = next;
      } else if ('seq' in node) nodes = this.insertSeq(nodes, node.seq);
      else if ('opt' in node) nodes = unique([...nodes, ...this.insertSeq(nodes, node.opt)]);
      else {
        const next: number[] = [];
        for (const alt of node.alt) for (const n of this.insertSeq(nodes, alt)) next.push(n);
        nodes = unique(next);
      }
    }
    return nodes;
  }

  /** The node one step past `node` (made when new). */
  private edge(node: number, step: Step): number {
    const trie = this.trie;
    switch (step.kind) {
      case 'lit':
      case 'prefix': {
        const symbol = this.symbol(step.text, step.kind === 'prefix');
        let next = trie.child(node, symbol);
        if (next === NO_NODE) {
          trie.addChild(node, symbol, (next = trie.newNode()));
          if (node === ROOT) {
            while (symbol >= this.rootEdges.length) this.rootEdges = grown(this.rootEdges, NO_NODE);
            this.rootEdges[symbol] = next;
          }
        }
        return next;
      }
      case 'num':
        if (trie.numEdge[node] === NO_NODE) {
          const next = trie.newNode();
          trie.numEdge[node] = next;
        }
        return trie.numEdge[node];
      case 'gap':
        if (trie.gapEdge[node] === NO_NODE) {
          const next = trie.newNode();
          trie.gapEdge[node] = next;
          trie.gapMax[node] = step.max;
          if (node === ROOT || (trie.flags[node] & ONLY_GAPS) !== 0) trie.flags[next] |= ONLY_GAPS;
        }
        return trie.gapEdge[node];
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

    const trie = this.trie;
    const { accepts: acceptsOf, numEdge, gapEdge, gapMax, flags } = trie;
    const enter = (node: number, startTok: number, endTok: number, skipped: number) => {
      const accepts = acceptsOf[node];
      if (accepts) for (let a = 0; a < accepts.length; a++) matches.push({ id: accepts[a], first: startTok, last: endTok, skipped });
      if (next.count >= MAX_STATES || !trie.canAdvance(node)) return;
      next.push(node, startTok, 0, skipped);
      const gap = gapEdge[node];
      if (gap !== NO_NODE) next.push(gap, startTok, gapMax[node], skipped);
    };
    const step = (node: number, startTok: number, i: number, isNum: boolean, skipped: number) => {
      if ((flags[node] & HAS_EDGES) !== 0) {
        if (this.word !== NONE) {
          const lit = trie.child(node, this.word);
          if (lit !== NO_NODE) enter(lit, startTok, i + 1, skipped);
        }
        for (let p = 0; p < this.prefixCount; p++) {
          const n = trie.child(node, this.prefixSymbols[p]);
          if (n !== NO_NODE) enter(n, startTok, i + 1, skipped);
        }
      }
      if (isNum && numEdge[node] !== NO_NODE) enter(numEdge[node], startTok, i + 1, skipped);
    };
    const edges = this.rootEdges;
    const stepRoot = (i: number, isNum: boolean) => {
      if (this.word !== NONE && this.word < edges.length) {
        const lit = edges[this.word];
        if (lit !== NO_NODE) enter(lit, i, i + 1, 0);
      }
      for (let p = 0; p < this.prefixCount; p++) {
        const symbol = this.prefixSymbols[p];
        const n = symbol < edges.length ? edges[symbol] : NO_NODE;
        if (n !== NO_NODE) enter(n, i, i + 1, 0);
      }
      if (isNum && numEdge[ROOT] !== NO_NODE) enter(numEdge[ROOT], i, i + 1, 0);
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

function unique(nodes: number[]): number[] {
  return nodes.length < 2 ? nodes : [...new Set(nodes)];
}
