import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import type { GatewayStatus, PaymentGateway } from './gateways/gateway.ts';
import type { PaymentStatus } from './payment-status.ts';
import {
  auditPayment,
  isPaidByAnother,
  lockPayment,
  type PaymentRow,
  recordPaymentEvent,
  settleApproved,
  settleDeclined,
  settleExpired,
} from './settle-payment.ts';

export interface StatusQueryDeps {
  db: Db;
  clock: Clock;
  keys: Keys;
  gateway: PaymentGateway;
}

// Statuses where the gateway may know more than Mawid: still open, or closed without money (a late
// success still wins over an expiry or a cancellation).
export const QUERYABLE: readonly PaymentStatus[] = ['created', 'pending', 'failed', 'expired', 'cancelled'];

export type QueryOutcome =
  | 'not_queryable'
  | 'succeeded'
  | 'already_paid'
  | 'paid_by_another'
  | 'failed'
  | 'expired'
  | 'unchanged'
  | 'mismatch'
  | 'capture_failed';

export interface QueryResult {
  outcome: QueryOutcome;
  status: PaymentStatus;
  gatewayStatus: GatewayStatus['status'] | null;
}

async function loadPayment(db: Db, paymentId: string): Promise<PaymentRow | undefined> {
  const [row] = await queryRows<PaymentRow>(
    db,
    sql`SELECT id, order_id, request_id, consulate_id, service_id, created_by, channel, gateway, amount_minor, currency,
               status, expires_at
        FROM payments WHERE id = ${paymentId}`,
  );
  return row ? { ...row, amount_minor: Number(row.amount_minor) } : undefined;
}

/**
 * Asks the gateway what became of an online payment and settles it from the answer: how a browser
 * that came back without a callback, or an order whose callback was lost, gets its stamp. Network
 * calls happen outside any transaction. An approved pre-authorization that the callback did not
 * capture is captured first (PostAuth), unless the request is already paid by another payment.
 * With `expire`, an order the gateway did not approve becomes expired (the expiry job).
 *
 * Throws GatewayUnavailableError when the gateway cannot be asked; nothing changes then.
 */
export async function queryPaymentStatus(
  deps: StatusQueryDeps,
  paymentId: string,
  options: { expire?: boolean } = {},
): Promise<QueryResult> {
  const payment = await loadPayment(deps.db, paymentId);
  if (!payment) throw new Error(`queryPaymentStatus: no payment ${paymentId}`);
  if (payment.channel !== 'online' || payment.gateway !== deps.gateway.name || !QUERYABLE.includes(payment.status)) {
    return { outcome: 'not_queryable', status: payment.status, gatewayStatus: null };
  }
  const source = options.expire ? ('expiry' as const) : ('status_query' as const);
  const answer = await deps.gateway.queryStatus(payment.order_id);
  const event = (outcome: string) => ({
    paymentId: payment.id,
    orderId: payment.order_id,
    source,
    outcome,
    procReturnCode: answer.procReturnCode,
    fields: answer.evidence,
  });

  const settle = async (work: (tx: Db, locked: PaymentRow, now: Date) => Promise<QueryOutcome>): Promise<QueryResult> =>
    deps.db.transaction(async (tx) => {
      const locked = await lockPayment(tx, { paymentId });
      if (!locked) throw new Error(`queryPaymentStatus: payment ${paymentId} vanished`);
      const now = deps.clock.now();
      const outcome = await work(tx, locked, now);
      const [after] = await queryRows<{ status: PaymentStatus }>(
        tx,
        sql`SELECT status FROM payments WHERE id = ${paymentId}`,
      );
      return { outcome, status: after!.status, gatewayStatus: answer.status };
    });

  if (answer.status === 'approved') {
    const isMismatch =
      (answer.amountMinor !== null && answer.amountMinor !== payment.amount_minor) ||
      (answer.currency !== null && answer.currency !== payment.currency);
    if (isMismatch) {
      return settle(async (tx, locked, now) => {
        await recordPaymentEvent(tx, { ...event('amount_mismatch'), now });
        await auditPayment(tx, { now }, locked, 'payment.query_refused', locked.status, {
          reason: 'amount_mismatch',
          amountMinor: answer.amountMinor,
          currency: answer.currency,
        });
        // Left to people (the audit event says why); the expiry still closes the order.
        if (options.expire) await settleExpired(tx, { now }, locked, { source, gatewayStatus: 'amount_mismatch' });
        return 'mismatch';
      });
    }
    let transactionId = answer.transactionId;
    if (!answer.isCaptured) {
      // Capturing money the request does not need would have to be refunded: look first.
      if (await isPaidByAnother(deps.db, payment)) {
        return settle(async (tx, locked, now) => {
          // Re-checked under the lock: if the other payment was refunded meanwhile, capture next time.
          if (!(await isPaidByAnother(tx, locked))) return 'unchanged';
          await recordPaymentEvent(tx, { ...event('approved_not_captured'), now });
          const settled = await settleApproved(tx, { keys: deps.keys, now }, locked, { source, transactionId });
          return settled.kind;
        });
      }
      const capture = await deps.gateway.capture(payment.order_id);
      if (!capture.isCaptured) {
        return settle(async (tx, _locked, now) => {
          await recordPaymentEvent(tx, { ...event('capture_failed'), now });
          return 'capture_failed';
        });
      }
      transactionId = capture.transactionId ?? transactionId;
    }
    return settle(async (tx, locked, now) => {
      await recordPaymentEvent(tx, { ...event('approved'), now });
      const settled = await settleApproved(tx, { keys: deps.keys, now }, locked, {
        source,
        transactionId,
        authorizationCode: answer.authorizationCode,
      });
      if (settled.kind === 'paid_by_another') {
        // Captured a moment before another payment of the request succeeded: the money is in, the
        // fee is paid twice. Recorded for the treasury to refund; the stamp stays with the other.
        await auditPayment(tx, { now }, locked, 'payment.captured_twice', 'cancelled', { transactionId });
      }
      return settled.kind;
    });
  }

  if (answer.status === 'declined') {
    return settle(async (tx, locked, now) => {
      await recordPaymentEvent(tx, { ...event('declined'), now });
      if (options.expire && (await settleExpired(tx, { now }, locked, { source, gatewayStatus: 'declined' })))
        return 'expired';
      // Asking again about the same declined attempt is not a new failure.
      if (locked.status === 'failed') return 'unchanged';
      return (await settleDeclined(tx, { now }, locked, { source, outcome: 'declined' })) ? 'failed' : 'unchanged';
    });
  }

  // pending or unknown: the gateway has nothing to settle. Only the expiry closes the order.
  if (!options.expire) return { outcome: 'unchanged', status: payment.status, gatewayStatus: answer.status };
  return settle(async (tx, locked, now) => {
    await recordPaymentEvent(tx, { ...event(answer.status), now });
    return (await settleExpired(tx, { now }, locked, { source, gatewayStatus: answer.status }))
      ? 'expired'
      : 'unchanged';
  });
}
