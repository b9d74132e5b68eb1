/**
 * The policy's own words for a citation: a section's text line by line, whole lines only (never
 * cut inside a criterion or at a parenthesis), without the policy file's emphasis markup. When
 * the determination reports one alternative of a numbered list (Centene I.A.1), the other
 * alternatives are left out and the omission is marked, so the quote shows the lead-in, the
 * criteria that were applied and the section's other requirements (I.B).
 */

/** Longest quote, in characters: a section may be pages long (or hostile); the rest is marked. */
const QUOTE_MAX = 2400;

/** `I.`, `A.`, `1.`, `a.`, `ii.` at the start of a line, after an optional bullet and emphasis. */
const LABEL = /^\s*(?:[-*]\s*)?(?:\*\*)?\s*([IVX]+|[A-Z]|\d+|[a-z]|[ivx]+)\.(?:\*\*)?\s/;

type Kind = 'roman' | 'upper' | 'digit' | 'lower' | 'lower-roman';

interface Line {
  text: string;
  label?: string;
}

/** The lines of `text` to quote for the reported alternative (`I.A.1` of section `I.A`). */
export function policyQuote(text: string, section: string, alternative?: string): string[] {
  const lines: Line[] = text.split(/\r?\n/).map((t) => ({ text: t, label: LABEL.exec(t)?.[1] }));
  const keep = alternative ? withoutOtherAlternatives(lines, section, alternative) : lines.map(() => true);
  const out: string[] = [];
  let size = 0;
  let skipped = false;
  for (let i = 0; i < lines.length; i++) {
    if (!keep[i]) {
      if (!skipped) out.push('[…]');
      skipped = true;
      continue;
    }
    skipped = false;
    // A line longer than the whole quote (a hostile policy file) is shortened, and says so.
    const raw = lines[i].text;
    const plain = plainPolicyText(raw.length > QUOTE_MAX ? `${raw.slice(0, QUOTE_MAX)}…` : raw);
    if (!plain) continue;
    if (size + plain.length > QUOTE_MAX && out.length > 0) {
      out.push('[… the section continues in the policy]');
      break;
    }
    size += plain.length;
    out.push(plain);
  }
  return out;
}

/** Policy text without the markup the policy files carry (`**bold**`, `*italic*`, `[®]`). */
export function plainPolicyText(line: string): string {
  return line
    .replace(/\[(®|™|©)\]/g, '$1')
    .replace(/\^\{[\d,\s]+\}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=\s|$)/g, '') // reference marks of the policy's bibliography
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(])\*(?=\S)([^*]+?)\*(?=$|[\s.,;:)])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Marks the lines to keep: everything except the alternatives not reported (and their
 * sub-items). `I.A.4.b` under section `I.A`: the items `1.`-`3.` beside `4.`, and `a.` beside `b.`.
 */
function withoutOtherAlternatives(lines: Line[], section: string, alternative: string): boolean[] {
  const keep = lines.map(() => true);
  if (!alternative.startsWith(section + '.')) return keep;
  const path = alternative.split('.');
  const kinds: Kind[] = [];
  const at: number[] = [];
  for (const part of path) {
    const kind = kindOf(part, kinds);
    const from = at.length ? at[at.length - 1] : -1;
    const i = lines.findIndex((l, j) => j > from && l.label === part && kindOf(l.label, kinds) === kind);
    if (i < 0) return keep; // the text does not number its items as the ids do: quote it whole
    kinds.push(kind);
    at.push(i);
  }
  for (let k = section.split('.').length; k < path.length; k++) {
    const parentKinds = new Set(kinds.slice(0, k));
    let inSibling = false;
    // From the parent's line to the parent's next sibling (I.B), items of this level's kind.
    for (let j = at[k - 1] + 1; j < lines.length; j++) {
      const label = lines[j].label;
      const kind = label === undefined ? undefined : kindOf(label, kinds);
      if (kind !== undefined && parentKinds.has(kind)) break;
      if (kind === kinds[k]) inSibling = j !== at[k];
      if (inSibling) keep[j] = false;
    }
  }
  return keep;
}

/** The numbering kind of a label; `I`, `i`, `v`, `x` read as roman unless letters are in use at that depth. */
function kindOf(label: string, pathKinds: readonly Kind[]): Kind {
  if (/^\d+$/.test(label)) return 'digit';
  if (/^[IVX]+$/.test(label)) return label.length > 1 || !pathKinds.includes('roman') ? 'roman' : 'upper';
  if (/^[A-Z]$/.test(label)) return 'upper';
  if (/^[ivx]+$/.test(label)) return label.length > 1 || pathKinds.includes('lower') ? 'lower-roman' : 'lower';
  return 'lower';
}
