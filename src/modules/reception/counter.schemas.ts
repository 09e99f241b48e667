import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { notServedReasons } from '../scheduling/index.ts';

export const counterParams = z.object({ consulateId: uuidSchema, appointmentId: uuidSchema });

/** The reasons an agent may give (the day's close is the system's own). */
export const agentNotServedReasons = notServedReasons.filter(
  (reason): reason is Exclude<(typeof notServedReasons)[number], 'day_closed'> => reason !== 'day_closed',
);

export const notServedBody = z
  .strictObject({
    reason: z.enum(agentNotServedReasons).describe('Why the service could not be delivered'),
    note: text()
      .trim()
      .max(1000, 'must be at most 1,000 characters')
      .optional()
      .describe('The agent’s words to the citizen (required for "other")'),
  })
  .refine((body) => body.reason !== 'other' || Boolean(body.note), {
    path: ['note'],
    message: 'say why when the reason is "other"',
  });

/** The counter steps that take no body. */
export const counterStepBody = z.strictObject({}).nullish();
