/**
 * A policy section's verbatim text as markdown that renders without literal markup.
 *
 * The seeds were converted from HTML/PDF and keep some of their markup: emphasis that pairs
 * (`*reconstructive procedures*`, `**medically necessary**`) is kept as emphasis; stray
 * delimiters left by the conversion (`- II.** It is`) are dropped; a lone `*` is a footnote
 * mark and stays, escaped; bracketed trademark signs (`Centene Corporation[®]`) lose their
 * brackets. Everything else markdown would interpret is escaped.
 */

const MARKS = /\[([®™©℠])\]/g;

/** One line of policy text as markdown (emphasis paired per line, as markdown pairs it). */
export function policyLineMarkdown(line: string): string {
  const text = line.replace(MARKS, '$1');
  // Delimiter runs of one or two `*`: where they are, whether they may open or close.
  const runs: { at: number; len: number; open: boolean; close: boolean; paired: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '*') continue;
    let j = i;
    while (text[j] === '*') j++;
    const before = text[i - 1] ?? ' ';
    const after = text[j] ?? ' ';
    const len = Math.min(j - i, 2);
    runs.push({ at: i, len, open: !/\s/.test(after), close: !/\s/.test(before), paired: false });
    i = j - 1;
  }
  // Pair each closer with the nearest earlier unpaired opener of the same length.
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    if (!r.close) continue;
    for (let o = k - 1; o >= 0; o--) {
      const q = runs[o];
      if (!q.paired && q.open && q.len === r.len) {
        if (o === k - 1 && q.at + q.len === r.at) break; // `**` with nothing inside
        q.paired = r.paired = true;
        break;
      }
    }
  }
  let out = '';
  let last = 0;
  for (const r of runs) {
    out += escapeText(text.slice(last, r.at));
    const runEnd = skipStars(text, r.at);
    if (r.paired) out += '*'.repeat(r.len);
    else if (r.len === 1) out += '\\*'; // a footnote mark is text
    // an unpaired `**` is conversion debris: dropped
    last = runEnd;
  }
  return out + escapeText(text.slice(last));
}

/**
 * Section text as markdown lines, quoted (`> `) so the hover sets it apart. Each line of the
 * policy is its own block (an empty quoted line between), so a paragraph after a list item
 * does not run on into the item.
 */
export function policyTextMarkdown(text: string): string[] {
  return text.split(/\r?\n/).flatMap((l, i) => (i === 0 ? [`> ${policyLineMarkdown(l)}`] : ['>', `> ${policyLineMarkdown(l)}`]));
}

function skipStars(text: string, i: number): number {
  while (text[i] === '*') i++;
  return i;
}

/** Like mdEscape, but `*` runs are handled by the caller and list markers stay lists. */
function escapeText(text: string): string {
  return text.replace(/[\\`_[\]<>|~#]/g, (c) => `\\${c}`);
}
