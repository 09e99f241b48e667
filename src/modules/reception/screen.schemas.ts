import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';

export const screenTokensParams = z.object({ consulateId: uuidSchema });
export const screenTokenParams = z.object({ consulateId: uuidSchema, screenTokenId: uuidSchema });

export const createScreenTokenBody = z.strictObject({
  label: text()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .describe('“Hall A screen”'),
  departmentIds: z
    .array(uuidSchema)
    .max(50)
    .optional()
    .describe('The departments it shows; all of the consulate’s when omitted or empty'),
});

export const screenTokenSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    departmentIds: z.array(z.uuid()).nullable().describe('null: every department'),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ScreenToken' });

export const createdScreenTokenSchema = screenTokenSchema
  .extend({
    token: z.string().describe('Shown once: the screen opens /api/v1/screens/{token}; only its SHA-256 is kept'),
  })
  .meta({ id: 'CreatedScreenToken' });

export const screenTokenListSchema = z.object({ screenTokens: z.array(screenTokenSchema) });

export const screenParams = z.object({
  token: text().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a screen token'),
});

export const screenQuery = z.object({
  last: z.coerce.number().int().min(1).max(50).default(10).describe('How many calls per department'),
});

export const screenCallSchema = z.object({
  ticketId: z.uuid(),
  code: z.string(),
  counterId: z.uuid(),
  counterLabel: z.string(),
  callCount: z.number().int(),
  calledAt: z.string(),
});

export const screenStateSchema = z
  .object({
    screen: z.object({ id: z.uuid(), label: z.string() }),
    consulate: z.object({ code: z.string(), name: localizedTextSchema, timeZone: z.string() }),
    localDate: z.string().nullable().describe('The consulate’s day the calls are of'),
    departments: z.array(
      z.object({
        id: z.uuid(),
        name: localizedTextSchema,
        ticketPrefix: z.string(),
        calls: z.array(screenCallSchema).describe('The last calls of the day, newest first'),
      }),
    ),
  })
  .meta({ id: 'ScreenState' });
