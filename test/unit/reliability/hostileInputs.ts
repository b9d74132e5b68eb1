/**
 * Hostile inputs of issue 13 made at test time (nothing big is committed), shared by the
 * regression tests and `scripts/measure-ranges.ts`-style one-off measurements.
 */

/**
 * F5: a policy of ~130 KB with 400 sections of 18 code ranges each, every range ~5,000 codes
 * wide (just under the old expansion threshold): 36 million codes if ranges are expanded.
 */
export function wideRangePolicy(id = 'HOSTILE-RANGES', payer = 'Hostile Ranges Health'): string {
  const sections = [];
  for (let i = 0; i < 400; i++) {
    const codes = [];
    for (let j = 0; j < 18; j++) {
      const first = 10000 + j * 4999;
      codes.push(`${first}-${first + 4998}`);
    }
    sections.push({ id: `S${i}`, title: `section ${i}`, kind: 'coverage', text: `Section ${i}.`, codes, requires: 'functional-impairment' });
  }
  return JSON.stringify({ id, title: 'Wide ranges', payer, plans: ['commercial'], source: 'test', codes: {}, sections });
}
