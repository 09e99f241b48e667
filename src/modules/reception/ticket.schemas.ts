import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { priorityReasons, ticketStatuses } from './ticket-status.ts';

export const prioritySchema = z
  .enum(priorityReasons)
  .describe('Called before others: elderly, disabled, pregnant (given at the desk)');

export const ticketSchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('What the screen shows: the department’s prefix and the number, P-042'),
    number: z.number().int(),
    localDate: z.string().describe('The consulate’s local day it was issued on (numbers restart each day)'),
    consulateId: z.uuid(),
    departmentId: z.uuid(),
    serviceId: z.uuid(),
    appointmentId: z.uuid().nullable(),
    isWalkIn: z.boolean(),
    walkInName: z.string().nullable(),
    priority: z.enum(priorityReasons).nullable(),
    status: z.enum(ticketStatuses),
    queuedAt: z.string().describe('Orders the calls: the appointment’s time, or a walk-in’s arrival'),
    issuedAt: z.string(),
    counterId: z.uuid().nullable().describe('The counter it is (or was last) called to'),
    callCount: z.number().int(),
    calledAt: z.string().nullable(),
    transferredFrom: z.uuid().nullable().describe('The ticket of another department it replaces'),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'Ticket' });

/** Who, for what, and whether the fee is paid: what the desk and the counter show. */
export const arrivalFactsShape = {
  person: z
    .object({
      givenNameLatin: z.string(),
      familyNameLatin: z.string(),
      givenNameArabic: z.string().nullable(),
      familyNameArabic: z.string().nullable(),
    })
    .nullable()
    .describe('Null for a walk-in (see walkInName)'),
  service: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
  department: z.object({ id: z.uuid(), name: localizedTextSchema, ticketPrefix: z.string() }),
  requiredDocuments: z.array(z.string()).describe('Document codes to check (the catalogues name them)'),
  fee: z.object({
    amountMinor: z.number().int(),
    currency: z.string(),
    isDue: z.boolean().describe('False for a free service'),
  }),
  request: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  stamp: z
    .object({
      state: z.enum(['none', 'valid', 'consumed', 'refunded']),
      number: z.string().nullable(),
    })
    .describe('The request’s e-Timbre: valid = paid, to consume at the counter; consumed = settled'),
};

export const counterTicketSchema = ticketSchema
  .extend({
    counterLabel: z.string().nullable(),
    appointment: z
      .object({ id: z.uuid(), reference: z.string(), startsAt: z.string(), localTime: z.string() })
      .nullable(),
    ...arrivalFactsShape,
  })
  .meta({ id: 'CounterTicket' });

export const ticketParams = z.object({ consulateId: uuidSchema, ticketId: uuidSchema });
