/**
 * SPEC 9: patterns in policy files cannot hang the server. Regular-expression syntax is refused
 * with a policy-error at the offending characters of the pattern string, and matching is a
 * single pass of a token automaton whose work grows linearly with the text (measured by the
 * automaton's own step counter, not by a clock, so the test cannot be flaky).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../server/src/engine';
import { compileConcepts } from '../../../server/src/engine/evidence/compile';
import { compilePattern, PatternError } from '../../../server/src/engine/evidence/pattern';
import { tokenize } from '../../../server/src/engine/evidence/tokenize';
import type { Concept } from '../../../server/src/engine/policies/schema';

const POLICIES = join(__dirname, '..', '..', '..', 'policies');

function bundledFiles(): { path: string; text: string }[] {
  const policies = readdirSync(POLICIES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ path: `/p/${f}`, text: readFileSync(join(POLICIES, f), 'utf8') }));
  const concepts = readdirSync(join(POLICIES, 'concepts'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ path: `/p/concepts/${f}`, text: readFileSync(join(POLICIES, 'concepts', f), 'utf8') }));
  return [...policies, ...concepts];
}

function refusal(source: string): PatternError {
  try {
    compilePattern(source);
  } catch (e) {
    assert.ok(e instanceof PatternError, `a PatternError, got ${String(e)}`);
    return e;
  }
  assert.fail(`pattern ${JSON.stringify(source)} was accepted`);
}

test('the classic ReDoS pattern (a+)+$ is refused, pointing at the first "+"', () => {
  const e = refusal('(a+)+$');
  assert.deepEqual(e.at, { start: 2, end: 3 });
  assert.match(e.message, /regular-expression syntax/);
  assert.match(e.message, /column 3/);
});

test('regular-expression constructs are refused with the construct named', () => {
  const cases: [string, string, number][] = [
    // pattern, offending text, column (0-based)
    ['unable to .* walk', '.*', 10],
    ['\\d+ percent', '\\', 0],
    ['pain{2,}', '{', 4],
    ['^pain', '^', 0],
    ['pain$', '$', 4],
    ['walk?', '?', 4],
    ['(a|b)+', '+', 5],
    ['walk**', '*', 4],
    ['* pain', '*', 0],
    ['pain . relief', '.', 5],
    ['[a-z] pain', '[a-z]', 0],
    ['(?:pain)', '?', 1],
  ];
  for (const [source, shown, column] of cases) {
    const e = refusal(source);
    assert.equal(source.slice(e.at!.start, e.at!.end), shown, source);
    assert.equal(e.at!.start, column, source);
    assert.match(e.message, /not regular expressions/, source);
  }
});

test('the pattern language itself is still accepted', () => {
  for (const source of ['walk*', '# / 10', '(#) (%|percent)', 'hiv/aids', 's/p mastectomy', '2.5 mg', 'e.g. pain', '[oral|po] baclofen', 'a ... b']) {
    assert.doesNotThrow(() => compilePattern(source), source);
  }
  // Every bundled concept compiles, and the engine reports nothing about them.
  const engine = Engine.fromFiles(bundledFiles());
  assert.deepEqual(engine.policyErrors, []);
});

test('a refused pattern is a policy-error at its line and column in the concept file; the rest loads', () => {
  const files = bundledFiles();
  const i = files.findIndex((f) => f.path.endsWith('/functional-impairment.json'));
  const concept = JSON.parse(files[i].text);
  concept.patterns.push('unable to (a+)+$');
  const text = JSON.stringify(concept, null, 2);
  files[i] = { path: files[i].path, text };
  const j = files.findIndex((f) => f.path.endsWith('/photographs.json'));
  const photographs = JSON.parse(files[j].text);
  photographs.near = ['caf\u00e9 \\d+ x'];
  const text2 = JSON.stringify(photographs, null, 2);
  files[j] = { path: files[j].path, text: text2 };
  const engine = Engine.fromFiles(files);
  const lines = text.split('\n');
  const shown = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    lines[r.start.line].slice(r.start.character, r.end.character);

  assert.equal(engine.policyErrors.length, 2, JSON.stringify(engine.policyErrors));
  const [p, n] = engine.policyErrors;
  assert.equal(p.path, files[i].path);
  assert.match(p.message, /^patterns\[\d+\]: pattern "unable to \(a\+\)\+\$" uses "\+"/);
  assert.equal(shown(p.range), '+');
  assert.equal(lines[p.range.start.line].trim(), '"unable to (a+)+$"');
  // The escape `\\` is two characters in the file: the range covers both.
  assert.equal(n.path, files[j].path);
  assert.match(n.message, /^near\[0\]: /);
  const line = text2.split('\n')[n.range.start.line];
  assert.equal(line.slice(n.range.start.character, n.range.end.character), '\\\\');
  // Every policy still loads; the concept's other patterns still match.
  assert.equal(engine.registry.policies.length, 4);
  const note = '---\npayer: Anthem\n---\nShe is unable to walk more than a block.\nPlan: fat grafting, CPT 15773.\n';
  const r = engine.check({ path: '/n.note', text: note }, { readText: () => undefined });
  const met = r.determinations.flatMap((d) => d.policies.flatMap((x) => x.met.map((m) => m.criterion)));
  assert.ok(met.includes('functional-impairment'), JSON.stringify(r.determinations));
});

test('matching work grows linearly with adversarial input (4n tokens cost well under 16x n tokens)', () => {
  // Gap patterns are the worst case for a token automaton: every token can start a match and
  // every live state can skip. A backtracking regex for the same thing, (a ...)+ b, would be
  // exponential on a run of "a" with no "b"; a quadratic matcher would give a ratio near 16.
  const adversarial: Concept[] = [
    {
      id: 'adversarial',
      label: 'x',
      description: 'x',
      patterns: ['a ... a ... a ... a ... b', '(a|a a|a a a) ... (a|a a) ... c', 'a* ... a* ... a* ... d', '# ... # ... e'],
      icd10: [],
      historical: 'counts',
      hypothetical: 'excludes',
      matchDrugField: false,
      prompt: 'x',
      promptSection: 'assessment',
    },
  ];
  const compiled = compileConcepts(adversarial);
  assert.deepEqual(compiled.problems, []);
  const automaton = compiled.automaton as typeof compiled.automaton & { lastRunSteps?: number };
  const work = (n: number, unit: string): { steps?: number; ms: number } => {
    const tokens = tokenize(unit.repeat(n)); // one sentence: no sentence break resets the states
    // The automaton's own step counter when it has one (exact, no clock); else the best of
    // five timed runs, with a bound far from both linear (4) and quadratic (16).
    let ms = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = process.hrtime.bigint();
      automaton.run(tokens);
      ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
      if (typeof automaton.lastRunSteps === 'number') break;
    }
    return { steps: automaton.lastRunSteps, ms };
  };
  for (const unit of ['a ', 'aa 1 ', 'a a 1 a ']) {
    const n = 5000;
    work(n, unit); // warm up
    const small = work(n, unit);
    const large = work(4 * n, unit);
    if (small.steps !== undefined && large.steps !== undefined) {
      const ratio = large.steps / small.steps;
      assert.ok(ratio < 5, `steps for 4n / steps for n = ${ratio.toFixed(2)} (${large.steps} / ${small.steps}), unit ${JSON.stringify(unit)}`);
      // A constant per token: the live states are bounded whatever the patterns.
      assert.ok(large.steps / (4 * n * unit.split(' ').length) < 300);
    } else {
      const ratio = large.ms / Math.max(small.ms, 0.05);
      assert.ok(ratio < 10, `time for 4n / time for n = ${ratio.toFixed(2)} (${large.ms} ms / ${small.ms} ms), unit ${JSON.stringify(unit)}`);
    }
  }
});

test('a 1 MB adversarial single line is matched in bounded time through the whole engine', () => {
  const engine = Engine.load({});
  const text = 'unable to unable to unable to '.repeat(35_000);
  const t0 = process.hrtime.bigint();
  const r = engine.check({ path: '/big.note', text }, { readText: () => undefined });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(Array.isArray(r.findings));
  // Generous: linear matching takes well under a second; a backtracking matcher would not end.
  assert.ok(ms < 20_000, `took ${ms} ms`);
});
