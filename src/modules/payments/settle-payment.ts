import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import { issueStamp } from './issue-stamp.ts';
import {
  assertPaymentTransition,
  canTransitionPayment,
  type PaymentStatus,
  paymentStatusesLeadingTo,
} from './payment-status.ts';

/**
 * The steps every way of settling a payment shares (callback, status query, expiry, counter): lock,
 * record the evidence, move the status through the transition table, issue the stamp, audit — all
 * with the caller's transaction.
 */
export interface PaymentRow {
  id: string;
  order_id: string;
  request_id: string;
  consulate_id: string;
  service_id: string;
  created_by: string;
  channel: 'online' | 'counter';
  gateway: 'cmi' | 'sandbox' | 'counter';
  amount_minor: number;
  currency: string;
  status: PaymentStatus;
  expires_at: Date | null;
}

export type EventSource = 'callback' | 'browser_return' | 'status_query' | 'counter' | 'expiry';

/** Statuses that hold the money of a request (payments_one_paid_per_request). */
const PAID: readonly PaymentStatus[] = ['succeeded', 'partially_refunded', 'refunded'];
export const isPaid = (status: PaymentStatus) => PAID.includes(status);

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * Locks a payment for a status change: its request first, then the payment. Every writer of a
 * request's payments takes the request's lock first (create, counter, settle), so two payments of
 * one request are never settled at once and the lock order never crosses.
 */
export async function lockPayment(
  tx: Db,
  where: { orderId: string } | { paymentId: string },
): Promise<PaymentRow | undefined> {
  const condition = 'orderId' in where ? sql`order_id = ${where.orderId}` : sql`id = ${where.paymentId}`;
  const [found] = await queryRows<{ request_id: string }>(tx, sql`SELECT request_id FROM payments WHERE ${condition}`);
  if (!found) return undefined;
  await tx.execute(sql`SELECT id FROM requests WHERE id = ${found.request_id} FOR UPDATE`);
  const [row] = await queryRows<PaymentRow>(
    tx,
    sql`SELECT id, order_id, request_id, consulate_id, service_id, created_by, channel, gateway, amount_minor, currency,
               status, expires_at
        FROM payments WHERE ${condition} FOR UPDATE`,
  );
  return row ? { ...row, amount_minor: Number(row.amount_minor) } : undefined;
}

/**
 * Moves a payment to `to`, as the transition table allows. The UPDATE is conditional on the statuses
 * that may lead there, so even without the row lock two writers could not both move it.
 */
export async function transitionPayment(
  tx: Db,
  payment: PaymentRow,
  to: PaymentStatus,
  now: Date,
  details: { transactionId?: string | null; authorizationCode?: string | null; terminalReference?: string | null } = {},
): Promise<boolean> {
  assertPaymentTransition(payment.status, to);
  const updated = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE payments
        SET status = ${to}, updated_at = ${now},
            succeeded_at = CASE WHEN ${to} = 'succeeded' THEN ${now}::timestamptz ELSE succeeded_at END,
            gateway_transaction_id = coalesce(${details.transactionId ?? null}, gateway_transaction_id),
            authorization_code = coalesce(${details.authorizationCode ?? null}, authorization_code),
            terminal_reference = coalesce(${details.terminalReference ?? null}, terminal_reference)
        WHERE id = ${payment.id} AND status IN (${inList(paymentStatusesLeadingTo(to))})
        RETURNING id`,
  );
  return updated.length === 1;
}

export async function recordPaymentEvent(
  tx: Db,
  event: {
    paymentId: string | null;
    orderId: string;
    source: EventSource;
    outcome: string;
    procReturnCode?: string | null;
    // Already stripped of card data by the gateway adapter.
    fields: Record<string, string>;
    now: Date;
  },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO payment_events (payment_id, order_id, source, outcome, proc_return_code, fields, received_at)
    VALUES (${event.paymentId}, ${event.orderId}, ${event.source}, ${event.outcome}, ${event.procReturnCode ?? null},
            ${JSON.stringify(event.fields)}::jsonb, ${event.now})`);
}

/** Whether another payment of the same request already holds its fee. */
export async function isPaidByAnother(db: Db, payment: { id: string; request_id: string }): Promise<boolean> {
  const [other] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM payments
        WHERE request_id = ${payment.request_id} AND id <> ${payment.id} AND status IN (${inList(PAID)})
        LIMIT 1`,
  );
  return other !== undefined;
}

export type ApprovedSettlement =
  // The payment became succeeded now, with its stamp.
  | { kind: 'succeeded'; stampNumber: string }
  // It was already paid (a replay): nothing changed.
  | { kind: 'already_paid'; status: PaymentStatus; stampNumber: string | null }
  // Another payment of the request holds the fee: this one is cancelled and must not be captured.
  | { kind: 'paid_by_another' };

/**
 * The gateway approved a payment: succeeded, stamp, audit. A success wins over an earlier failure,
 * expiry or cancellation (the card was charged), but never pays a request twice.
 */
export async function settleApproved(
  tx: Db,
  deps: { keys: Keys; now: Date; actorAccountId?: string | null },
  payment: PaymentRow,
  evidence: {
    source: EventSource;
    transactionId?: string | null;
    authorizationCode?: string | null;
    terminalReference?: string | null;
  },
): Promise<ApprovedSettlement> {
  if (isPaid(payment.status)) {
    const stamp =
      payment.status === 'succeeded'
        ? await issueStamp(tx, { paymentId: payment.id, now: deps.now, keys: deps.keys })
        : null;
    return { kind: 'already_paid', status: payment.status, stampNumber: stamp?.number ?? null };
  }
  if (await isPaidByAnother(tx, payment)) {
    if (canTransitionPayment(payment.status, 'cancelled')) {
      await transitionPayment(tx, payment, 'cancelled', deps.now);
      await auditPayment(tx, deps, payment, 'payment.cancelled', 'cancelled', {
        reason: 'request_already_paid',
        ...evidence,
      });
    }
    return { kind: 'paid_by_another' };
  }
  await transitionPayment(tx, payment, 'succeeded', deps.now, evidence);
  const stamp = await issueStamp(tx, { paymentId: payment.id, now: deps.now, keys: deps.keys });
  await auditPayment(tx, deps, payment, 'payment.succeeded', 'succeeded', {
    source: evidence.source,
    transactionId: evidence.transactionId ?? null,
    stampNumber: stamp.number,
  });
  return { kind: 'succeeded', stampNumber: stamp.number };
}

/** A declined attempt: failed, unless the payment is already beyond (a failure after a success changes nothing). */
export async function settleDeclined(
  tx: Db,
  deps: { now: Date },
  payment: PaymentRow,
  details: { source: EventSource; outcome: string },
): Promise<boolean> {
  if (!canTransitionPayment(payment.status, 'failed')) return false;
  const changed = await transitionPayment(tx, payment, 'failed', deps.now);
  if (changed) await auditPayment(tx, deps, payment, 'payment.failed', 'failed', details);
  return changed;
}

export async function settleExpired(
  tx: Db,
  deps: { now: Date },
  payment: PaymentRow,
  details: Record<string, unknown>,
) {
  if (!canTransitionPayment(payment.status, 'expired')) return false;
  const changed = await transitionPayment(tx, payment, 'expired', deps.now);
  if (changed) await auditPayment(tx, deps, payment, 'payment.expired', 'expired', details);
  return changed;
}

export async function auditPayment(
  tx: Db,
  deps: { now: Date; actorAccountId?: string | null },
  payment: PaymentRow,
  action: string,
  status: PaymentStatus,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    actorAccountId: deps.actorAccountId ?? null,
    action,
    entityType: 'payment',
    entityId: payment.id,
    consulateId: payment.consulate_id,
    before: { status: payment.status },
    after: { status, orderId: payment.order_id, ...details },
    at: deps.now,
  });
}
