/**
 * Golden tests of the CLI (SPEC 7): `clinlint --format json` and `--format sarif` over the
 * workspace in test/fixtures/cli/workspace, over the frozen fixture policies
 * (test/fixtures/policies), compared with the checked-in files in test/fixtures/cli/golden/.
 * Paths in the output are relative to the workspace.
 *
 * To regenerate the golden files after an intended change of output, run:
 *
 *   UPDATE_GOLDEN=1 node --import tsx --test test/unit/cli/golden.test.ts
 *
 * and review the diff (`git diff test/fixtures/cli/golden`) before committing it.
 * The SARIF driver version is normalised to "<version>" (it is the package version in the
 * bundle and a dev marker under tsx).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/engine/rules';
import { frozenCli, runCli } from '../runCli';

const ROOT = join(__dirname, '..', '..', '..');
const WORKSPACE = join(ROOT, 'test', 'fixtures', 'cli', 'workspace');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'cli', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The CLI over the frozen fixture policies: the golden output is the formats', not the bundled data's. */
function cli(argv: string[], cwd = WORKSPACE): ReturnType<typeof runCli> {
  return frozenCli(argv, cwd);
}

function normaliseSarif(text: string): string {
  const sarif = JSON.parse(text);
  for (const r of sarif.runs) r.tool.driver.version = '<version>';
  return JSON.stringify(sarif, null, 2) + '\n';
}

function golden(name: string, actual: string) {
  const file = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 regenerates it; review the diff)`);
}

test('--format json matches the golden file', () => {
  const r = cli(['--format', 'json', '.']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1, 'the workspace has errors');
  golden('workspace.json', r.stdout);
});

test('--format sarif matches the golden file', () => {
  const r = cli(['--format', 'sarif', '.']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  golden('workspace.sarif', normaliseSarif(r.stdout));
});

test('--format json of one claim matches its golden file (linked note as evidence, relative paths)', () => {
  const r = cli(['--format', 'json', 'claims/fat-grafting.claim']);
  assert.equal(r.status, 0, 'information findings only');
  golden('fat-grafting.claim.json', r.stdout);
});

// ---- SPEC 7's JSON shape, exactly: no key that SPEC 7 does not name, at any level ----

const STATUSES = ['supported', 'documentation-missing', 'not-covered', 'no-policy'];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

function keys(o: object, required: string[], optional: string[] = [], where: string) {
  const k = Object.keys(o);
  for (const r of required) assert.ok(k.includes(r), `${where}: missing key "${r}" in ${JSON.stringify(k)}`);
  for (const x of k) assert.ok(required.includes(x) || optional.includes(x), `${where}: key "${x}" is not in SPEC 7`);
}
const isLine = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

function position(p: { line: number; character: number }, where: string) {
  keys(p, ['line', 'character'], [], where);
  assert.ok(isLine(p.line) && isLine(p.character), `${where}: 0-based integers`);
}

test('the JSON has exactly the keys of SPEC 7 at every level', () => {
  const out = JSON.parse(cli(['--format', 'json', '.']).stdout);
  keys(out, ['version', 'files'], [], 'top level');
  assert.equal(out.version, 1);
  assert.ok(out.files.length >= 7);
  let determinations = 0;
  let diagnostics = 0;
  let evidence = 0;
  for (const f of out.files) {
    const w = `file ${f.path}`;
    keys(f, ['path', 'kind', 'determinations', 'diagnostics'], [], w);
    assert.ok(!f.path.startsWith('/'), `${w}: path relative to the working folder`);
    assert.ok(f.kind === 'claim' || f.kind === 'note', w);
    for (const d of f.determinations) {
      determinations++;
      const wd = `${w} determination ${d.code}`;
      keys(d, ['code', 'line', 'status', 'policies'], [], wd);
      assert.ok(isLine(d.line), wd);
      assert.ok(STATUSES.includes(d.status), wd);
      for (const p of d.policies) {
        const wp = `${wd} policy ${p.policy}`;
        keys(p, ['policy', 'section', 'status', 'met', 'missing', 'advisory'], ['alternative', 'excludedBy', 'nearMisses'], wp);
        if (p.alternative !== undefined) assert.equal(typeof p.alternative, 'string', wp);
        if (p.excludedBy !== undefined) {
          assert.equal(p.status, 'not-covered', `${wp}: excludedBy only on not-covered`);
          keys(p.excludedBy, ['reason'], ['criterion', 'evidence'], `${wp} excludedBy`);
          assert.ok(['cosmetic', 'investigational', 'exclusion'].includes(p.excludedBy.reason), wp);
        }
        for (const n of p.nearMisses ?? []) {
          keys(n, ['criterion', 'reason', 'evidence'], ['trigger'], `${wp} nearMiss`);
          assert.ok(['negated', 'hypothetical', 'experiencer', 'historical', 'numeric', 'scope'].includes(n.reason), wp);
          assert.ok(p.missing.includes(n.criterion), `${wp}: a near miss is of a missing criterion`);
        }
        assert.ok(STATUSES.includes(p.status) && p.status !== 'no-policy', wp);
        for (const m of p.met) {
          evidence++;
          keys(m, ['criterion', 'evidence'], [], `${wp} met`);
          keys(m.evidence, ['path', 'line', 'text'], [], `${wp} evidence`);
          assert.ok(isLine(m.evidence.line) && typeof m.evidence.text === 'string' && !m.evidence.path.startsWith('/'), `${wp} evidence`);
        }
        for (const list of [p.missing, p.advisory]) for (const c of list) assert.match(c, /^[a-z][a-z0-9-]*$/, `${wp}: criterion ids`);
      }
    }
    for (const g of f.diagnostics) {
      diagnostics++;
      const wg = `${w} diagnostic ${g.rule}`;
      keys(g, ['rule', 'severity', 'message', 'range'], ['criterion', 'policy', 'section'], wg);
      assert.ok((RULES as readonly string[]).includes(g.rule), wg);
      assert.ok(SEVERITIES.includes(g.severity), wg);
      keys(g.range, ['start', 'end'], [], `${wg} range`);
      position(g.range.start, `${wg} start`);
      position(g.range.end, `${wg} end`);
    }
  }
  assert.ok(determinations >= 6 && diagnostics >= 10 && evidence >= 2, 'the workspace exercises every level');
});

test('JSON lines and characters are 0-based as in LSP', () => {
  const out = JSON.parse(cli(['--format', 'json', 'claims/fat-grafting.claim']).stdout);
  const [file] = out.files;
  // "line 1: 15773-RT ..." is the 12th line of the claim: 0-based 11; the code starts at character 8.
  assert.equal(file.determinations[0].code, '15773');
  assert.equal(file.determinations[0].line, 11);
  const diag = file.diagnostics.find((d: { rule: string }) => d.rule === 'benefit-limitation');
  assert.deepEqual(diag.range.start, { line: 11, character: 8 });
  const met = file.determinations[0].policies[0].met.find((m: { criterion: string }) => m.criterion === 'functional-impairment');
  assert.equal(met.evidence.path, 'notes/scleroderma-consult.note');
  assert.equal(met.evidence.line, 7);
});

// ---- SARIF 2.1.0 ----

test('SARIF 2.1.0 structure: version, $schema, rules, results with 1-based regions', () => {
  // With --include-text, SARIF messages are the JSON ones (without it they quote no note text).
  const sarif = JSON.parse(cli(['--format', 'sarif', '--include-text', '.']).stdout);
  const json = JSON.parse(cli(['--format', 'json', '.']).stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const driver = sarif.runs[0].tool.driver;
  assert.equal(driver.name, 'clinlint');
  assert.equal(typeof driver.version, 'string');
  const ids = driver.rules.map((r: { id: string }) => r.id);
  assert.deepEqual(ids, [...RULES]);
  for (const rule of driver.rules) {
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
    assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level), rule.id);
  }
  const results = sarif.runs[0].results;
  const diags = json.files.flatMap((f: { path: string; diagnostics: unknown[] }) => f.diagnostics.map((d) => ({ path: f.path, d })));
  assert.equal(results.length, diags.length, 'one result per diagnostic');
  const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SARIF and JSON output, read as parsed
  results.forEach((r: any, i: number) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const { path, d } = diags[i] as { path: string; d: any };
    assert.equal(r.ruleId, d.rule);
    assert.equal(r.ruleIndex, ids.indexOf(r.ruleId));
    assert.equal(r.level, level[d.severity]);
    assert.equal(r.message.text, d.message);
    assert.equal(r.locations.length, 1);
    const loc = r.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, path);
    assert.ok(!loc.artifactLocation.uri.startsWith('/'), 'relative uri');
    assert.deepEqual(loc.region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    for (const rel of r.relatedLocations ?? []) {
      assert.ok(rel.physicalLocation.region.startLine >= 1 && rel.physicalLocation.region.startColumn >= 1);
      assert.equal(typeof rel.message.text, 'string');
    }
  });
});

// ---- exit status ----

test('exit 0 with no errors (information and warnings only)', () => {
  const r = cli(['claims/fat-grafting.claim']);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /claims\/fat-grafting\.claim:12:9 information 15773: .*\[benefit-limitation\]/);
  assert.equal(cli(['notes/unknown-payer.note']).status, 0, 'an unknown payer is a warning');
});

test('exit 1 when errors are found, in every format', () => {
  for (const format of ['text', 'json', 'sarif']) assert.equal(cli(['--format', format, 'notes/pump-trial.note']).status, 1, format);
});

test('exit 2 on usage errors, with the usage on stderr and nothing on stdout', () => {
  for (const argv of [['--format', 'xml', '.'], ['--bogus', '.'], ['--plan', 'platinum', '.'], ['--format']]) {
    const r = cli(argv);
    assert.equal(r.status, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Usage: clinlint/);
  }
});

test('exit 2 on a missing path, and the other paths are still checked', () => {
  const r = cli(['--format', 'json', 'no/such/file.claim', 'notes/lip-filler.note']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no\/such\/file\.claim/);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['notes/lip-filler.note']);
});

test('exit 2 when no policy can be loaded', () => {
  const r = runCli(['--no-bundled-policies', 'notes/lip-filler.note'], WORKSPACE);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no policies loaded/);
});

test('--payer and --plan are defaults for documents that name none', () => {
  const text = JSON.parse(cli(['--format', 'json', '--payer', 'Centene', '--plan', 'medicare'], join(ROOT, 'test', 'fixtures', 'engine', 'medicare')).stdout);
  const file = text.files.find((f: { path: string }) => f.path === 'plan-default-cli.note');
  assert.equal(file.determinations[0].policies[0].policy, 'MC.CP.MP.31');
});
