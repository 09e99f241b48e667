import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type Principal, requirePrincipal, requireRole, type SessionStore } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Only call-center agents use these routes. Headquarters and consular staff have their own tools;
 * letting them act "as the call center" would blur who acted in the audit log.
 */
export async function requireCallCenterAgent(sessions: SessionStore, request: FastifyRequest): Promise<Principal> {
  const principal = await requirePrincipal(sessions, request);
  requireRole(principal, 'call_center_agent');
  return principal;
}

/** The call center acts for citizens only: a staff account's id answers 404 like an unknown one. */
export async function assertCitizen(db: Db, accountId: string): Promise<void> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM accounts WHERE id = ${accountId} AND role = 'citizen'`,
  );
  if (!row) throw new AppError('CITIZEN_NOT_FOUND', 404, 'No citizen account with this id.');
}
