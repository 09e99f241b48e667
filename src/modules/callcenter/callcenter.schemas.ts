import { z } from 'zod';
import { idempotencyHeaders, uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { requestStatuses } from '../requests/index.ts';
import { appointmentSchema, slotIdSchema } from '../scheduling/index.ts';
import { searchKeys } from './citizen-search.ts';

export { idempotencyHeaders };

export const reason = text()
  .trim()
  .min(3, 'must say why, as told by the citizen')
  .max(500, 'must be at most 500 characters')
  .describe('Why, as the citizen asked: kept in the audit event');

export const citizenParams = z.object({ accountId: uuidSchema });
export const citizenAppointmentParams = z.object({ accountId: uuidSchema, appointmentId: uuidSchema });

// A POST, not a GET: what is typed may be an identity number, and request URLs are logged.
export const searchBody = z.object({
  q: text().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters'),
  limit: z.number().int().min(1).max(50).default(20),
  after: uuidSchema.optional().describe('nextCursor of the previous page'),
});

const personSummary = z.object({
  id: z.uuid(),
  relation: z.string(),
  givenNameLatin: z.string(),
  familyNameLatin: z.string(),
  givenNameArabic: z.string().nullable(),
  familyNameArabic: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export const searchAnswer = z
  .object({
    searchedBy: z.array(z.enum(searchKeys)).describe('Every reading of the text that was tried'),
    citizens: z.array(
      z.object({
        accountId: z.uuid(),
        email: z.string(),
        phone: z.string().nullable(),
        locale: z.string(),
        isEmailConfirmed: z.boolean(),
        matchedBy: z.array(z.enum(searchKeys)).describe('What this citizen matched'),
        persons: z.array(personSummary.extend({ isMatch: z.boolean() })),
      }),
    ),
    nextCursor: z.uuid().nullable(),
  })
  .meta({ id: 'CitizenSearchResult' });

const party = z.object({
  accountId: z.uuid(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.string(),
});

export const citizenPageSchema = z
  .object({
    account: z.object({
      id: z.uuid(),
      email: z.string(),
      phone: z.string().nullable(),
      locale: z.string(),
      isEmailConfirmed: z.boolean(),
      createdAt: z.string(),
    }),
    persons: z.array(
      personSummary.extend({
        birthPlace: z.string().nullable(),
        cnieNumber: z.string().nullable(),
        passportNumber: z.string().nullable(),
        consularRegistrationNumber: z.string().nullable(),
      }),
    ),
    requests: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        status: z.enum(requestStatuses),
        origin: z.string(),
        consulateId: z.uuid(),
        consulateCode: z.string(),
        serviceId: z.uuid(),
        serviceCode: z.string(),
        personId: z.uuid(),
        createdAt: z.string(),
        submittedAt: z.string().nullable(),
        decidedAt: z.string().nullable(),
        decisionReasonCode: z.string().nullable(),
      }),
    ),
    appointments: z.array(
      appointmentSchema.extend({
        bookedBy: party
          .nullable()
          .describe('Who booked it: the citizen, or a call-center agent; null when not recorded (older bookings)'),
      }),
    ),
    payments: z.array(
      z.object({
        id: z.uuid(),
        orderId: z.string(),
        requestId: z.uuid(),
        requestReference: z.string(),
        status: z.string(),
        channel: z.string(),
        amountMinor: z.number().int(),
        refundedMinor: z.number().int(),
        currency: z.string(),
        createdAt: z.string(),
        succeededAt: z.string().nullable(),
      }),
    ),
    stamps: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        requestId: z.uuid(),
        requestReference: z.string(),
        paymentId: z.uuid(),
        status: z.string(),
        amountMinor: z.number().int(),
        currency: z.string(),
        issuedAt: z.string(),
        consumedAt: z.string().nullable(),
        refundedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CitizenPage' });

export const messagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page'),
});

export const messagesAnswer = z
  .object({
    messages: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string().describe('appointment.booked, request.accepted, account.email_code, …'),
        status: z.enum(['pending', 'done', 'dead']),
        attempts: z.number().int(),
        createdAt: z.string(),
        doneAt: z.string().nullable(),
        appointmentId: z.string().nullable(),
        requestId: z.string().nullable(),
        deliveries: z.array(
          z.object({
            channel: z.enum(['email', 'sms']),
            status: z.enum(['sending', 'sent', 'failed']),
            recipient: z.string(),
            attempts: z.number().int(),
            at: z.string(),
            sentAt: z.string().nullable(),
          }),
        ),
      }),
    ),
    nextCursor: z.number().int().nullable(),
  })
  .meta({ id: 'CitizenMessages' });

export const bookBody = z
  .object({
    slotId: slotIdSchema,
    reason,
    requestId: uuidSchema.optional().describe('The citizen’s accepted request (services that need verification)'),
    consulateId: uuidSchema.optional().describe('With serviceId, for a service that needs no verification'),
    serviceId: uuidSchema.optional(),
    personId: uuidSchema.optional().describe('Without requestId: a person on the account (default: the holder)'),
  })
  .superRefine((body, context) => {
    const isFromRequest = body.requestId !== undefined;
    const isDirect = body.consulateId !== undefined || body.serviceId !== undefined || body.personId !== undefined;
    if (isFromRequest && isDirect) {
      context.addIssue({ code: 'custom', path: ['requestId'], message: 'give the request alone: it names the rest' });
    } else if (!isFromRequest && (body.consulateId === undefined || body.serviceId === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['requestId'],
        message: 'give the accepted request, or the consulate and the service',
      });
    }
  });

export const moveBody = z.object({ slotId: slotIdSchema, reason });
export const reasonBody = z.object({ reason });

export const resentAnswer = z
  .object({ appointmentId: z.uuid(), kind: z.literal('appointment.booked'), queuedAt: z.string() })
  .meta({ id: 'ConvocationResent' });
