import { z } from 'zod';
import { localDateSchema, uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { appointmentStatuses, notServedReasons } from './appointment-status.ts';

export const slotIdSchema = z.coerce
  .number({ error: 'must be a slot id' })
  .int('must be a slot id')
  .positive('must be a slot id')
  .max(Number.MAX_SAFE_INTEGER);

export const availabilityParams = z.object({ consulateId: uuidSchema, serviceId: uuidSchema });
export const availabilityQuery = z.object({ from: localDateSchema, to: localDateSchema });

export const availabilitySchema = z
  .object({
    consulateId: z.uuid(),
    serviceId: z.uuid(),
    timeZone: z.string().describe('IANA zone of the consulate; every time below is local to it'),
    from: z.string(),
    to: z.string(),
    days: z.array(
      z.object({
        date: z.string().describe('Local date at the consulate'),
        times: z.array(
          z.object({
            slotId: z.number().int(),
            time: z.string().describe('Local wall-clock time, HH:mm'),
            startsAt: z.string().describe('The same instant in UTC'),
            utcOffset: z.string().describe('Offset of the local time from UTC that day, e.g. +01:00'),
            free: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Availability' });

export const bookAppointmentBody = z.object({
  consulateId: uuidSchema,
  serviceId: uuidSchema,
  slotId: slotIdSchema,
  personId: uuidSchema.optional().describe('A person on the account; the request’s person, else the account holder'),
  requestId: uuidSchema
    .optional()
    .describe('The accepted request this appointment serves; required when the service needs verification'),
});

export const moveAppointmentBody = z.object({ slotId: slotIdSchema });

/** Cancelling needs no body; when one is sent it may only give the citizen's reason. */
export const cancelAppointmentBody = z
  .strictObject({
    reason: text().trim().max(500, 'must be at most 500 characters').optional().describe('Why, in the citizen’s words'),
  })
  // Fastify gives a request without a body as null.
  .nullish();
export const appointmentParams = z.object({ appointmentId: uuidSchema });

export const appointmentSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(appointmentStatuses),
    consulateId: z.uuid(),
    departmentId: z.uuid(),
    serviceId: z.uuid(),
    personId: z.uuid(),
    requestId: z.uuid().nullable(),
    slotId: z.number().int(),
    startsAt: z.string(),
    timeZone: z.string(),
    localDate: z.string(),
    localTime: z.string(),
    utcOffset: z.string(),
    endsAt: z.string().describe('When the service should end: the start plus the service’s duration (UTC)'),
    notServedReason: z
      .enum(notServedReasons)
      .nullable()
      .describe('Why a person seen at the counter was not served (status not_served)'),
    bookedByCallCenterAt: z
      .string()
      .nullable()
      .describe('When the call center booked it on the citizen’s behalf (UTC); null when the citizen booked it'),
    createdAt: z.string(),
  })
  .meta({ id: 'Appointment' });

export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });
