/** The one walk over a requirement tree (`all`, `any`, `not`, criterion ids), with each node's JSON path. */
import type { Requirement } from './schema';

/** A step of a JSON path: an object key or an array index. */
export type Key = string | number;

/**
 * Calls `visit` on every node of `req`, parents first, with its path from `where` and its depth
 * (the root is 1); a visit that returns false does not descend into the node.
 */
export function walkRequirement(
  req: Requirement | undefined,
  where: Key[],
  visit: (node: Requirement, where: Key[], depth: number) => boolean | void,
  depth = 1,
): void {
  if (req === undefined) return;
  if (visit(req, where, depth) === false || typeof req === 'string') return;
  if ('not' in req) walkRequirement(req.not, [...where, 'not'], visit, depth + 1);
  else if ('all' in req) req.all.forEach((r, i) => walkRequirement(r, [...where, 'all', i], visit, depth + 1));
  else req.any.forEach((r, i) => walkRequirement(r, [...where, 'any', i], visit, depth + 1));
}
