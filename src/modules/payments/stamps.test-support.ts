import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.ts';
import type { TestContext } from '../../test/harness.ts';
import { issueStamp } from './issue-stamp.ts';

export interface PaidStamp {
  paymentId: string;
  orderId: string;
  requestId: string;
  personId: string;
  stampId: string;
  number: string;
  amountMinor: number;
  currency: string;
  consulateId: string;
  serviceId: string;
}

const randomCode = (length: number) => randomUUID().replaceAll('-', '').slice(0, length).toUpperCase();

/**
 * A paid fee as the gateway side leaves it, made directly in the database: an accepted request
 * for a new person on the account, a succeeded payment, and its stamp issued by issueStamp in one
 * transaction (the stamp, the sale's ledger entry and the audit event), exactly as a callback does.
 */
export async function paidStamp(
  ctx: TestContext,
  options: {
    accountId: string;
    consulate?: 'PAR' | 'MTL' | 'DXB';
    service?: 'passport' | 'legalization' | 'copy';
    channel?: 'online' | 'counter';
    amountMinor?: number;
    createdBy?: string;
  },
): Promise<PaidStamp> {
  const consulateId = ctx.ids.consulates[options.consulate ?? 'PAR'];
  const serviceId = ctx.ids.services[options.service ?? 'passport'];
  const channel = options.channel ?? 'online';
  const [offer] = await queryRows<{ department_id: string; fee_minor: number; currency: string; code: string }>(
    ctx.db,
    sql`SELECT cs.department_id, cs.fee_minor, c.currency, c.code FROM consulate_services cs
        JOIN consulates c ON c.id = cs.consulate_id
        WHERE cs.consulate_id = ${consulateId} AND cs.service_id = ${serviceId}`,
  );
  if (!offer) throw new Error(`paidStamp: ${options.consulate} does not offer ${options.service}`);
  const amountMinor = options.amountMinor ?? (Number(offer.fee_minor) || 10_000);
  const [person] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO persons (account_id, relation, given_name_latin, family_name_latin, birth_date)
        VALUES (${options.accountId}, 'spouse', 'Test', ${`Spouse ${randomCode(6)}`}, '1995-06-15') RETURNING id`,
  );
  const [request] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status, decided_at)
        VALUES (${`${offer.code}-D-${randomCode(4)}-${randomCode(4)}`}, ${consulateId}, ${serviceId}, ${offer.department_id},
                ${person!.id}, ${options.accountId}, 'accepted', ${ctx.clock.now()})
        RETURNING id`,
  );
  const orderId = `ET-${offer.code}-${randomCode(10)}`;
  return ctx.db.transaction(async (tx) => {
    const [payment] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO payments (order_id, request_id, consulate_id, service_id, created_by, channel, gateway, amount_minor,
                                currency, status, gateway_transaction_id, succeeded_at, created_at, updated_at)
          VALUES (${orderId}, ${request!.id}, ${consulateId}, ${serviceId}, ${options.createdBy ?? options.accountId},
                  ${channel}, ${channel === 'online' ? 'sandbox' : 'counter'}, ${amountMinor}, ${offer.currency},
                  'succeeded', ${`T${randomCode(12)}`}, ${ctx.clock.now()}, ${ctx.clock.now()}, ${ctx.clock.now()})
          RETURNING id`,
    );
    const stamp = await issueStamp(tx, { paymentId: payment!.id, now: ctx.clock.now(), keys: ctx.deps.keys });
    return {
      paymentId: payment!.id,
      orderId,
      requestId: request!.id,
      personId: person!.id,
      stampId: stamp.stampId,
      number: stamp.number,
      amountMinor,
      currency: offer.currency,
      consulateId,
      serviceId,
    };
  });
}

/** The audit events of an entity, oldest first. */
export function auditOf(ctx: TestContext, entityId: string) {
  return queryRows<{ action: string; reason: string | null; actor_account_id: string | null }>(
    ctx.db,
    sql`SELECT action, reason, actor_account_id FROM audit_events WHERE entity_id = ${entityId} ORDER BY id`,
  );
}

/** Entries whose postings do not sum to zero, or have fewer than two postings: must always be none. */
export function unbalancedEntries(ctx: TestContext) {
  return queryRows<{ id: number }>(
    ctx.db,
    sql`SELECT e.id FROM ledger_entries e LEFT JOIN ledger_postings p ON p.entry_id = e.id
        GROUP BY e.id HAVING count(p.id) < 2 OR coalesce(sum(p.amount_minor), 0) <> 0`,
  );
}
