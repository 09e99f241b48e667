import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requestOfCitizen } from '../requests/index.ts';
import type { GatewayForm, GatewayLocale, PaymentGateway } from './gateways/gateway.ts';
import { newOrderId } from './order-id.ts';
import { feeDueFor } from './payment-fee.ts';
import type { PaymentStatus } from './payment-status.ts';
import { type PaymentRow, transitionPayment } from './settle-payment.ts';

export interface CreatePaymentDeps {
  db: Db;
  clock: Clock;
  gateway: PaymentGateway;
  publicUrl: string;
  expiryMinutes: number;
}

export interface CreatedPayment {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  expiresAt: string;
  form: GatewayForm;
}

/** Where the gateway sends the browser back and calls Mawid. */
export function gatewayUrls(publicUrl: string, gatewayName: string, requestId: string) {
  return {
    okUrl: `${publicUrl}/api/v1/payments/return/ok`,
    failUrl: `${publicUrl}/api/v1/payments/return/fail`,
    callbackUrl: `${publicUrl}/api/v1/payments/callback/${gatewayName}`,
    shopUrl: `${publicUrl}/requests/${requestId}/payment?result=cancelled`,
  };
}

/**
 * Opens an online payment of a request's fee for its citizen: the amount and currency are the
 * consulate's fee at this moment; the answer is the signed form the browser posts to the gateway's
 * hosted page. The payment is pending from then on, until the gateway's callback, a status query
 * or the expiry settles it.
 */
export async function createPayment(
  deps: CreatePaymentDeps,
  input: { accountId: string; requestId: string; locale: GatewayLocale },
): Promise<CreatedPayment> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const request = await requestOfCitizen(tx, input.requestId, input.accountId, { lock: true });
    // A confirmed e-mail only ever stays confirmed: reading it first cannot race.
    const [account] = await queryRows<{ email: string; is_confirmed: boolean }>(
      tx,
      sql`SELECT email, email_verified_at IS NOT NULL AS is_confirmed FROM accounts WHERE id = ${input.accountId}`,
    );
    if (!account?.is_confirmed) {
      throw new AppError('EMAIL_NOT_CONFIRMED', 403, 'Confirm your e-mail address with the code we sent first.');
    }
    const fee = await feeDueFor(tx, request);
    if (!deps.gateway.supportsCurrency(fee.currency)) {
      throw new AppError('CURRENCY_NOT_SUPPORTED', 422, `The card gateway does not take ${fee.currency}.`, {
        currency: fee.currency,
      });
    }
    const orderId = newOrderId('online', fee.consulateCode);
    const expiresAt = new Date(now.getTime() + deps.expiryMinutes * 60_000);
    const [payment] = await queryRows<PaymentRow>(
      tx,
      sql`INSERT INTO payments (order_id, request_id, consulate_id, service_id, created_by, channel, gateway,
                                amount_minor, currency, status, expires_at, created_at, updated_at)
          VALUES (${orderId}, ${request.id}, ${request.consulate_id}, ${request.service_id}, ${input.accountId}, 'online',
                  ${deps.gateway.name}, ${fee.amountMinor}, ${fee.currency}, 'created', ${expiresAt}, ${now}, ${now})
          RETURNING id, order_id, request_id, consulate_id, service_id, created_by, channel, gateway, amount_minor,
                    currency, status, expires_at`,
    );
    const form = deps.gateway.buildPaymentForm(
      { orderId, amountMinor: fee.amountMinor, currency: fee.currency, email: account.email },
      gatewayUrls(deps.publicUrl, deps.gateway.name, request.id),
      input.locale,
    );
    // The form is handed out: the citizen is on their way to the gateway.
    await transitionPayment(tx, payment!, 'pending', now);
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'payment.created',
      entityType: 'payment',
      entityId: payment!.id,
      consulateId: request.consulate_id,
      after: {
        status: 'pending',
        orderId,
        requestId: request.id,
        amountMinor: fee.amountMinor,
        currency: fee.currency,
      },
      at: now,
    });
    return {
      paymentId: payment!.id,
      orderId,
      amountMinor: fee.amountMinor,
      currency: fee.currency,
      status: 'pending' as const,
      expiresAt: expiresAt.toISOString(),
      form,
    };
  });
}
