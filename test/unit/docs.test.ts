import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine/types';
import { RULE_INFO, rulePage } from '../../server/src/engine/rules';

const root = join(__dirname, '..', '..');

test('every diagnostic code has its documentation page (the codeDescription target)', () => {
  for (const rule of RULES) {
    const page = join(root, rulePage(rule));
    assert.ok(existsSync(page), `missing ${rulePage(rule)}`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`^# \`${rule}\``));
    assert.equal(RULE_INFO[rule].id, rule);
  }
});
