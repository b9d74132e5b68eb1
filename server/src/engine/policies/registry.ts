/**
 * The loaded policies, indexed for the checks: code -> governing sections (ranges kept as
 * intervals), descriptors, payer names.
 */
import type { LoadedPolicy } from './load';
import type { Section } from './schema';

/** A code split into letter prefix, number and letter suffix: `0489T` -> ('', 489, 'T', 4). */
export interface CodeParts {
  prefix: string;
  num: number;
  suffix: string;
  width: number;
}

const CODE_PARTS = /^([A-Z]?)(\d+)([A-Z]?)$/;

function parts(code: string): CodeParts | undefined {
  const m = CODE_PARTS.exec(code.trim().toUpperCase());
  return m ? { prefix: m[1], num: Number(m[2]), suffix: m[3], width: m[2].length } : undefined;
}

export const sameShape = (a: CodeParts, b: CodeParts) => a.prefix === b.prefix && a.suffix === b.suffix && a.width === b.width;

/** An inclusive code range; a single code is a range of one. */
export interface CodeRange {
  first: CodeParts;
  last: CodeParts;
}

/** `15771-15774` or `15773`; undefined when the ends differ in shape or are out of order. */
export function parseCodeRef(ref: string): CodeRange | undefined {
  const [a, b = a, extra] = ref.split('-');
  if (extra !== undefined) return undefined;
  const first = parts(a);
  const last = parts(b);
  if (!first || !last || !sameShape(first, last) || first.num > last.num) return undefined;
  return { first, last };
}

function inRange(code: string, r: CodeRange): boolean {
  const p = parts(code);
  return !!p && sameShape(p, r.first) && p.num >= r.first.num && p.num <= r.last.num;
}

/** The code of shape `p` with number `num`, as policies write it: ('', 489, 'T', 4) -> 0489T. */
export function codeAt(p: CodeParts, num: number): string {
  return p.prefix + String(num).padStart(p.width, '0') + p.suffix;
}

/** Whether `code` is one of `refs` (codes and inclusive ranges): the `codes` filter of a branch. */
export function codeFits(code: string, refs: readonly string[]): boolean {
  return refs.some((ref) => {
    const r = parseCodeRef(ref);
    return !!r && inRange(code, r);
  });
}

export interface Governing {
  policy: LoadedPolicy;
  section: Section;
}

/**
 * Code ranges of one shape (prefix, width, suffix) kept as intervals, never expanded (SPEC 9:
 * a policy of 400 sections x 18 ranges of 5,000 codes took 21 s and 900 MB expanded). An
 * implicit interval tree: ranges sorted by first code; node `mid` of `[lo, hi)` stores the
 * largest last code below it, so a lookup visits O(log n + hits) nodes. Built in O(n log n).
 */
class IntervalIndex {
  private readonly first: Float64Array;
  private readonly last: Float64Array;
  private readonly owner: Int32Array;
  private readonly maxLast: Float64Array;

  constructor(ranges: { first: number; last: number; owner: number }[]) {
    ranges.sort((a, b) => a.first - b.first || a.owner - b.owner);
    const n = ranges.length;
    this.first = Float64Array.from(ranges, (r) => r.first);
    this.last = Float64Array.from(ranges, (r) => r.last);
    this.owner = Int32Array.from(ranges, (r) => r.owner);
    this.maxLast = new Float64Array(n);
    this.build(0, n);
  }

  private build(lo: number, hi: number): number {
    if (lo >= hi) return -Infinity;
    const mid = (lo + hi) >> 1;
    const m = Math.max(this.last[mid], this.build(lo, mid), this.build(mid + 1, hi));
    this.maxLast[mid] = m;
    return m;
  }

  /** Adds the owner of every range holding `x` to `out`. */
  query(x: number, out: number[], lo = 0, hi = this.first.length): void {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxLast[mid] < x) return;
      this.query(x, out, lo, mid);
      if (this.first[mid] > x) return; // every range right of mid starts later still
      if (this.last[mid] >= x) out.push(this.owner[mid]);
      lo = mid + 1;
    }
  }
}

const shapeKey = (p: CodeParts) => `${p.prefix}|${p.width}|${p.suffix}`;

/** Lookups remembered (a check asks for the same few codes again and again). */
const MEMO_MAX = 4096;
const NONE: readonly Governing[] = Object.freeze([]);

export class PolicyRegistry {
  /** Every governing section, in policy-load order then section order (the order of answers). */
  private readonly govs: Governing[] = [];
  private readonly byShape = new Map<string, IntervalIndex>();
  private readonly memo = new Map<string, readonly Governing[]>();

  constructor(readonly policies: readonly LoadedPolicy[]) {
    const pending = new Map<string, { first: number; last: number; owner: number }[]>();
    for (const policy of policies) {
      for (const section of policy.policy.sections) {
        const owner = this.govs.push({ policy, section }) - 1;
        for (const ref of section.codes) {
          const r = parseCodeRef(ref);
          if (!r) continue; // the loader reports malformed ranges
          const key = shapeKey(r.first);
          let list = pending.get(key);
          if (!list) pending.set(key, (list = []));
          list.push({ first: r.first.num, last: r.last.num, owner });
        }
      }
    }
    for (const [key, ranges] of pending) this.byShape.set(key, new IntervalIndex(ranges));
  }

  /** The sections that govern `code`, in policy-load order then section order. */
  sectionsFor(code: string): readonly Governing[] {
    const key = code.trim().toUpperCase();
    const known = this.memo.get(key);
    if (known) return known;
    const p = parts(key);
    const index = p && this.byShape.get(shapeKey(p));
    let found = NONE;
    if (p && index) {
      const owners: number[] = [];
      index.query(p.num, owners);
      if (owners.length > 0) {
        // A section listing overlapping ranges governs once.
        owners.sort((a, b) => a - b);
        found = owners.filter((o, i) => i === 0 || owners[i - 1] !== o).map((o) => this.govs[o]);
      }
    }
    if (this.memo.size >= MEMO_MAX) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  /** The descriptor from a policy code table: the named policy's if given, else the first that has one. */
  descriptor(code: string, policyId?: string): string | undefined {
    const key = code.trim().toUpperCase();
    for (const p of this.policies) {
      if (policyId !== undefined && p.policy.id !== policyId) continue;
      const d = p.policy.codes[key];
      if (d !== undefined) return d;
    }
    return undefined;
  }

  /** Every code in a policy code table or named singly by a section, sorted (for completion). */
  allCodes(policies: readonly LoadedPolicy[] = this.policies): string[] {
    const codes = new Set<string>();
    for (const p of policies) {
      for (const c of Object.keys(p.policy.codes)) codes.add(c);
      for (const s of p.policy.sections) for (const ref of s.codes) if (!ref.includes('-')) codes.add(ref);
    }
    return [...codes].sort();
  }

  policy(id: string): LoadedPolicy | undefined {
    return this.policies.find((p) => p.policy.id === id);
  }

  /** Payer names and aliases, deduplicated, in load order (quick fixes for an unknown payer). */
  payers(): string[] {
    const names = new Set<string>();
    for (const p of this.policies) for (const n of [p.policy.payer, ...p.policy.aliases]) names.add(n);
    return [...names];
  }

  /**
   * The policies of the payer a claim names. An exact name or alias wins; otherwise a name or
   * alias that occurs in the claim's payer as whole words ("Anthem Blue Cross Connecticut",
   * "Blue Cross and Blue Shield of Alabama"). When several payers occur, the one named first
   * wins ("Anthem Blue Cross and Blue Shield" is Anthem), then the longest name.
   */
  matchPayer(name: string): LoadedPolicy[] | undefined {
    const claim = normalizePayer(name);
    if (!claim) return undefined;
    // The registry never changes: each payer name is matched once (a check names one payer).
    if (!this.payerMatches.has(claim)) {
      if (this.payerMatches.size >= 256) this.payerMatches.clear(); // names typed one key at a time
      this.payerMatches.set(claim, this.scorePayer(claim));
    }
    return this.payerMatches.get(claim);
  }

  private readonly payerMatches = new Map<string, LoadedPolicy[] | undefined>();
  /** Each policy's payer name and aliases, normalised once. */
  private payerNames?: { p: LoadedPolicy; names: string[] }[];

  private scorePayer(claim: string): LoadedPolicy[] | undefined {
    this.payerNames ??= this.policies.map((p) => ({ p, names: [p.policy.payer, ...p.policy.aliases].map(normalizePayer) }));
    // Score each policy by its best-matching name: exact first, then earliest, then longest.
    const scored: { p: LoadedPolicy; at: number; len: number }[] = [];
    for (const { p, names } of this.payerNames) {
      let best: { at: number; len: number } | undefined;
      for (const alias of names) {
        if (!alias) continue;
        const at = alias === claim ? -1 : ` ${claim} `.indexOf(` ${alias} `);
        if (at === -1 && alias !== claim) continue;
        if (!best || at < best.at || (at === best.at && alias.length > best.len)) best = { at, len: alias.length };
      }
      if (best) scored.push({ p, ...best });
    }
    if (scored.length === 0) return undefined;
    const top = scored.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.len > a.len) ? b : a));
    const payers = new Set(scored.filter((s) => s.at === top.at && s.len === top.len).map((s) => s.p.policy.payer));
    return this.policies.filter((p) => payers.has(p.policy.payer));
  }
}

/** Lower case, `&` as `and`, punctuation as spaces: "Blue Cross & Blue Shield, Inc." -> "blue cross and blue shield inc". */
export function normalizePayer(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
