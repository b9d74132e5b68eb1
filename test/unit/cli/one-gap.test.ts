/**
 * One gap, one diagnostic (SPEC 5), from the CLI: a claim and the note it links that names the
 * same code report the gap once, on the claim line, as an error; the note's mention is
 * information pointing at the claim. Messages fit one Problems row of 100 columns.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { frozenCli } from '../runCli';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

/** The examples checked over the frozen fixture policies: the mechanism, not the bundled wording. */
const cli = frozenCli;

interface JsonDiag {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number } };
  criterion?: string;
}
interface JsonFile {
  path: string;
  kind: string;
  determinations: { code: string; status: string; policies: { missing: string[] }[] }[];
  diagnostics: JsonDiag[];
}

function json(args: string[]): { status: number; files: JsonFile[] } {
  const r = cli(['--format', 'json', ...args], EXAMPLES);
  assert.equal(r.stderr, '');
  return { status: r.status, files: JSON.parse(r.stdout).files };
}

const PAIR = ['claims/2024-1021-pump-partial-trial.claim', 'notes/2024-10-07-pump-trial-partial.note'];

test('a claim and its note: the gap is an error on the claim line only; the note points at it', () => {
  const { files } = json(PAIR);
  const [claim, note] = files;
  const claimGaps = claim.diagnostics.filter((d) => d.rule === 'missing-documentation');
  assert.deepEqual(
    claimGaps.map((d) => [d.criterion, d.severity]),
    [['pump-trial-relief', 'error']],
  );
  const noteGaps = note.diagnostics.filter((d) => d.rule === 'missing-documentation');
  assert.deepEqual(
    noteGaps.map((d) => [d.criterion, d.severity]),
    [['pump-trial-relief', 'information']],
  );
  // Errors in the pair: one per gap.
  const errors = files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
  assert.equal(errors.length, 1, JSON.stringify(errors));
});

test('the text format and the exit status agree: the note alone reports its own mention as an error', () => {
  const alone = cli([PAIR[1]], EXAMPLES);
  assert.equal(alone.status, 1);
  assert.match(alone.stdout, /error 62362: no documentation of a temporary trial/);
  const both = cli(PAIR, EXAMPLES);
  assert.equal(both.stdout.match(/ error 62362: no documentation/g)?.length, 1, both.stdout);
  assert.match(both.stdout, /pump-trial-partial\.note:\d+:\d+ information 62362: no documentation/);
});

test("the note's information row points at the claim line (SARIF related location)", () => {
  const r = cli(['--format', 'sarif', ...PAIR], EXAMPLES);
  const results = JSON.parse(r.stdout).runs[0].results as {
    level: string;
    locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    relatedLocations?: {
      message: { text: string };
      physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    }[];
  }[];
  const onNote = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('.note') && x.level === 'note');
  assert.ok(onNote, 'an information result on the note');
  const toClaim = onNote!.relatedLocations?.[0];
  assert.ok(toClaim?.physicalLocation.artifactLocation.uri.endsWith('2024-1021-pump-partial-trial.claim'), JSON.stringify(toClaim));
  assert.equal(toClaim!.physicalLocation.region.startLine, 10);
  assert.match(toClaim!.message.text, /reported on the claim: 2024-1021-pump-partial-trial\.claim line 10/);
});

test('a not-covered line shows the denial alone, first; its missing criteria stay in the JSON', () => {
  const { files } = json(['claims/2025-0220-liposuction.claim']);
  const [claim] = files;
  assert.deepEqual(
    claim.diagnostics.map((d) => d.rule),
    ['not-covered'],
  );
  const det = claim.determinations.find((d) => d.code === '15877')!;
  assert.equal(det.status, 'not-covered');
  assert.ok(
    det.policies.some((p) => p.missing.length > 0),
    'the I.A.1 gaps are still in the determination',
  );
});

test('every message over the examples fits one Problems row of 100 columns', () => {
  const { files } = json(['.']);
  const long = files.flatMap((f) => f.diagnostics.filter((d) => d.message.length > 100).map((d) => `${f.path}: ${d.message}`));
  assert.deepEqual(long, []);
  assert.ok(files.flatMap((f) => f.diagnostics).length > 20, 'the examples give many diagnostics');
});
