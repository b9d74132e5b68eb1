/** The rule table generates package.json's severity settings and the rule pages' headers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, rulePage } from '../../server/src/engine/rules';
import { docHeader, severityKey, withSeveritySettings } from '../../scripts/lib/ruleArtifacts';

const root = join(__dirname, '..', '..');

test('package.json clinlint.severity.* settings match the rule table (regenerate with npm run rules)', () => {
  const onDisk = readFileSync(join(root, 'package.json'), 'utf8');
  assert.equal(onDisk, withSeveritySettings(onDisk), 'package.json is stale: run npm run rules');
  const props = JSON.parse(onDisk).contributes.configuration.properties as Record<string, { default: string }>;
  const keys = Object.keys(props).filter((k) => k.startsWith('clinlint.severity.'));
  assert.deepEqual(keys, RULES.map(severityKey));
  assert.equal(props[severityKey('criteria-met')].default, 'off');
});

test('every docs/rules page starts with the header the rule table generates (regenerate with npm run rules)', () => {
  for (const id of RULES) {
    const page = readFileSync(join(root, rulePage(id)), 'utf8');
    assert.ok(page.startsWith(`${docHeader(id)}\n## `), `${rulePage(id)} is stale: run npm run rules`);
  }
});
