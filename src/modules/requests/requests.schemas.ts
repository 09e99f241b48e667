import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { decisionReasonCodes } from './decision-reasons.ts';
import { documentRefusalReasonCodes } from './document-refusal-reasons.ts';
import { requestStatuses } from './request-status.ts';

export const requestParams = z.object({ requestId: uuidSchema });

export const createRequestBody = z.object({
  consulateId: uuidSchema,
  serviceId: uuidSchema,
  personId: uuidSchema.optional().describe('A person on the account (a relative); the account holder when omitted'),
});

export const checklistItemSchema = z.object({
  kind: z.string().describe('Document code; the catalogues translate it'),
  status: z.enum(['missing', 'uploaded', 'accepted', 'refused']),
  documentId: z.uuid().nullable(),
  refusalReason: z
    .string()
    .nullable()
    .describe('What the reader is told: the refusal template in their language (Accept-Language), then the note'),
  refusalReasonCode: z
    .enum(documentRefusalReasonCodes)
    .nullable()
    .describe('The refusal template (GET /api/v1/document-refusal-reasons); null for a free-text refusal'),
  refusalNote: z.string().nullable().describe('The agent’s own words, if any'),
});

export const personSummary = z.object({
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

export const reasonListSchema = z.object({
  reasons: z.array(z.object({ code: z.enum(decisionReasonCodes), label: z.string() })),
});
