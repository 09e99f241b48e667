import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.ts';
import type { TestContext } from '../../test/harness.ts';
import { openRequest } from '../documents/documents.testkit.ts';

/**
 * Helpers for the call center's integration tests (test-only). Accepted requests are inserted
 * straight into the database: verification has its own tests.
 */
export interface Citizen {
  accountId: string;
  personId: string;
}

export async function citizenOf(ctx: TestContext, email: string): Promise<Citizen> {
  const [row] = await queryRows<Citizen>(
    ctx.db,
    sql`SELECT a.id AS "accountId", p.id AS "personId" FROM accounts a
        JOIN persons p ON p.account_id = a.id AND p.relation = 'self' WHERE a.email = ${email}`,
  );
  if (!row) throw new Error(`no citizen ${email}`);
  return row;
}

export async function accountIdOf(ctx: TestContext, email: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM accounts WHERE email = ${email}`);
  return row!.id;
}

/** A passport request the consulate accepted (PAR unless told). */
export async function acceptedRequest(
  ctx: TestContext,
  owner: Citizen,
  consulate: 'PAR' | 'MTL' | 'DXB' = 'PAR',
): Promise<{ id: string; reference: string }> {
  const id = await openRequest(ctx, owner, { consulate, service: 'passport' });
  const [row] = await queryRows<{ reference: string }>(
    ctx.db,
    sql`UPDATE requests SET status = 'accepted', decided_at = ${ctx.clock.now()} WHERE id = ${id} RETURNING reference`,
  );
  return { id, reference: row!.reference };
}

/** Every free time of a service at a consulate over a range, through the availability API. */
export async function freeSlots(
  ctx: TestContext,
  consulateId: string,
  serviceId: string,
  range = { from: '2026-12-07', to: '2026-12-20' },
): Promise<{ slotId: number; startsAt: string }[]> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${range.from}&to=${range.to}`,
  });
  return (response.json() as { days: { times: { slotId: number; startsAt: string }[] }[] }).days.flatMap(
    (d) => d.times,
  );
}

export interface AuditRow {
  action: string;
  actor_account_id: string | null;
  on_behalf_of_account_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export async function auditEventsOf(ctx: TestContext, entityId: string, action?: string): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    ctx.db,
    sql`SELECT action, actor_account_id, on_behalf_of_account_id, reason, before, after FROM audit_events
        WHERE entity_id = ${entityId} ${action ? sql`AND action = ${action}` : sql``} ORDER BY id`,
  );
}
