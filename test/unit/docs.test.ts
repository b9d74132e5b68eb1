import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, rulePage } from '../../server/src/engine/rules';

const root = join(__dirname, '..', '..');

test('every diagnostic code has its documentation page (the codeDescription target)', () => {
  for (const rule of RULES) assert.ok(existsSync(join(root, rulePage(rule))), `missing ${rulePage(rule)}`);
});
