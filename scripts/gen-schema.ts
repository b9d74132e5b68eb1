/** Writes policies/schema/*.schema.json from the zod schemas (`npm run schema`). */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../server/src/engine/policies/jsonSchema';

const dir = join(__dirname, '..', 'policies', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote policies/schema/${name}`);
}
