import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { notServedReasons } from '../scheduling/index.ts';
import { counterTicketSchema, ticketSchema } from './ticket.schemas.ts';

export const floorParams = z.object({ consulateId: uuidSchema });
export const counterParams = z.object({ consulateId: uuidSchema, counterId: uuidSchema });

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

export const transferBody = z.strictObject({
  departmentId: uuidSchema.describe('Another department of the consulate'),
  serviceId: uuidSchema.optional().describe('A service of that department; the person’s own when omitted'),
});

export const counterSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    isActive: z.boolean(),
    department: z.object({ id: z.uuid(), name: localizedTextSchema, ticketPrefix: z.string() }),
    serviceIds: z.array(z.uuid()).describe('The services it calls; empty: all of its department’s'),
    agent: z.object({ id: z.uuid(), email: z.string() }).nullable().describe('Who is at it now'),
    openedAt: z.string().nullable(),
    calledTicket: z
      .object({ id: z.uuid(), code: z.string(), callCount: z.number().int(), calledAt: z.string() })
      .nullable()
      .describe('The ticket called there now'),
  })
  .meta({ id: 'Counter' });

export const countersSchema = z.object({ counters: z.array(counterSchema) });

export const currentTicketSchema = z.object({ ticket: counterTicketSchema.nullable() });

export const transferAnswer = z.object({
  transferred: ticketSchema.describe('The ticket that ended (status transferred)'),
  issued: ticketSchema.describe('The new ticket in the other department'),
});
