/**
 * Held-out round 2: 20 cases in test/fixtures/heldout2/, written blind (commit "Held-out round 2: ...").
 * The first run, before any fix drawn from them, scored 26/28 codes.
 */
import { join } from 'node:path';
import { heldoutSuite } from './heldout';

heldoutSuite('held-out round 2', join(__dirname, '..', '..', 'fixtures', 'heldout2'), 20);
