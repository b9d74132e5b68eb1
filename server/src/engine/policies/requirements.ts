/** The one walk over a requirement tree (`all`, `any`, `not`, criterion ids), with each node's JSON path. */
import type { Requirement } from './schema';

/** A step of a JSON path: an object key or an array index. */
export type Key = string | number;

/** Calls `visit` on every node of `req`, parents first, with its path from `where`. */
export function walkRequirement(req: Requirement | undefined, where: Key[], visit: (node: Requirement, where: Key[]) => void): void {
  if (req === undefined) return;
  visit(req, where);
  if (typeof req === 'string') return;
  if ('not' in req) walkRequirement(req.not, [...where, 'not'], visit);
  else if ('all' in req) req.all.forEach((r, i) => walkRequirement(r, [...where, 'all', i], visit));
  else req.any.forEach((r, i) => walkRequirement(r, [...where, 'any', i], visit));
}
