import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { localDateOf } from '../scheduling/slot-engine.ts';
import { postEntry } from './ledger.ts';
import { canTransitionStamp, type StampStatus, stampStatuses } from './payment-status.ts';

export interface ConsumedStamp {
  id: string;
  number: string;
  status: 'consumed';
  consumedAt: Date;
  serviceId: string;
  requestId: string;
  requestStatus: string;
  revenueMinor: number;
  currency: string;
}

type Refusal = { code: string; status: number; detail: string; reason: string; stampId: string | null };

// The SQL guard mirrors the stamp's transition table.
const stampStatusesLeadingTo = (to: StampStatus) => stampStatuses.filter((from) => canTransitionStamp(from, to));

/**
 * Consumes a stamp when its service is delivered: at most once, only at the stamp's consulate and
 * for its service. One conditional UPDATE decides (two counters at once: one wins, the other finds
 * the stamp consumed); the revenue entry and the audit event commit with it. The request is
 * completed when its appointment is served (reception's advanceAppointment), not here: a consumed
 * stamp settles the fee, serving delivers the service. A refused attempt is audited after the (empty) transaction, with the caller's handle: on PGlite
 * a second writer inside an open transaction would wait forever.
 */
export async function consumeStamp(
  deps: { db: Db; now: Date },
  input: { principal: Principal; number: string; serviceId?: string },
): Promise<ConsumedStamp> {
  const { db, now } = deps;
  const { principal, number } = input;
  const outcome = await db.transaction(async (tx): Promise<ConsumedStamp | Refusal> => {
    const [stamp] = await queryRows<{
      id: string;
      payment_id: string;
      request_id: string;
      consulate_id: string;
      service_id: string;
      currency: string;
    }>(
      tx,
      sql`UPDATE stamps SET status = 'consumed', consumed_at = ${now}, consumed_by = ${principal.accountId}
          WHERE number = ${number}
            AND status IN (${sql.join(stampStatusesLeadingTo('consumed'), sql`, `)})
            AND consulate_id = ${principal.consulateId}
            ${input.serviceId ? sql`AND service_id = ${input.serviceId}` : sql``}
          RETURNING id, payment_id, request_id, consulate_id, service_id, currency`,
    );
    if (!stamp) return whyNot(tx, principal, number, input.serviceId);

    // A partial refund lowered what the stamp still holds: only the rest becomes revenue. Refunds
    // lock the stamp before touching the payment, so this read cannot race one.
    const [payment] = await queryRows<{ remaining: number; time_zone: string }>(
      tx,
      sql`SELECT p.amount_minor - p.refunded_minor AS remaining, c.time_zone
          FROM payments p JOIN consulates c ON c.id = p.consulate_id WHERE p.id = ${stamp.payment_id}`,
    );
    const revenueMinor = Number(payment!.remaining);
    await postEntry(tx, {
      kind: 'stamp_consumed',
      consulateId: stamp.consulate_id,
      currency: stamp.currency,
      businessDate: localDateOf(now, payment!.time_zone),
      paymentId: stamp.payment_id,
      stampId: stamp.id,
      createdAt: now,
      postings: [
        { account: 'stamp_liability', amountMinor: revenueMinor },
        { account: 'fee_revenue', serviceId: stamp.service_id, amountMinor: -revenueMinor },
      ],
    });
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: 'stamp.consumed',
      entityType: 'stamp',
      entityId: stamp.id,
      consulateId: stamp.consulate_id,
      before: { status: 'valid' },
      after: { status: 'consumed', number, revenueMinor, currency: stamp.currency },
      at: now,
    });
    const [request] = await queryRows<{ status: string }>(
      tx,
      sql`SELECT status FROM requests WHERE id = ${stamp.request_id}`,
    );
    return {
      id: stamp.id,
      number,
      status: 'consumed',
      consumedAt: now,
      serviceId: stamp.service_id,
      requestId: stamp.request_id,
      requestStatus: request!.status,
      revenueMinor,
      currency: stamp.currency,
    };
  });
  if ('id' in outcome) return outcome;

  await recordAudit(db, {
    actorAccountId: principal.accountId,
    action: 'stamp.consume_refused',
    entityType: 'stamp',
    entityId: outcome.stampId ?? number,
    consulateId: principal.consulateId,
    reason: outcome.reason,
    after: { number, serviceId: input.serviceId ?? null },
    at: now,
  });
  throw new AppError(outcome.code, outcome.status, outcome.detail);
}

/** Why the conditional update found nothing, in the order that leaks least. */
async function whyNot(tx: Db, principal: Principal, number: string, serviceId: string | undefined): Promise<Refusal> {
  const [stamp] = await queryRows<{ id: string; status: StampStatus; consulate_id: string; service_id: string }>(
    tx,
    sql`SELECT id, status, consulate_id, service_id FROM stamps WHERE number = ${number}`,
  );
  const notFound = { code: 'STAMP_NOT_FOUND', status: 404, detail: 'No stamp has this number at your consulate.' };
  // Another consulate's stamp looks exactly like a number that does not exist.
  if (!stamp) return { ...notFound, reason: 'unknown_number', stampId: null };
  if (stamp.consulate_id !== principal.consulateId)
    return { ...notFound, reason: 'other_consulate', stampId: stamp.id };
  if (stamp.status === 'consumed') {
    return {
      code: 'STAMP_ALREADY_CONSUMED',
      status: 409,
      detail: 'This stamp was already consumed.',
      reason: 'already_consumed',
      stampId: stamp.id,
    };
  }
  if (stamp.status === 'refunded') {
    return {
      code: 'STAMP_REFUNDED',
      status: 409,
      detail: 'This stamp was refunded: it pays for nothing.',
      reason: 'refunded',
      stampId: stamp.id,
    };
  }
  if (serviceId && stamp.service_id !== serviceId) {
    return {
      code: 'STAMP_WRONG_SERVICE',
      status: 422,
      detail: 'This stamp pays for another service.',
      reason: 'wrong_service',
      stampId: stamp.id,
    };
  }
  // The update raced a change that has since been undone: impossible for a stamp (its status is
  // final), so this is a defect, not a refusal.
  throw new Error(`consumeStamp: stamp ${stamp.id} is ${stamp.status} and yet was not consumed`);
}
