import type { FastifyRequest } from 'fastify';
import { assertConsulateScope, type Principal, requirePrincipal, requireRole } from '../../../platform/auth.ts';
import type { AppDeps } from '../../../platform/http.ts';
import { getConsulate } from '../network.queries.ts';

type Role = Principal['role'];

/** Who changes a consulate's settings: its own admin, and headquarters for any consulate. */
export const consulateAdmins: Role[] = ['consulate_admin', 'hq_admin'];
/** Who reads them: the admins, and the consulate's agents (who work with hours and counters daily). */
export const consulateReaders: Role[] = [...consulateAdmins, 'consular_agent'];

/**
 * The check every admin route starts with: signed in (401), of an allowed role (403), and of this
 * consulate (404 otherwise, as if it did not exist). Returns the caller and the consulate.
 */
export function consulateStaff(deps: Pick<AppDeps, 'db' | 'sessions'>) {
  return async (request: FastifyRequest, consulateId: string, roles: Role[]) => {
    const principal = await requirePrincipal(deps.sessions, request);
    requireRole(principal, ...roles);
    assertConsulateScope(principal, consulateId);
    // Network-wide roles pass the scope check for any id: make sure the consulate exists.
    const consulate = await getConsulate(deps.db, consulateId);
    return { principal, consulate };
  };
}
