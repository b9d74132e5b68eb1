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
import { bundledPolicyDir, Engine } from '../../../server/src/engine';
import { compileConcepts } from '../../../server/src/engine/evidence/compile';
import { compilePattern, PatternError } from '../../../server/src/engine/evidence/pattern';
import { readRelief } from '../../../server/src/engine/evidence/numbers';
import { tokenize } from '../../../server/src/engine/evidence/tokenize';
import type { Concept } from '../../../server/src/engine/policies/schema';
import { FIXTURE_POLICIES } from '../engine/helpers';

/** The frozen fixture policies: the patterns refused and the ones still read are the tests', not the bundled data's. */
const POLICY_COUNT = readdirSync(FIXTURE_POLICIES).filter((f) => f.endsWith('.json')).length;

/** The policy, concept and lexicon files of a policy folder, as text under /p/. */
function policyFiles(dir: string): { path: string; text: string }[] {
  const read = (sub: string) =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ path: join('/p', sub, f), text: readFileSync(join(dir, sub, f), 'utf8') }));
  return [...read(''), ...read('concepts'), ...read('lexicon')];
}
const fixtureFiles = () => policyFiles(FIXTURE_POLICIES);

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

test('a lone "+" between spaces is the plus sign ("+ ve" reads "+ve"), never repetition', () => {
  assert.deepEqual(compilePattern('+ ve [for]'), [
    [
      { kind: 'lit', text: '+' },
      { kind: 'lit', text: 've' },
    ],
    [
      { kind: 'lit', text: '+' },
      { kind: 'lit', text: 've' },
      { kind: 'lit', text: 'for' },
    ],
  ]);
  // Glued to what it would repeat, it is still refused.
  for (const source of ['walk+', '(a|b)+', 'pain [a]+'])
    assert.match(refusal(source).message, /repetition/, source);
});

test('"(-)" and "(+)" standing alone are the signs of a review of systems, one token in text as in patterns; "(a)" is still a group', () => {
  assert.deepEqual(compilePattern('(-) fever'), [
    [
      { kind: 'lit', text: '(-)' },
      { kind: 'lit', text: 'fever' },
    ],
  ]);
  assert.deepEqual(compilePattern('((+)|(-)) x'), [
    [
      { kind: 'lit', text: '(+)' },
      { kind: 'lit', text: 'x' },
    ],
    [
      { kind: 'lit', text: '(-)' },
      { kind: 'lit', text: 'x' },
    ],
  ]);
  const t = tokenize('Eyes: (-) blurred vision (+)headache');
  assert.deepEqual(t.norm.slice(0, 6), ['eyes', ':', '(-)', 'blurred', 'vision', '(+)']);
  assert.deepEqual(compilePattern('(a) b'), [
    [
      { kind: 'lit', text: 'a' },
      { kind: 'lit', text: 'b' },
    ],
  ]);
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
  const engine = Engine.fromFiles(policyFiles(bundledPolicyDir()!));
  assert.deepEqual(engine.policyErrors, []);
});

test('a refused pattern is a policy-error at its line and column in the concept file; the rest loads', () => {
  const files = fixtureFiles();
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
  assert.equal(engine.registry.policies.length, POLICY_COUNT);
  const note = '---\npayer: Anthem\n---\nShe is unable to walk more than a block.\nPlan: fat grafting, CPT 15773.\n';
  const r = engine.check({ path: '/n.note', text: note }, { readText: () => undefined });
  const met = r.determinations.flatMap((d) => d.policies.flatMap((x) => x.met.map((m) => m.criterion)));
  assert.ok(met.includes('functional-impairment'), JSON.stringify(r.determinations));
});

test('matching work grows linearly with adversarial input (automaton steps for 4n tokens well under 16x those for n)', () => {
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
      nearSentencesBefore: 0,
      nearTitle: false,
      historical: 'counts',
      hypothetical: 'excludes',
      matchDrugField: false,
      prompt: 'x',
      promptSection: 'assessment',
    },
  ];
  const compiled = compileConcepts(adversarial);
  assert.deepEqual(compiled.problems, []);
  const work = (n: number, unit: string): number => {
    const tokens = tokenize(unit.repeat(n)); // one sentence: no sentence break resets the states
    compiled.automaton.run(tokens);
    return compiled.automaton.lastRunSteps;
  };
  for (const unit of ['a ', 'aa 1 ', 'a a 1 a ']) {
    const n = 5000;
    const small = work(n, unit);
    const large = work(4 * n, unit);
    const ratio = large / small;
    assert.ok(small > n, `steps counted (${small})`);
    assert.ok(ratio < 5, `steps for 4n / steps for n = ${ratio.toFixed(2)} (${large} / ${small}), unit ${JSON.stringify(unit)}`);
    // A constant per token: the live states are bounded whatever the patterns.
    assert.ok(large / (4 * n * unit.split(' ').length) < 300);
  }
});

test('expansion bombs are refused before they are built; a long plain pattern compiles in linear time', () => {
  const alts = (n: number, p: string) => `(${Array.from({ length: n }, (_, i) => `${p}${i}`).join('|')})`;
  const timed = (source: string) => {
    const t0 = Date.now();
    let error: PatternError | undefined;
    try {
      compilePattern(source);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      error = e;
    }
    return { error, ms: Date.now() - t0 };
  };
  // 4096 x 4096 alternatives: refused at the product, not after 16 million arrays (it took 18 s).
  const product = timed(`${alts(4096, 'a')} ${alts(4096, 'b')}`);
  assert.match(product.error?.message ?? '', /expands to more than 4096 alternatives/);
  // 4096 alternatives of 10,012 steps each: refused by the step bound (it was quadratic: minutes).
  const long = timed(`${'(a|b) '.repeat(12)}${Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ')}`);
  assert.match(long.error?.message ?? '', /expands to more than 200000 steps/);
  // A plain pattern of 50,000 words compiles, extended in place.
  const plain = timed(Array.from({ length: 50_000 }, (_, i) => `w${i}`).join(' '));
  assert.equal(plain.error, undefined);
  for (const [name, r] of Object.entries({ product, long, plain })) assert.ok(r.ms < 20_000, `${name}: ${r.ms} ms`);
});

test('the automaton has a budget: a concept set expanding past it is a policy error per concept, the rest loads', () => {
  const alts = (n: number, p: string) => `(${Array.from({ length: n }, (_, i) => `${p}${i}`).join('|')})`;
  // Each pattern: 4096 alternatives of 8 steps (32,768 steps); 400 of them are 13 million steps.
  const patterns = Array.from({ length: 400 }, (_, k) => `${alts(64, `k${k}x`)} ${alts(64, `k${k}y`)} w1 w2 w3 w4 w5 w6`);
  const bomb = { id: 'nasty-bomb', label: 'x', description: 'x', prompt: 'x', patterns };
  const t0 = Date.now();
  const engine = Engine.fromFiles([...fixtureFiles(), { path: '/p/concepts/bomb.json', text: JSON.stringify(bomb) }]);
  assert.ok(Date.now() - t0 < 60_000);
  assert.equal(engine.policyErrors.length, 1, engine.policyErrors.map((e) => e.message).join('\n'));
  assert.equal(engine.policyErrors[0].path, '/p/concepts/bomb.json');
  assert.match(engine.policyErrors[0].message, /expand to more than 1000000 steps .*nor are \d+ more patterns of this concept/);
  assert.equal(engine.registry.policies.length, POLICY_COUNT);
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

test('a long run of spaces cannot make the pain-relief reader backtrack (19 s for 40,000 spaces before; quadratic)', () => {
  const engine = Engine.load({});
  const note = (k: number) => `---\npayer: BCBS\n---\nIntrathecal morphine trial: pain 8/10, relief of pain${' '.repeat(k)}x.\nPlan: pump implant, CPT 62362.\n`;
  const t0 = process.hrtime.bigint();
  const r = engine.check({ path: '/spaces.note', text: note(400_000) }, { readText: () => undefined });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.equal(r.determinations.length, 1);
  // Linear: well under a second; the quadratic reader would have needed about half an hour.
  assert.ok(ms < 20_000, `took ${ms} ms`);
  // Offsets still point into the original text (the reader squeezes spaces internally).
  const relief = readRelief(`pain went from 8/10${' '.repeat(50)}to 3/10 after the trial`);
  assert.equal(relief?.percent, 62.5);
  assert.equal(relief?.quote, 'from 8/10 to 3/10');
  assert.equal(`pain went from 8/10${' '.repeat(50)}to 3/10 after the trial`.slice(relief!.start, relief!.end), `from 8/10${' '.repeat(50)}to 3/10`);
});

test('a sentence of 20,000 pain scores is read once, not once per score (quadratic before: 46 s for 8,000)', () => {
  const engine = Engine.load({});
  const text = `---\npayer: BCBS\n---\nIntrathecal morphine trial: pain ${'8/10 '.repeat(20_000)}relief.\nPlan: pump implant, CPT 62362.\n`;
  const t0 = process.hrtime.bigint();
  const r = engine.check({ path: '/scores.note', text }, { readText: () => undefined });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.equal(r.determinations.length, 1);
  assert.ok(ms < 20_000, `took ${ms} ms`);
});

test('a lexical class is parsed once and shared: its phrases read as written out, a class is no word prefix, a phrase error names the phrase', () => {
  const lexicon = (classes: Record<string, string[]>) =>
    Object.entries(classes).map(([id, phrases]) => ({ path: `/p/lexicon/${id}.json`, text: JSON.stringify({ id, description: 'x', phrases }) }));
  const concept = (patterns: string[]) => ({
    path: '/p/concepts/shared.json',
    text: JSON.stringify({ id: 'shared', label: 'x', description: 'x', prompt: 'x', patterns }),
  });
  // An optional phrase and a phrase ending in a gap are alternatives of a class, not whole patterns.
  const classes = lexicon({ limb: ['[left] arm', 'leg ...', '@digit'], digit: ['finger*', 'thumb'] });
  const ok = Engine.fromFiles([...fixtureFiles(), ...classes, concept(['(sore|stiff) @limb pain', '@limb x*'])]);
  assert.deepEqual(ok.policyErrors, []);
  const compiled = compileConcepts(
    [{ id: 'shared', label: 'x', description: 'x', prompt: 'x', patterns: ['(sore|stiff) @limb pain'] } as Concept],
    [
      { id: 'limb', description: 'x', phrases: ['[left] arm', 'leg ...', '@digit'] },
      { id: 'digit', description: 'x', phrases: ['finger*', 'thumb'] },
    ],
  );
  const read = (text: string) => {
    const t = tokenize(text);
    return compiled.automaton
      .run(t)
      .filter((m) => compiled.entries[m.id].type === 'concept')
      .map((m) => t.norm.slice(m.first, m.last).join(' '));
  };
  assert.deepEqual(read('sore left arm pain'), ['sore left arm pain']);
  assert.deepEqual(read('stiff leg and hip pain'), ['stiff leg and hip pain']);
  assert.deepEqual(read('sore fingertip pain; stiff thumb pain'), ['sore fingertip pain', 'stiff thumb pain']);
  assert.deepEqual(read('sore left pain'), []);
  const prefix = Engine.fromFiles([...fixtureFiles(), ...classes, concept(['sore @limb*'])]);
  assert.match(prefix.policyErrors.map((e) => e.message).join('\n'), /puts "\*" after the lexical class @limb/);
  const bad = Engine.fromFiles([...fixtureFiles(), ...lexicon({ limb: ['arm', 'leg+'] }), concept(['sore @limb'])]);
  assert.match(bad.policyErrors.map((e) => e.message).join('\n'), /pattern "leg\+" uses "\+"/);
});

test('a lexical class may hold a narrower class, never itself, and nesting cannot blow up its text', () => {
  const lexicon = (classes: Record<string, string[]>) =>
    Object.entries(classes).map(([id, phrases]) => ({ path: `/p/lexicon/${id}.json`, text: JSON.stringify({ id, description: 'x', phrases }) }));
  const concept = { path: '/p/concepts/nest.json', text: JSON.stringify({ id: 'nest', label: 'x', description: 'x', prompt: 'x', patterns: ['@outer'] }) };
  const ok = Engine.fromFiles([...fixtureFiles(), ...lexicon({ outer: ['@inner', 'plain'], inner: ['narrow word'] }), concept]);
  assert.deepEqual(ok.policyErrors, []);
  const cycle = Engine.fromFiles([...fixtureFiles(), ...lexicon({ outer: ['@inner'], inner: ['@outer'] }), concept]);
  assert.match(cycle.policyErrors.map((e) => e.message).join('\n'), /contains itself \(@outer > @inner > @outer\)/);
  // Each level doubles the text: 2^30 characters if written out.
  const doubling = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`c${i}`, i === 29 ? ['w'] : [`@c${i + 1}`, `@c${i + 1}`]]));
  const t0 = Date.now();
  const deep = Engine.fromFiles([...fixtureFiles(), ...lexicon(doubling), { ...concept, text: concept.text.replace('@outer', '@c0') }]);
  assert.ok(Date.now() - t0 < 20_000);
  assert.match(deep.policyErrors.map((e) => e.message).join('\n'), /nested more than 4 deep/);
  // Wide instead of deep: 3 levels of 2,000 references would write out 8 billion phrases.
  const wide = lexicon({ w0: Array(2000).fill('@w1'), w1: Array(2000).fill('@w2'), w2: Array(2000).fill('word') });
  const t1 = Date.now();
  const broad = Engine.fromFiles([...fixtureFiles(), ...wide, { ...concept, text: concept.text.replace('@outer', '@w0') }]);
  assert.ok(Date.now() - t1 < 20_000);
  assert.match(broad.policyErrors.map((e) => e.message).join('\n'), /expands to more than 200000 characters/);
});
