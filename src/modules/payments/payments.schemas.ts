import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { paymentStatuses, stampStatuses } from './payment-status.ts';

export const requestPaymentParams = z.object({ requestId: uuidSchema });
export const paymentParams = z.object({ paymentId: uuidSchema });
export const callbackParams = z.object({ gateway: z.enum(['cmi', 'sandbox']) });
export const returnParams = z.object({ result: z.enum(['ok', 'fail']) });

/** A gateway's form or callback: flat text fields (application/x-www-form-urlencoded). */
export const gatewayFieldsSchema = z.record(text(), text());

/** The same fields in a query string (a browser sent back by GET), the protocol's main ones named. */
export const gatewayQuerySchema = z
  .object({
    oid: text().optional().describe('The order id'),
    HASH: text().optional().describe('The gateway’s signature over every other field'),
  })
  .catchall(text());

const money = {
  amountMinor: z.number().int().describe('Integer minor units of `currency` (15000 EUR is 150.00 €)'),
  currency: z.string().describe('ISO 4217 alpha code'),
};

export const paymentSchema = z
  .object({
    id: z.uuid(),
    orderId: z.string().describe('Sent to the gateway as `oid`: ET-<consulate>-<random>, CT-… at the counter'),
    requestId: z.uuid(),
    channel: z.enum(['online', 'counter']),
    gateway: z.enum(['cmi', 'sandbox', 'counter']),
    ...money,
    status: z.enum(paymentStatuses),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    succeededAt: z.string().nullable(),
    stampNumber: z.string().nullable().describe('The stamp this payment became, once succeeded'),
  })
  .meta({ id: 'Payment' });

export const createdPaymentSchema = z
  .object({
    paymentId: z.uuid(),
    orderId: z.string(),
    ...money,
    status: z.enum(paymentStatuses),
    expiresAt: z.string(),
    form: z
      .object({
        action: z.string().describe('The gateway’s hosted page'),
        method: z.literal('POST'),
        fields: z.record(z.string(), z.string()).describe('Post them all, unchanged: HASH signs them'),
      })
      .describe('The browser posts this form to the gateway; the card number is typed there, never here'),
  })
  .meta({ id: 'CreatedPayment' });

export const requestPaymentsSchema = z.object({
  payments: z.array(paymentSchema),
  stamp: z
    .object({ number: z.string(), status: z.enum(stampStatuses) })
    .nullable()
    .describe('The request’s stamp, once its fee is paid'),
});

export const counterPaymentBody = z.object({
  terminalReference: text()
    .trim()
    .regex(/^[\x21-\x7e]{1,64}$/, 'must be 1 to 64 visible characters')
    .describe('The card terminal’s reference of the transaction'),
  authorizationCode: text()
    .trim()
    .regex(/^[A-Za-z0-9]{1,12}$/, 'must be 1 to 12 letters or digits')
    .describe('The issuer’s authorization code printed on the terminal receipt'),
});
