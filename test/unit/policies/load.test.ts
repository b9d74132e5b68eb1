import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundledPolicyDir,
  policyFileKind,
  loadPolicyFiles,
  readPolicyDir,
} from '../../../server/src/engine/policies/load';
import { Engine } from '../../../server/src/engine';
import { bundledPolicyIds } from '../engine/helpers';

const REPO = join(__dirname, '..', '..', '..');

/** A minimal valid policy file. */
function policyText(id: string): string {
  return JSON.stringify(
    {
      id,
      title: 'Test policy',
      payer: 'Test Payer',
      plans: ['commercial'],
      source: 'test',
      codes: { '15773': 'Fat grafting' },
      sections: [{ id: 'I', title: 'T', kind: 'coverage', text: 'Text.', codes: ['15773'], requires: 'functional-impairment' }],
    },
    null,
    2,
  );
}

function conceptText(id: string): string {
  return JSON.stringify({ id, label: 'a label', description: 'd', prompt: 'Prompt ${1:x}.' }, null, 2);
}

const at = (e: { range: { start: { line: number; character: number } } }) => [e.range.start.line, e.range.start.character];

test('every bundled policy and concept file validates', () => {
  const dir = bundledPolicyDir();
  assert.ok(dir, 'policies/ folder found from the source tree');
  const { files, errors: readErrors } = readPolicyDir(dir);
  assert.deepEqual(readErrors, []);
  assert.ok(!files.some((f) => f.path.includes(`${join(dir, 'schema')}`)), 'schema/ is not read as policies');
  const { policies, errors } = loadPolicyFiles(files);
  assert.deepEqual(errors, []);
  assert.deepEqual(policies.map((p) => p.policy.id).sort(), bundledPolicyIds().sort(), 'every policy file of the folder is loaded');
});

test('a JSON syntax error is reported at its line and character; other files still load', () => {
  const text = ['{', '  "id": "SYN.1",', '  "title": "Missing comma"', '  "payer": "x"', '}'].join('\n');
  const { policies, errors } = loadPolicyFiles([
    { path: '/p/syntax.json', text },
    { path: '/p/good.json', text: policyText('GOOD.1') },
  ]);
  assert.deepEqual(policies.map((p) => p.policy.id), ['GOOD.1']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].path, '/p/syntax.json');
  assert.match(errors[0].message, /JSON syntax error: comma expected/);
  assert.deepEqual(at(errors[0]), [3, 2]);
});

test('schema errors point at the nested field or the unknown key', () => {
  const lines = [
    '{',
    '  "id": "BAD.1",',
    '  "title": "Bad",',
    '  "payer": "Nobody",',
    '  "plans": ["commercial"],',
    '  "source": "test",',
    '  "codes": { "15773": "x" },',
    '  "sections": [',
    '    {',
    '      "id": "I",',
    '      "title": "t",',
    '      "kind": "coverage",',
    '      "text": "x",',
    '      "codes": ["15773"],',
    '      "requires": { "all": ["functional-impairment", { "any": 3 }] },',
    '      "notices": [{ "rule": "benefit-limitation", "message": 42 }],',
    '      "colour": "red"',
    '    }',
    '  ]',
    '}',
  ];
  const { policies, errors } = loadPolicyFiles([
    { path: '/p/good.json', text: policyText('GOOD.1') },
    { path: '/p/bad.json', text: lines.join('\n') },
  ]);
  assert.deepEqual(policies.map((p) => p.policy.id), ['GOOD.1']);
  const byMessage = (re: RegExp) => {
    const e = errors.find((x) => re.test(x.message));
    assert.ok(e, `an error matching ${re} among ${errors.map((x) => x.message).join(' | ')}`);
    assert.equal(e.path, '/p/bad.json');
    return e;
  };
  const any = byMessage(/^sections\[0\]\.requires\.all\[1\]\.any: .*expected array/);
  assert.deepEqual(at(any), [14, lines[14].indexOf('3')]);
  assert.deepEqual(any.range.end, { line: 14, character: lines[14].indexOf('3') + 1 });
  const message = byMessage(/^sections\[0\]\.notices\[0\]\.message: .*expected string/);
  assert.deepEqual(at(message), [15, lines[15].indexOf('42')]);
  const unknown = byMessage(/^sections\[0\]: unknown property "colour"/);
  assert.deepEqual(unknown.range, { start: { line: 16, character: 6 }, end: { line: 16, character: 14 } });
  assert.equal(errors.length, 3);
});

test('a missing property is reported at the object that lacks it', () => {
  const text = ['{', '  "id": "M.1",', '  "title": "t",', '  "payer": "p",', '  "plans": ["commercial"],', '  "codes": {},', '  "sections": [{ "id": "I", "title": "t", "kind": "coverage", "text": "x", "codes": [] }]', '}'].join('\n');
  const { errors } = loadPolicyFiles([{ path: '/p/m.json', text }]);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /missing required property "source"/);
  assert.deepEqual(at(errors[0]), [0, 0]);
});

test('a malformed code range is an error at that string', () => {
  const text = policyText('R.1').replace('"codes": [\n        "15773"\n      ]', '"codes": ["15774-15771"]');
  assert.ok(text.includes('15774-15771'));
  const { policies, errors } = loadPolicyFiles([{ path: '/p/r.json', text }]);
  assert.equal(policies.length, 0);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /"15774-15771" is not a valid code range/);
  const line = text.split('\n').findIndex((l) => l.includes('15774-15771'));
  assert.deepEqual(at(errors[0]), [line, text.split('\n')[line].indexOf('"15774-15771"')]);
});

test('duplicate policy and concept ids are errors on the second file', () => {
  const { policies, concepts, errors } = loadPolicyFiles([
    { path: '/p/a.json', text: policyText('DUP.1') },
    { path: '/p/b.json', text: policyText('DUP.1') },
    { path: '/p/concepts/x.json', text: conceptText('photographs') },
    { path: 'C:\\p\\concepts\\y.json', text: conceptText('photographs') },
  ]);
  assert.deepEqual(policies.map((p) => p.path), ['/p/a.json']);
  assert.deepEqual(concepts.map((c) => c.path), ['/p/concepts/x.json']);
  assert.deepEqual(errors.map((e) => e.path), ['/p/b.json', 'C:\\p\\concepts\\y.json']);
  assert.match(errors[0].message, /duplicate policy id "DUP.1" \(already loaded from \/p\/a.json\)/);
  assert.match(errors[1].message, /duplicate concept id "photographs"/);
  assert.deepEqual(at(errors[0]), [1, 8], 'at the id value');
});

test('a user policy with a bundled id replaces the bundled one, with a notice; two user policies with one id stay an error', () => {
  const { policies, errors, notices } = loadPolicyFiles([
    { path: '/ext/policies/a.json', text: policyText('MED.1'), bundled: true },
    { path: '/ext/policies/b.json', text: policyText('KEEP.1'), bundled: true },
    { path: '/me/policies/a-2025.json', text: policyText('MED.1') },
    { path: '/me/policies/a-copy.json', text: policyText('MED.1') },
  ]);
  assert.deepEqual(policies.map((p) => p.path), ['/ext/policies/b.json', '/me/policies/a-2025.json']);
  assert.deepEqual(notices.map((n) => [n.path, n.message, ...at(n)]), [['/me/policies/a-2025.json', 'policy MED.1 replaces the bundled policy of the same id (/ext/policies/a.json)', 1, 8]]);
  assert.deepEqual(errors.map((e) => [e.path, e.message]), [['/me/policies/a-copy.json', 'duplicate policy id "MED.1" (already loaded from /me/policies/a-2025.json)']]);
});

test('an invalid user policy does not unload the bundled one of its id', () => {
  const { policies, errors, notices } = loadPolicyFiles([
    { path: '/ext/policies/a.json', text: policyText('MED.1'), bundled: true },
    { path: '/me/policies/a.json', text: policyText('MED.1').replace('"kind": "coverage"', '"kind": "nonsense"') },
  ]);
  assert.deepEqual(policies.map((p) => p.path), ['/ext/policies/a.json']);
  assert.equal(notices.length, 0);
  assert.equal(errors.length, 1);
});

test('section ranges and concept ranges point at their ids', () => {
  const text = policyText('S.1');
  const { policies, concepts } = loadPolicyFiles([
    { path: '/p/s.json', text },
    { path: '/p/concepts/c.json', text: conceptText('hiv-diagnosis') },
  ]);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"id": "I"'));
  assert.deepEqual(policies[0].sectionRanges.get('I'), {
    start: { line, character: lines[line].indexOf('"I"') },
    end: { line, character: lines[line].indexOf('"I"') + 3 },
  });
  assert.deepEqual(concepts[0].range.start, { line: 1, character: 8 });
});

test('a policy folder file is a concept, a lexical class or a policy by its folder, with either slash', () => {
  assert.equal(policyFileKind('/a/policies/concepts/x.json'), 'concept');
  assert.equal(policyFileKind('C:\\a\\policies\\concepts\\x.json'), 'concept');
  assert.equal(policyFileKind('/a/policies/lexicon/function.json'), 'lexicon');
  assert.equal(policyFileKind('C:\\a\\policies\\lexicon\\x.json'), 'lexicon');
  assert.equal(policyFileKind('/a/policies/x.json'), 'policy');
});

test('readPolicyDir reads *.json recursively, skips schema/, reports a missing folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-policies-'));
  try {
    mkdirSync(join(dir, 'schema'));
    mkdirSync(join(dir, 'concepts'));
    writeFileSync(join(dir, 'schema', 'policy.schema.json'), '{}');
    writeFileSync(join(dir, 'a.json'), policyText('A.1'));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    writeFileSync(join(dir, 'concepts', 'c.json'), conceptText('photographs'));
    const { files, errors } = readPolicyDir(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(files.map((f) => f.path).sort(), [join(dir, 'a.json'), join(dir, 'concepts', 'c.json')].sort());
    const loaded = loadPolicyFiles(files);
    assert.equal(loaded.policies.length, 1);
    assert.equal(loaded.concepts.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const missing = readPolicyDir(join(tmpdir(), 'clinlint-no-such-folder'));
  assert.deepEqual(missing.files, []);
  assert.equal(missing.errors.length, 1);
  assert.match(missing.errors[0].message, /policy folder not found/);
});

test('bundledPolicyDir finds policies/ from the source tree and from dist/', () => {
  const expected = join(REPO, 'policies');
  assert.equal(bundledPolicyDir(), expected);
  assert.equal(bundledPolicyDir(join(REPO, 'dist')), expected);
  assert.equal(bundledPolicyDir(join(REPO, 'server', 'src', 'engine', 'policies')), expected);
});

test('a concept of parts (allOf) names existing concepts that have no parts; else it, and a policy using it, are not loaded', () => {
  const part = (id: string) => ({ path: `/p/concepts/${id}.json`, text: conceptText(id) });
  const compound = (id: string, allOf: string[]) => ({
    path: `/p/concepts/${id}.json`,
    text: JSON.stringify({ id, label: 'l', description: 'd', prompt: 'P ${1:x}.', allOf }, null, 2),
  });
  const policy = (id: string, criterion: string) => ({ path: `/p/${id}.json`, text: policyText(id).replace('"functional-impairment"', `"${criterion}"`) });
  const engine = Engine.fromFiles([
    part('pain-part'),
    part('breakdown-part'),
    compound('both', ['pain-part', 'breakdown-part']),
    compound('typo', ['pain-part', 'breakdwon-part']),
    compound('nested', ['both', 'pain-part']),
    policy('P-OK', 'both'),
    policy('P-TYPO', 'typo'),
  ]);
  const messages = engine.policyErrors.map((e) => `${e.path}: ${e.message}`);
  assert.ok(messages.some((m) => m === '/p/concepts/typo.json: allOf: no concept file defines "breakdwon-part"; concept typo is not loaded'), messages.join('\n'));
  assert.ok(messages.some((m) => m === '/p/concepts/nested.json: allOf: "both" is itself made of parts; concept nested is not loaded'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('/p/P-TYPO.json: unknown criterion "typo"')), messages.join('\n'));
  assert.deepEqual(engine.registry.policies.map((p) => p.policy.id), ['P-OK']);
});
