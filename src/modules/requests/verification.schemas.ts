import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { decisionReasonCodes } from './decision-reasons.ts';
import { documentRefusalReasonCodes } from './document-refusal-reasons.ts';
import { queueStatuses } from './queue-filters.ts';
import { checklistItemSchema, requestDetailSchema, requestSummarySchema } from './requests.schemas.ts';

export const staffQueueParams = z.object({ consulateId: uuidSchema });

/** The filters shared by the queue, its counts and "the next request". */
const filterFields = {
  serviceId: uuidSchema.optional().describe('Only this service'),
  q: text()
    .trim()
    .max(100, 'must have at most 100 characters')
    .optional()
    .describe(
      'A piece of the reference (PAR-D-7K3M, 7k3m), or words of the person’s name in Latin or Arabic script: case, accents, harakat and tatweel do not matter',
    ),
};
const statusField = z
  .enum(queueStatuses)
  .default('submitted')
  .describe('Requests in this status (submitted by default)');

export const queueQuery = z.object({
  ...filterFields,
  status: statusField,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: text()
    .regex(/^\d{13}_[0-9a-f-]{36}$/, 'must be a cursor from a previous page')
    .optional()
    .describe('The `next` cursor of the previous page'),
});

export const countsQuery = z.object(filterFields);

export const nextQuery = z.object({
  ...filterFields,
  status: statusField,
  current: uuidSchema.optional().describe('The request the page has open (never answered as the next one)'),
});

const reviewerSchema = z.object({
  accountId: z.uuid(),
  name: z.string().describe('The staff member’s name, or their e-mail address when the account has none'),
});

export const queueEntrySchema = requestSummarySchema
  .extend({
    queuedAt: z.string(),
    ageMinutes: z.number().int().describe('Minutes since it entered the queue'),
    reviewer: reviewerSchema.nullable().describe('Who has it open in the workspace now (a fresh review lock)'),
  })
  .meta({ id: 'QueueEntry' });

export const queueSchema = z.object({
  requests: z.array(queueEntrySchema),
  next: z.string().nullable().describe('Cursor for the next page, or null'),
});

export const countsSchema = z.object({
  counts: z
    .object(
      Object.fromEntries(queueStatuses.map((status) => [status, z.number().int()])) as Record<
        (typeof queueStatuses)[number],
        z.ZodNumber
      >,
    )
    .describe('Requests of each status in your scope, under the same service and search filters'),
});

export const nextSchema = z.object({
  request: queueEntrySchema.nullable().describe('The oldest request nobody else has open; null when none is left'),
});

export const reviewLockSchema = z
  .object({
    isHeldByYou: z.boolean(),
    reviewer: reviewerSchema
      .extend({
        since: z.string().describe('When they opened it'),
        lastSeenAt: z.string().describe('When their page last refreshed the lock'),
      })
      .nullable()
      .describe('Who has it open (you, or "being reviewed by …"); null when nobody does'),
    staleAfterSeconds: z.number().int().describe('A lock not refreshed for this long may be taken over'),
    refreshAfterSeconds: z.number().int().describe('How often an open page refreshes its lock'),
  })
  .meta({ id: 'ReviewLock' });

const personNames = z.object({
  givenNameLatin: z.string(),
  familyNameLatin: z.string(),
  givenNameArabic: z.string().nullable(),
  familyNameArabic: z.string().nullable(),
});

export const staffRequestSchema = requestDetailSchema
  .extend({
    version: z.number().int().describe('Name it in a decision or a document review: a change since refuses them'),
    checklist: z.array(
      checklistItemSchema.extend({
        file: z
          .object({
            contentType: z.string().describe('Shown inline: application/pdf in an <iframe>, an image in an <img>'),
            originalName: z.string(),
            sizeBytes: z.number().int(),
            uploadedAt: z.string(),
            reviewedAt: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
    identity: z.object({
      relation: z.string().describe('Whom the account holder is to this person: self, child, spouse, parent, other'),
      birthDate: z.string().nullable(),
      ageYears: z.number().int().nullable().describe('Whole years today in the consulate’s time zone'),
      ageOn: z.string().describe('Today’s date in the consulate’s time zone'),
      birthPlace: z.string().nullable(),
      cnieNumber: z.string().nullable(),
      passportNumber: z.string().nullable(),
      consularRegistrationNumber: z.string().nullable(),
    }),
    accountHolder: personNames.nullable().describe('The person who holds the account and made the request'),
    reviewLock: reviewLockSchema,
  })
  .meta({ id: 'StaffRequest' });

const noteSchema = text().trim().max(2000, 'must have at most 2000 characters');
const versionField = z
  .number()
  .int()
  .min(0)
  .describe(
    'The `version` of the request as the page showed it: a request changed since is refused (409 REQUEST_CHANGED)',
  );

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepted'), version: versionField, note: noteSchema.optional() }),
  z.object({
    decision: z.literal('more_info_requested'),
    version: versionField,
    reasonCode: z.enum(decisionReasonCodes, { error: 'must be one of the reason templates' }),
    note: noteSchema.optional(),
  }),
  z.object({
    decision: z.literal('rejected'),
    version: versionField,
    reasonCode: z.enum(decisionReasonCodes, { error: 'must be one of the reason templates' }),
    note: noteSchema.optional(),
  }),
]);

export const documentReasonListSchema = z.object({
  reasons: z.array(z.object({ code: z.enum(documentRefusalReasonCodes), label: z.string() })),
});
