import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import { lockRequestForPayment } from './lock-request.ts';
import { newOrderId } from './order-id.ts';
import { feeDueFor } from './payment-fee.ts';
import { type PaymentRow, recordPaymentEvent, settleApproved } from './settle-payment.ts';

export interface CounterPaymentInput {
  agentAccountId: string;
  requestId: string;
  // The card terminal's own reference of the transaction, and the issuer's authorization code.
  terminalReference: string;
  authorizationCode: string;
}

export interface CounterPayment {
  paymentId: string;
  orderId: string;
  stampNumber: string;
}

/**
 * A card payment taken by an agent on the consulate's terminal: the fee is paid at once, and the
 * stamp is issued in the same transaction (counter entry: terminal receivable against stamp
 * liability). Call after the agent's scope over the request was checked (requestOfStaff).
 */
export async function recordCounterPayment(
  deps: { db: Db; clock: Clock; keys: Keys },
  input: CounterPaymentInput,
): Promise<CounterPayment> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const request = await lockRequestForPayment(tx, input.requestId);
    const fee = await feeDueFor(tx, request);
    const orderId = newOrderId('counter', fee.consulateCode);
    const [payment] = await queryRows<PaymentRow>(
      tx,
      sql`INSERT INTO payments (order_id, request_id, consulate_id, service_id, created_by, channel, gateway,
                                amount_minor, currency, status, terminal_reference, authorization_code,
                                created_at, updated_at)
          VALUES (${orderId}, ${request.id}, ${request.consulate_id}, ${request.service_id}, ${input.agentAccountId},
                  'counter', 'counter', ${fee.amountMinor}, ${fee.currency}, 'created', ${input.terminalReference},
                  ${input.authorizationCode}, ${now}, ${now})
          RETURNING id, order_id, request_id, consulate_id, service_id, created_by, channel, gateway, amount_minor,
                    currency, status, expires_at`,
    );
    const row = { ...payment!, amount_minor: Number(payment!.amount_minor) };
    await recordPaymentEvent(tx, {
      paymentId: row.id,
      orderId,
      source: 'counter',
      outcome: 'approved',
      fields: { terminalReference: input.terminalReference, authorizationCode: input.authorizationCode },
      now,
    });
    const settled = await settleApproved(tx, { keys: deps.keys, now, actorAccountId: input.agentAccountId }, row, {
      source: 'counter',
      authorizationCode: input.authorizationCode,
      terminalReference: input.terminalReference,
    });
    // feeDueFor refused a paid request under the same lock: nothing else can have paid it.
    if (settled.kind !== 'succeeded') throw new Error(`recordCounterPayment: unexpected ${settled.kind}`);
    return { paymentId: row.id, orderId, stampNumber: settled.stampNumber };
  });
}
