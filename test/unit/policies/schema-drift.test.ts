import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../../server/src/engine/policies/jsonSchema';

const DIR = join(__dirname, '..', '..', '..', 'policies', 'schema');

test('policies/schema/*.json match the zod schemas (regenerate with npm run schema)', () => {
  const generated = jsonSchemas();
  assert.deepEqual(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort(), Object.keys(generated).sort());
  for (const [name, schema] of Object.entries(generated)) {
    const onDisk = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
    assert.deepEqual(onDisk, JSON.parse(JSON.stringify(schema)), `${name} is stale: run npm run schema`);
  }
});
