/**
 * Writes what the rule table generates (`npm run rules`): the `clinlint.severity.*` settings in
 * package.json and the header of every docs/rules/<id>.md page (a new rule gets a page stub).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, rulePage } from '../server/src/engine/rules';
import { withDocHeader, withSeveritySettings } from './lib/ruleArtifacts';

const root = join(__dirname, '..');
const pkg = join(root, 'package.json');
writeFileSync(pkg, withSeveritySettings(readFileSync(pkg, 'utf8')));
console.log('wrote package.json (clinlint.severity.*)');
for (const id of RULES) {
  const page = join(root, rulePage(id));
  writeFileSync(page, withDocHeader(id, existsSync(page) ? readFileSync(page, 'utf8') : ''));
  console.log(`wrote ${rulePage(id)}`);
}
