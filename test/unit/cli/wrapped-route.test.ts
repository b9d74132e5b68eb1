/**
 * SPEC 4.1 from the CLI: a note code's route is read from its sentence even when the writer
 * wrapped the sentence over lines ("... implantable intrathecal pump,\nCPT 62362, morphine."),
 * so a relief credited to an epidural steroid injection does not document the intrathecal
 * pump's trial.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../runCli';

const note = (planLines: string[]) =>
  [
    '---',
    'payer: BCBS',
    'plan: commercial',
    'date: 2025-03-19',
    '---',
    'S: 63 yo F with severe chronic intractable lumbar radicular pain from multilevel stenosis.',
    'Returns after 3-day intrathecal catheter trial of morphine.',
    'Her pain diary: baseline NRS 8/10, during trial NRS 4/10 on average.',
    'Of note, her leg pain went from 8/10 to 2/10 after an L4-5 epidural steroid injection in 2023, but that benefit',
    'wore off within six weeks.',
    ...planLines,
    '',
  ].join('\n');

interface Determination {
  status: string;
  policies: { missing: string[]; nearMisses?: { criterion: string; reason: string; trigger?: string }[] }[];
}

function determine(planLines: string[]): Determination {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-wrapped-'));
  writeFileSync(join(dir, 'v.note'), note(planLines));
  const r = runCli(['--format', 'json', 'v.note'], dir);
  return JSON.parse(r.stdout).files[0].determinations.find((x: { code: string }) => x.code === '62362');
}

test('a code on the second line of a wrapped sentence takes the route its first line names', () => {
  const wrapped = determine(['A/P: Intrathecal trial with partial response. Pt wishes to proceed with implantable intrathecal pump,', 'CPT 62362, morphine.']);
  assert.equal(wrapped.status, 'documentation-missing');
  assert.deepEqual(wrapped.policies[0].missing, ['pump-trial-relief']);
  const miss = wrapped.policies[0].nearMisses?.find((m) => m.criterion === 'pump-trial-relief');
  assert.deepEqual([miss?.reason, miss?.trigger], ['scope', 'epidural']);
  // A sentence ended on the line before is not the code's: no route is carried over, so the
  // line is scoped to no route and the 75% relief counts (SPEC 4.1: no known route, no scope).
  const ended = determine(['A/P: Plan implantable intrathecal pump.', 'CPT 62362, morphine.']);
  assert.equal(ended.status, 'supported');
});
