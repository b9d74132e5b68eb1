/**
 * One token automaton over every pattern of every concept and every context trigger,
 * compiled once per policy set. A single left-to-right pass over the tokens finds all
 * matches: the cost per token is a hash look-up per live state, independent of how many
 * patterns or policies are loaded (SPEC 8).
 */
import type { Step } from './pattern';
import { TokenKind, type Tokens } from './tokenize';

interface TrieNode {
  lit: Map<string, TrieNode>;
  prefix: { text: string; node: TrieNode }[];
  num?: TrieNode;
  /** Gap edge: skip up to `max` tokens, then continue from `node`. */
  gap?: { max: number; node: TrieNode };
  accepts: number[];
}

const newNode = (): TrieNode => ({ lit: new Map(), prefix: [], accepts: [] });

export interface Match {
  /** Id given when the pattern was added. */
  id: number;
  /** Token range [first, last). */
  first: number;
  last: number;
}

/** Live states above this per token are dropped (guards against pathological gap patterns). */
const MAX_STATES = 256;

export class Automaton {
  private readonly root = newNode();
  private size = 0;

  get patternCount(): number {
    return this.size;
  }

  /**
   * Live states stepped by the last `run` (the root counts once per token): the measure of its
   * work, which grows linearly with the text (at most MAX_STATES + 1 per token). Tests use it
   * to prove linear time without timing anything.
   */
  lastRunSteps = 0;

  add(steps: Step[], id: number): void {
    let node = this.root;
    for (const step of steps) {
      switch (step.kind) {
        case 'lit': {
          let next = node.lit.get(step.text);
          if (!next) node.lit.set(step.text, (next = newNode()));
          node = next;
          break;
        }
        case 'prefix': {
          let edge = node.prefix.find((p) => p.text === step.text);
          if (!edge) node.prefix.push((edge = { text: step.text, node: newNode() }));
          node = edge.node;
          break;
        }
        case 'num':
          node = node.num ??= newNode();
          break;
        case 'gap':
          if (!node.gap) node.gap = { max: step.max, node: newNode() };
          node = node.gap.node;
          break;
      }
    }
    if (!node.accepts.includes(id)) node.accepts.push(id);
    this.size++;
  }

  /** All matches in the tokens, never crossing a sentence boundary. */
  run(t: Tokens, firstToken = 0, lastToken = t.count): Match[] {
    const matches: Match[] = [];
    // Live states: node, start token, tokens still skippable at a gap node.
    let nodes: TrieNode[] = [];
    let starts: number[] = [];
    let skips: number[] = [];
    let nn: TrieNode[] = [];
    let ns: number[] = [];
    let nk: number[] = [];
    let sentence = -1;
    let work = 0;

    const enter = (node: TrieNode, startTok: number, endTok: number) => {
      for (const id of node.accepts) matches.push({ id, first: startTok, last: endTok });
      if (nn.length >= MAX_STATES || !(node.lit.size || node.prefix.length || node.num || node.gap)) return;
      nn.push(node);
      ns.push(startTok);
      nk.push(0);
      if (node.gap) {
        nn.push(node.gap.node);
        ns.push(startTok);
        nk.push(node.gap.max);
      }
    };
    const step = (node: TrieNode, startTok: number, i: number, tok: string, isNum: boolean) => {
      const lit = node.lit.size ? node.lit.get(tok) : undefined;
      if (lit) enter(lit, startTok, i + 1);
      for (const p of node.prefix) if (tok.startsWith(p.text)) enter(p.node, startTok, i + 1);
      if (isNum && node.num) enter(node.num, startTok, i + 1);
    };

    for (let i = firstToken; i < lastToken; i++) {
      if (t.sentenceOf[i] !== sentence) {
        sentence = t.sentenceOf[i];
        nodes.length = 0;
        starts.length = 0;
        skips.length = 0;
      }
      const tok = t.norm[i];
      const isNum = t.kind[i] === TokenKind.Number;
      nn.length = 0;
      ns.length = 0;
      nk.length = 0;
      for (let s = 0; s < nodes.length; s++) {
        step(nodes[s], starts[s], i, tok, isNum);
        if (skips[s] > 0 && nn.length < MAX_STATES) {
          nn.push(nodes[s]);
          ns.push(starts[s]);
          nk.push(skips[s] - 1);
        }
      }
      step(this.root, i, i, tok, isNum);
      work += nodes.length + 1;
      // Swap buffers; only states that can still advance are kept.
      [nodes, nn] = [nn, nodes];
      [starts, ns] = [ns, starts];
      [skips, nk] = [nk, skips];
    }
    this.lastRunSteps = work;
    return matches;
  }
}
