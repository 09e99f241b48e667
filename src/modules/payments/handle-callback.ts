import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import type { CallbackDecision, PaymentGateway, VerifiedNotice } from './gateways/gateway.ts';
import { lockPayment, recordPaymentEvent, settleApproved, settleDeclined } from './settle-payment.ts';

export interface CallbackDeps {
  db: Db;
  clock: Clock;
  keys: Keys;
  gateway: PaymentGateway;
}

export type CallbackOutcome =
  | 'bad_signature'
  | 'unknown_order'
  | 'wrong_gateway'
  | 'amount_mismatch'
  | 'currency_mismatch'
  | 'succeeded'
  | 'already_paid'
  | 'paid_by_another'
  | 'failed'
  | 'failure_ignored';

export interface CallbackResult {
  outcome: CallbackOutcome;
  decision: CallbackDecision;
  // The exact plain-text body the gateway expects.
  reply: string;
}

// An order id as a forger may have written it: kept short and printable for the audit log.
const printable = (value: unknown) =>
  typeof value === 'string' ? value.replace(/[^\x20-\x7e]/g, '?').slice(0, 64) || 'none' : 'none';

/**
 * The gateway's server-to-server word on a payment. The signature is checked first, with no
 * database read: a forged callback costs one hash and one audit row. Then, in one transaction, the
 * payment is locked by its order id, the amount and currency are checked against it, the evidence
 * is recorded (without card data), and the status moves: approved → succeeded with its stamp;
 * declined, error or failed 3-D Secure → failed, unless already paid. A replay changes nothing.
 *
 * `verified` lets the route pass the result of a verification it already made (rate limiting).
 */
export async function handleCallback(
  deps: CallbackDeps,
  input: { fields: Readonly<Record<string, string>>; sourceIp: string; verified?: VerifiedNotice | null },
): Promise<CallbackResult> {
  const { gateway } = deps;
  const answer = (outcome: CallbackOutcome, decision: CallbackDecision): CallbackResult => ({
    outcome,
    decision,
    reply: gateway.callbackReply(decision),
  });
  const notice = input.verified === undefined ? gateway.verifyCallback(input.fields) : input.verified;
  const now = deps.clock.now();
  if (!notice) {
    await recordAudit(deps.db, {
      actorAccountId: null,
      action: 'payment.callback_refused',
      entityType: 'payment_order',
      entityId: printable(input.fields.oid),
      after: { reason: 'bad_signature', gateway: gateway.name, sourceIp: input.sourceIp },
      at: now,
    });
    return answer('bad_signature', 'refuse');
  }

  return deps.db.transaction(async (tx) => {
    const payment = await lockPayment(tx, { orderId: notice.orderId });
    const event = {
      orderId: notice.orderId,
      source: 'callback' as const,
      procReturnCode: notice.procReturnCode,
      fields: notice.evidence,
      now,
    };
    const refuse = async (outcome: CallbackOutcome) => {
      await recordPaymentEvent(tx, { ...event, paymentId: payment?.id ?? null, outcome });
      await recordAudit(tx, {
        actorAccountId: null,
        action: 'payment.callback_refused',
        entityType: payment ? 'payment' : 'payment_order',
        entityId: payment?.id ?? notice.orderId,
        consulateId: payment?.consulate_id ?? null,
        after: {
          reason: outcome,
          orderId: notice.orderId,
          gateway: gateway.name,
          sourceIp: input.sourceIp,
          amount: notice.amountText,
          currency: notice.currency,
        },
        at: now,
      });
      return answer(outcome, 'refuse');
    };
    if (!payment) return refuse('unknown_order');
    if (payment.gateway !== gateway.name) return refuse('wrong_gateway');
    if (notice.currency !== payment.currency) return refuse('currency_mismatch');
    if (notice.amountMinor !== payment.amount_minor) return refuse('amount_mismatch');

    await recordPaymentEvent(tx, { ...event, paymentId: payment.id, outcome: notice.outcome });
    if (notice.outcome === 'approved') {
      const settled = await settleApproved(tx, { keys: deps.keys, now }, payment, {
        source: 'callback',
        transactionId: notice.transactionId,
        authorizationCode: notice.authorizationCode,
      });
      if (settled.kind === 'succeeded') return answer('succeeded', 'capture');
      if (settled.kind === 'paid_by_another') return answer('paid_by_another', 'refuse');
      // A replay (the gateway may not have had our first answer): the same answer again, while
      // there is still something to capture.
      return answer('already_paid', settled.status === 'succeeded' ? 'capture' : 'acknowledge');
    }
    const changed = await settleDeclined(tx, { now }, payment, { source: 'callback', outcome: notice.outcome });
    return answer(changed ? 'failed' : 'failure_ignored', 'acknowledge');
  });
}
