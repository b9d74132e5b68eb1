/** Numbers in messages come from the concept's data: change `greaterThan` and the message follows. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../server/src/engine';
import { FIXTURE_POLICIES, memoryHost, note } from './helpers';

function engineWithThreshold(greaterThan: number): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-threshold-'));
  cpSync(FIXTURE_POLICIES, dir, { recursive: true });
  const file = join(dir, 'concepts', 'pump-trial-relief.json');
  const concept = JSON.parse(readFileSync(file, 'utf8'));
  concept.numeric.greaterThan = greaterThan;
  writeFileSync(file, JSON.stringify(concept));
  return Engine.load({ bundled: false, policyDirs: [dir] });
}

const text = note(
  { patient: 'MRN 1', payer: 'BCBS', plan: 'commercial', date: '2025-01-15' },
  'PROCEDURE:\nIntrathecal morphine trial: pain decreased from 8/10 to 3/10 during the trial.\nPlan: pump implantation, CPT 62350.\n',
);

for (const threshold of [50, 70]) {
  test(`a trial relief below the concept's threshold (${threshold}%) is reported against that threshold`, () => {
    const r = engineWithThreshold(threshold).check({ path: '/mem/t.note', text }, memoryHost());
    const relief = r.findings.find((f) => f.criterion === 'pump-trial-relief');
    if (threshold === 50) assert.equal(relief, undefined, '62.5% is more than 50%');
    // Main's short row messages (SPEC 5) put the reason in the related row next to the quote.
    else assert.match(relief?.related.map((x) => x.message).join('\n') ?? '', /62\.5% pain reduction, not more than 70%/);
  });
}
