import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';

const partySchema = z
  .object({ accountId: z.uuid(), email: z.string(), displayName: z.string().nullable(), role: z.string() })
  .meta({ id: 'AuditParty' });

export const auditTrailSchema = z
  .object({
    entityType: z.enum(['request', 'appointment', 'payment', 'stamp']),
    entityId: z.uuid(),
    events: z.array(
      z.object({
        id: z.number().int(),
        at: z.string().describe('UTC'),
        action: z.string().describe('e.g. appointment.booked, request.accepted, stamp.consumed'),
        entityType: z
          .string()
          .describe('The record, or what belongs to it: a request’s document, an appointment’s ticket'),
        entityId: z.string(),
        actor: partySchema.nullable().describe('Who acted; null for the system (jobs, gateway callbacks)'),
        onBehalfOf: partySchema.nullable().describe('For whom, when someone acted for another (the call center)'),
        reason: z.string().nullable(),
        changes: z
          .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
          .describe('before → after, field by field ("" for a value that is not an object)'),
        before: z.unknown(),
        after: z.unknown(),
      }),
    ),
    isTruncated: z.boolean().describe('More than 1,000 events: the oldest 1,000 are given'),
  })
  .meta({ id: 'AuditTrail' });

export const requestHistoryParams = z.object({ requestId: uuidSchema });
export const appointmentHistoryParams = z.object({ appointmentId: uuidSchema });
export const paymentHistoryParams = z.object({ paymentId: uuidSchema });
export const stampHistoryParams = z.object({
  number: text()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[0-9]{16}$/, 'must be a stamp number: 16 digits')),
});

const brokenLinkSchema = z.object({ kind: z.enum(['event', 'seal']), id: z.number().int(), problem: z.string() });

export const chainStateQuery = z.object({
  seals: z.coerce
    .number({ error: 'must be a number of seals' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(10)
    .describe('How many of the newest seals to verify (events not sealed yet are always rehashed)'),
});

export const chainStateSchema = z
  .object({
    lastSeal: z
      .object({
        id: z.number().int(),
        fromEventId: z.number().int(),
        toEventId: z.number().int(),
        sealedAt: z.string(),
        chainHash: z.string(),
      })
      .nullable(),
    seals: z.number().int(),
    sealedThroughEventId: z.number().int().describe('Every event up to this id is sealed'),
    unsealedEvents: z.number().int().describe('Events after the last seal (the sealer folds them once a minute old)'),
    oldestUnsealedAt: z.string().nullable(),
    verification: z.object({
      lastSeals: z.number().int(),
      isIntact: z.boolean(),
      fromSealId: z.number().int().nullable(),
      toSealId: z.number().int().nullable(),
      checkedSeals: z.number().int(),
      checkedEvents: z.number().int(),
      unsealedEvents: z.number().int(),
      firstBrokenLink: brokenLinkSchema.nullable(),
      brokenLinks: z.array(brokenLinkSchema),
    }),
    checkedAt: z.string(),
  })
  .meta({ id: 'AuditChainState' });
