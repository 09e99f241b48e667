import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { locales } from '../../platform/i18n/i18n.ts';
import { text } from '../../platform/text-input.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { paymentStatuses, stampStatuses } from './payment-status.ts';

export const stampNumberParams = z.object({
  number: text().max(40).describe('16 digits, spaces or dashes allowed: 4821 0937 5512 6604'),
});
export const paymentParams = z.object({ paymentId: uuidSchema });

const minorSchema = z.number().int().describe('Integer minor units of the currency (cents)');

export const consumeBody = z
  .object({
    serviceId: uuidSchema.optional().describe('The service being delivered; the stamp must pay for it'),
  })
  .nullish();

export const consumedStampSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.literal('consumed'),
  consumedAt: z.string(),
  serviceId: z.uuid(),
  requestId: z.uuid(),
  requestStatus: z.string().describe('completed once the stamp of an accepted request is consumed'),
  revenueMinor: minorSchema.describe('What became fee revenue: the amount less any partial refund'),
  currency: z.string(),
});

const reasonSchema = text()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(500, 'must have at most 500 characters');

export const refundBody = z.object({
  amountMinor: z.number().int().positive().max(1e12).describe('The amount to refund, in minor units'),
  expectedRefundableMinor: z
    .number()
    .int()
    .min(0)
    .max(1e12)
    .describe('What you believe is still refundable (amount paid less earlier refunds); refused if it changed'),
  reason: reasonSchema,
});

export const citizenRefundBody = z
  .object({ reason: reasonSchema.optional().describe('Why, in your words (optional)') })
  .nullish();

export const refundSchema = z.object({
  refundId: z.uuid(),
  paymentId: z.uuid(),
  amountMinor: minorSchema,
  currency: z.string(),
  reason: z.string(),
  paymentStatus: z.enum(paymentStatuses),
  refundedMinor: minorSchema,
  refundableMinor: minorSchema,
  stampNumber: z.string().nullable(),
  stampStatus: z.enum(stampStatuses).nullable(),
  gatewayReference: z
    .string()
    .nullable()
    .describe('The gateway credit reference: null until the gateway side sends the credit'),
  createdAt: z.string(),
});

const namedSchema = z.object({ code: z.string(), name: localizedTextSchema });

export const publicStampSchema = z
  .object({
    number: z.string(),
    status: z.enum(stampStatuses),
    service: namedSchema,
    amountMinor: minorSchema,
    currency: z.string(),
    consulate: namedSchema,
    issuedAt: z.string(),
    signature: z.string().describe('Ed25519 over the canonical JSON of `payload`, base64url'),
    payload: z.object({
      v: z.literal(1),
      number: z.string(),
      consulate: z.string(),
      service: z.string(),
      amountMinor: minorSchema,
      currency: z.string(),
      issuedAt: z.string(),
    }),
  })
  .meta({ id: 'PublicStamp' });

export const verifyQrBody = z.object({
  qr: text().min(1).max(2000).describe('The text of the stamp’s QR code: base64url(payload) "." signature'),
});

export const receiptQuery = z.object({ lang: z.enum(locales).optional() });

export const stampKeySchema = z.object({
  algorithm: z.literal('Ed25519'),
  publicKeyPem: z.string(),
  payloadFormat: z.string(),
});
