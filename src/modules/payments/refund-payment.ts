import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { localDateOf } from '../scheduling/slot-engine.ts';
import { postEntry } from './ledger.ts';
import {
  canTransitionStamp,
  type PaymentStatus,
  paymentStatusesLeadingTo,
  type StampStatus,
  stampStatuses,
} from './payment-status.ts';

export interface RefundResult {
  refundId: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  paymentStatus: PaymentStatus;
  refundedMinor: number;
  refundableMinor: number;
  stampNumber: string | null;
  stampStatus: StampStatus | null;
  gatewayReference: string | null;
  createdAt: Date;
}

export interface RefundInput {
  actorAccountId: string;
  paymentId: string;
  amountMinor: number;
  // What the caller believes is still refundable: a refund decided on stale figures is refused.
  expectedRefundableMinor: number;
  reason: string;
}

// A refund moves a paid payment to partially_refunded or refunded: it may start only where both
// moves are allowed by the transition table (the SQL guard mirrors it).
const refundableFrom = paymentStatusesLeadingTo('refunded').filter((s) =>
  paymentStatusesLeadingTo('partially_refunded').includes(s),
);
const stampRefundableFrom = stampStatuses.filter((s) => canTransitionStamp(s, 'refunded'));

/**
 * Refunds (part of) a payment: at most what was paid in total, never once its stamp is consumed.
 * One conditional UPDATE decides, on the amount the caller believes refundable: two concurrent
 * partial refunds decided on the same figure cannot both pass. The stamp is locked first, so a
 * consumption and a refund of one stamp are serialized. A full refund also makes the stamp
 * refunded. The refund row, the ledger entry and the audit events commit together.
 *
 * The gateway's Credit call is not made here: the refund is recorded with no gateway reference.
 */
export async function refundPayment(deps: { db: Db; now: Date }, input: RefundInput): Promise<RefundResult> {
  const { now } = deps;
  const amount = input.amountMinor;
  const expected = input.expectedRefundableMinor;
  return deps.db.transaction(async (tx) => {
    const [stamp] = await queryRows<{ id: string; number: string; status: StampStatus }>(
      tx,
      sql`SELECT id, number, status FROM stamps WHERE payment_id = ${input.paymentId} FOR UPDATE`,
    );
    const [paid] = await queryRows<{
      amount_minor: number;
      refunded_minor: number;
      status: PaymentStatus;
      consulate_id: string;
      currency: string;
      channel: 'online' | 'counter';
      time_zone: string;
    }>(
      tx,
      sql`UPDATE payments p
          SET refunded_minor = p.refunded_minor + ${amount}::bigint,
              status = CASE WHEN p.refunded_minor + ${amount}::bigint = p.amount_minor THEN 'refunded'
                            ELSE 'partially_refunded' END,
              updated_at = ${now}
          FROM consulates c
          WHERE p.id = ${input.paymentId} AND c.id = p.consulate_id
            AND p.amount_minor - p.refunded_minor = ${expected}::bigint
            AND ${amount}::bigint <= ${expected}::bigint
            AND p.status IN (${sql.join(refundableFrom, sql`, `)})
            AND NOT EXISTS (SELECT 1 FROM stamps s WHERE s.payment_id = p.id
                            AND s.status NOT IN (${sql.join(stampRefundableFrom, sql`, `)}))
          RETURNING p.amount_minor, p.refunded_minor, p.status, p.consulate_id, p.currency, p.channel, c.time_zone`,
    );
    if (!paid) throw await whyNot(tx, input);

    const refundedMinor = Number(paid.refunded_minor);
    const previousRefunded = refundedMinor - amount;
    let stampStatus = stamp?.status ?? null;
    if (stamp && paid.status === 'refunded') {
      const [refunded] = await queryRows<{ status: StampStatus }>(
        tx,
        sql`UPDATE stamps SET status = 'refunded', refunded_at = ${now}
            WHERE id = ${stamp.id} AND status IN (${sql.join(stampRefundableFrom, sql`, `)}) RETURNING status`,
      );
      if (!refunded) throw new Error(`refundPayment: stamp ${stamp.id} was locked valid and yet not refunded`);
      stampStatus = refunded.status;
      await recordAudit(tx, {
        actorAccountId: input.actorAccountId,
        action: 'stamp.refunded',
        entityType: 'stamp',
        entityId: stamp.id,
        consulateId: paid.consulate_id,
        reason: input.reason,
        before: { status: stamp.status },
        after: { status: 'refunded', number: stamp.number },
        at: now,
      });
    }
    const [refund] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO refunds (payment_id, amount_minor, currency, reason, requested_by, gateway_reference, created_at)
          VALUES (${input.paymentId}, ${amount}, ${paid.currency}, ${input.reason}, ${input.actorAccountId}, NULL, ${now})
          RETURNING id`,
    );
    // The money goes back the way it came: to the card through the gateway, or through the terminal.
    const receivable = paid.channel === 'online' ? 'gateway_receivable' : 'terminal_receivable';
    await postEntry(tx, {
      kind: 'refund',
      consulateId: paid.consulate_id,
      currency: paid.currency,
      businessDate: localDateOf(now, paid.time_zone),
      paymentId: input.paymentId,
      stampId: stamp?.id,
      refundId: refund!.id,
      createdAt: now,
      postings: [
        { account: 'stamp_liability', amountMinor: amount },
        { account: receivable, amountMinor: -amount },
      ],
    });
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'payment.refunded',
      entityType: 'payment',
      entityId: input.paymentId,
      consulateId: paid.consulate_id,
      reason: input.reason,
      before: { status: previousRefunded === 0 ? 'succeeded' : 'partially_refunded', refundedMinor: previousRefunded },
      after: { status: paid.status, refundedMinor, refundId: refund!.id, amountMinor: amount },
      at: now,
    });
    return {
      refundId: refund!.id,
      paymentId: input.paymentId,
      amountMinor: amount,
      currency: paid.currency,
      reason: input.reason,
      paymentStatus: paid.status,
      refundedMinor,
      refundableMinor: Number(paid.amount_minor) - refundedMinor,
      stampNumber: stamp?.number ?? null,
      stampStatus,
      gatewayReference: null,
      createdAt: now,
    };
  });
}

/** Why the conditional update changed nothing: the most final reason first. */
async function whyNot(tx: Db, input: RefundInput): Promise<AppError> {
  const [payment] = await queryRows<{ amount_minor: number; refunded_minor: number; status: PaymentStatus }>(
    tx,
    sql`SELECT amount_minor, refunded_minor, status FROM payments WHERE id = ${input.paymentId}`,
  );
  if (!payment) return new AppError('PAYMENT_NOT_FOUND', 404, 'No such payment in your scope.');
  const [consumed] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM stamps WHERE payment_id = ${input.paymentId} AND status = 'consumed'`,
  );
  if (consumed)
    return new AppError('STAMP_ALREADY_CONSUMED', 409, 'The stamp of this payment was consumed: no refund.');
  if (payment.status === 'refunded') {
    return new AppError('PAYMENT_ALREADY_REFUNDED', 409, 'This payment was already refunded in full.');
  }
  if (!refundableFrom.includes(payment.status)) {
    return new AppError('PAYMENT_NOT_REFUNDABLE', 409, `A payment that is ${payment.status} holds no money to refund.`);
  }
  const refundableMinor = Number(payment.amount_minor) - Number(payment.refunded_minor);
  if (refundableMinor !== input.expectedRefundableMinor) {
    return new AppError(
      'REFUNDABLE_AMOUNT_CHANGED',
      409,
      `${refundableMinor} is refundable, not ${input.expectedRefundableMinor}: another refund came first.`,
      { refundableMinor },
    );
  }
  return new AppError(
    'REFUND_EXCEEDS_REFUNDABLE',
    422,
    `At most ${refundableMinor} can be refunded, not ${input.amountMinor}.`,
    { refundableMinor },
  );
}

/**
 * A citizen's refund after the consulate cancelled their appointment: for everything still
 * refundable, if the request's latest appointment was cancelled by the consulate and no other is
 * booked (rebooking is the other choice: the stamp stays valid for the new appointment).
 */
export async function refundAfterConsulateCancellation(
  deps: { db: Db; now: Date },
  input: { accountId: string; paymentId: string; reason: string },
): Promise<RefundResult> {
  const { db } = deps;
  const [payment] = await queryRows<{ amount_minor: number; refunded_minor: number; cancelled: boolean }>(
    db,
    sql`SELECT p.amount_minor, p.refunded_minor,
               (SELECT a.status = 'cancelled_by_consulate' FROM appointments a
                 WHERE a.request_id = p.request_id ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS cancelled
        FROM payments p JOIN requests r ON r.id = p.request_id
        WHERE p.id = ${input.paymentId} AND r.account_id = ${input.accountId}`,
  );
  if (!payment) throw new AppError('PAYMENT_NOT_FOUND', 404, 'No such payment in your scope.');
  if (!payment.cancelled) {
    throw new AppError(
      'REFUND_NOT_ALLOWED',
      409,
      'Only a fee whose appointment the consulate cancelled can be refunded online; ask the consulate otherwise.',
    );
  }
  const refundable = Number(payment.amount_minor) - Number(payment.refunded_minor);
  return refundPayment(deps, {
    actorAccountId: input.accountId,
    paymentId: input.paymentId,
    amountMinor: refundable,
    expectedRefundableMinor: refundable,
    reason: input.reason,
  });
}
