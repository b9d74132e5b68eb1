/** What a claim draft expects at the cursor, from the text of the line before it. */
export type ClaimSlot =
  | { kind: 'key'; prefix: string }
  | { kind: 'payer'; prefix: string }
  | { kind: 'plan'; prefix: string }
  | { kind: 'note'; prefix: string }
  | { kind: 'code'; prefix: string }
  | { kind: 'dx-letter'; prefix: string }
  | { kind: 'line-field'; prefix: string }
  /** After `drug` on a service line: the drug being typed, and the line's code. */
  | { kind: 'drug'; prefix: string; code: string }
  | { kind: 'none' };

export function claimSlot(linePrefix: string): ClaimSlot {
  if (linePrefix.includes('#') || /;/.test(linePrefix)) return { kind: 'none' };
  const header = /^\s*(payer|plan|note)\s*:\s*(.*)$/i.exec(linePrefix);
  if (header) {
    const key = header[1].toLowerCase() as 'payer' | 'plan' | 'note';
    return { kind: key, prefix: header[2] };
  }
  const line = /^\s*line\s+\d*\s*:\s*(.*)$/i.exec(linePrefix);
  if (line) {
    const rest = line[1];
    if (/^\S*$/.test(rest)) return { kind: 'code', prefix: rest };
    const dx = /\bdx\s+((?:[A-La-l]\s*,\s*)*)([A-La-l]?)$/i.exec(rest);
    if (dx) return { kind: 'dx-letter', prefix: dx[2] };
    const drug = /\bdrugs?\s+(?:[^,]*,\s*)*([^,]*)$/i.exec(rest);
    if (drug) return { kind: 'drug', prefix: drug[1], code: rest.split(/[\s-]/)[0].toUpperCase() };
    if (/\s(\w*)$/.test(rest)) return { kind: 'line-field', prefix: /(\w*)$/.exec(rest)![1] };
    return { kind: 'none' };
  }
  if (/^\s*\w*$/.test(linePrefix)) return { kind: 'key', prefix: linePrefix.trim() };
  return { kind: 'none' };
}

/**
 * Note paths as a claim writes them (relative to the claim, `../notes/x.note` for the examples'
 * layout): the nearest first (fewest `../`), then alphabetically.
 */
export function rankNotePaths(relativePaths: readonly string[]): string[] {
  const ups = (p: string) => (p.match(/(^|\/)\.\.(?=\/)/g) ?? []).length;
  return [...relativePaths].sort((a, b) => ups(a) - ups(b) || (a < b ? -1 : a > b ? 1 : 0));
}
