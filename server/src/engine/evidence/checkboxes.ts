/**
 * Checkboxes as EHR templates write them (SPEC 2.2): `[x] photographs taken` documents the item;
 * `[ ] photographs taken` does not. An unchecked item is neither affirmed nor negated: it is
 * simply not documented, so its text is blanked before the note is read (same length, so every
 * offset stays put). A checked item reads as its text.
 *
 * Boxes may start the line or follow a label: "Functional limitation: [ ] Eating [ ] Speech".
 * Each unchecked item runs to the next box or the line's end. A label whose boxes are all
 * unchecked is a question left unanswered, and is blanked with them; a label with a checked box
 * reads, with the checked items ("Concern(s): [x] Volume [ ] Asymmetry" is a volume concern).
 */

/** A box, checked or not: `[ ]`, `[]`, `[x]`, `☐`, `☒` ... (group 1 set when unchecked). */
const BOX = /(\[[ \t]?\]|☐)|\[[xX✓✔]\]|☒|☑/g;

/** Longest label before a line's first box that is read as the boxes' question. */
const LABEL_MAX = 64;

export function maskUncheckedBoxes(text: string): string {
  if (!text.includes('[ ]') && !text.includes('[]') && !text.includes('[\t]') && !text.includes('☐')) return text;
  let out: string[] | undefined;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.includes('[') || line.includes('☐')) {
      const boxes: { at: number; unchecked: boolean }[] = [];
      BOX.lastIndex = 0;
      for (let m = BOX.exec(line); m; m = BOX.exec(line)) boxes.push({ at: m.index, unchecked: m[1] !== undefined });
      if (boxes.some((b) => b.unchecked)) {
        out ??= text.split('');
        const blank = (from: number, to: number) => {
          for (let i = start + from; i < start + to; i++) if (out![i] !== '\r') out![i] = ' ';
        };
        boxes.forEach((b, i) => b.unchecked && blank(b.at, i + 1 < boxes.length ? boxes[i + 1].at : line.length));
        const first = boxes[0].at;
        if (boxes.every((b) => b.unchecked) && first > 0 && first <= LABEL_MAX) blank(0, first);
      }
    }
    start = end + 1;
  }
  return out ? out.join('') : text;
}
