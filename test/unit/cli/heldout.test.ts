/**
 * Held-out round 1: 15 cases in test/fixtures/heldout/, written blind (commit "Held-out cases: ...").
 * The first run, before any fix drawn from them, scored 16/22 codes.
 */
import { join } from 'node:path';
import { heldoutSuite } from './heldout';

heldoutSuite('held-out cases', join(__dirname, '..', '..', 'fixtures', 'heldout'), 15);
