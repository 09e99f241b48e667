import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { locales } from '../../platform/i18n/i18n.ts';
import { text } from '../../platform/text-input.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { appointmentSchema } from '../scheduling/index.ts';
import { arrivalFactsShape, prioritySchema, ticketSchema } from './ticket.schemas.ts';

export const convocationParams = z.object({ appointmentId: uuidSchema });

export const convocationQuery = z.object({
  lang: z.enum(locales).optional().describe('The convocation’s language; the account’s language when omitted'),
});

export const publicKeySchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKeyPem: z.string().describe('SubjectPublicKeyInfo, PEM'),
    tokenFormat: z.string(),
  })
  .meta({ id: 'ConvocationPublicKey' });

export const checkInParams = z.object({ consulateId: uuidSchema });

const token = text().min(1).max(2048).describe('The convocation’s QR code content');
const reference = text()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,32}$/, 'must be an appointment reference such as PAR-7K3M-Q9XD');

// One object rather than a union of two: a fault in `priority` is then named at its own path.
export const checkInBody = z
  .strictObject({
    token: token.optional(),
    reference: reference.optional(),
    priority: prioritySchema.optional(),
  })
  .refine((body) => (body.token === undefined) !== (body.reference === undefined), {
    message: 'give either the token or the reference',
  })
  .describe('Either the scanned QR token or the appointment reference, and a priority if the person has one');

export const checkInAnswer = appointmentSchema
  .extend({ ticket: ticketSchema.describe('The ticket the person was given, in the appointment’s department') })
  .meta({ id: 'CheckIn' });

export const lookUpBody = z
  .union([z.strictObject({ token }), z.strictObject({ reference })])
  .describe('Either the scanned QR token or the appointment reference');

export const arrivalSchema = z
  .object({
    appointment: appointmentSchema,
    ...arrivalFactsShape,
    isToday: z.boolean().describe('Check-in is only on the appointment’s day, in the consulate’s zone'),
    canCheckIn: z.boolean(),
    ticket: ticketSchema.nullable().describe('The ticket already given, once checked in'),
  })
  .meta({ id: 'Arrival' });

export const walkInBody = z.strictObject({
  serviceId: uuidSchema,
  name: text().trim().max(200, 'must be at most 200 characters').optional().describe('As the person gave it'),
  priority: prioritySchema.optional(),
});

export const occupancySchema = z
  .object({
    capacity: z.number().int().nullable().describe('The waiting room’s capacity, set by the admin (null: not set)'),
    inside: z.number().int().describe('Tickets of today waiting or called, in the whole consulate'),
    isFull: z.boolean(),
    departments: z.array(
      z.object({
        id: z.uuid(),
        name: localizedTextSchema,
        ticketPrefix: z.string(),
        waiting: z.number().int(),
        called: z.number().int(),
        inside: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Occupancy' });
