/**
 * Checkboxes as EHR templates write them (SPEC 2.2): `[x] photographs taken` documents the item;
 * `[ ] photographs taken` does not. An unchecked item is neither affirmed nor negated: it is
 * simply not documented, so its text is blanked before the note is read (same length, so every
 * offset stays put). A checked item reads as its text.
 */

/** An unchecked box at the start of a line (after blanks or a list marker). */
const UNCHECKED = /^([ \t]*(?:[-*•][ \t]+)?)(\[[ \t]?\]|☐)/;

export function maskUncheckedBoxes(text: string): string {
  if (!text.includes('[ ]') && !text.includes('[]') && !text.includes('[\t]') && !text.includes('☐')) return text;
  let out: string[] | undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const m = UNCHECKED.exec(text.slice(start, Math.min(end, start + 64)));
    if (m) {
      out ??= text.split('');
      // The item ends at the line's end, or at the next box on the same line ("[ ] a  [x] b").
      const from = start + m[1].length;
      let to = end;
      const next = text.slice(from + m[2].length, end).search(/\[[xX✓✔]\]|☒|☑/);
      if (next !== -1) to = from + m[2].length + next;
      for (let i = from; i < to; i++) if (out[i] !== '\r') out[i] = ' ';
    }
    start = end + 1;
  }
  return out ? out.join('') : text;
}
