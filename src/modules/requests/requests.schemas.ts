import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { decisionReasonCodes } from './decision-reasons.ts';
import { requestStatuses } from './request-status.ts';

export const requestParams = z.object({ requestId: uuidSchema });
export const staffQueueParams = z.object({ consulateId: uuidSchema });

export const createRequestBody = z.object({
  consulateId: uuidSchema,
  serviceId: uuidSchema,
  personId: uuidSchema.optional().describe('A person on the account (a relative); the account holder when omitted'),
});

const noteSchema = text().trim().max(2000, 'must have at most 2000 characters');

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepted'), note: noteSchema.optional() }),
  z.object({
    decision: z.literal('more_info_requested'),
    reasonCode: z.enum(decisionReasonCodes, { error: 'must be one of the reason templates' }),
    note: noteSchema.optional(),
  }),
  z.object({
    decision: z.literal('rejected'),
    reasonCode: z.enum(decisionReasonCodes, { error: 'must be one of the reason templates' }),
    note: noteSchema.optional(),
  }),
]);

export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: text()
    .regex(/^\d{13}_[0-9a-f-]{36}$/, 'must be a cursor from a previous page')
    .optional()
    .describe('The `next` cursor of the previous page'),
});

export const checklistItemSchema = z.object({
  kind: z.string().describe('Document code; the catalogues translate it'),
  status: z.enum(['missing', 'uploaded', 'accepted', 'refused']),
  documentId: z.uuid().nullable(),
  refusalReason: z.string().nullable(),
});

const personSummary = z.object({
  id: z.uuid(),
  givenNameLatin: z.string(),
  familyNameLatin: z.string(),
  givenNameArabic: z.string().nullable(),
  familyNameArabic: z.string().nullable(),
});

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(requestStatuses),
    consulate: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
    service: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema, requiresVerification: z.boolean() }),
    departmentId: z.uuid(),
    person: personSummary,
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decision: z.object({ reasonCode: z.string().nullable(), note: z.string().nullable() }).nullable(),
    appointmentId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RequestSummary' });

export const feeStepSchema = z
  .object({
    amountMinor: z.number().int().describe('Integer minor units of the currency'),
    currency: z.string(),
    status: z
      .enum(['free', 'after_acceptance', 'to_pay', 'paid'])
      .describe('The fee is a step of its own: paid by e-Timbre once the request is accepted, never uploaded'),
    stampNumber: z.string().nullable(),
  })
  .meta({ id: 'FeeStep' });

export const requestDetailSchema = requestSummarySchema
  .extend({ checklist: z.array(checklistItemSchema), fee: feeStepSchema })
  .meta({ id: 'Request' });

export const requestListSchema = z.object({ requests: z.array(requestSummarySchema) });

export const queueSchema = z.object({
  requests: z.array(
    requestSummarySchema.extend({
      queuedAt: z.string(),
      ageMinutes: z.number().int().describe('Minutes since it entered the queue'),
    }),
  ),
  next: z.string().nullable().describe('Cursor for the next page, or null'),
});

export const staffRequestSchema = requestDetailSchema.extend({
  identity: z.object({
    birthDate: z.string().nullable(),
    birthPlace: z.string().nullable(),
    cnieNumber: z.string().nullable(),
    passportNumber: z.string().nullable(),
    consularRegistrationNumber: z.string().nullable(),
  }),
});

export const reasonListSchema = z.object({
  reasons: z.array(z.object({ code: z.enum(decisionReasonCodes), label: z.string() })),
});
