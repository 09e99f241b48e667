import { z } from 'zod';
import { localDateSchema, uuidSchema } from '../../../platform/http.ts';
import { text } from '../../../platform/text-input.ts';

const wallTime = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');

export const hoursRuleSchema = z
  .object({
    weekday: z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'),
    opensAt: wallTime,
    closesAt: wallTime,
    slotMinutes: z.number().int().min(5).max(240),
    capacity: z.number().int().min(0).max(1000).describe('Appointments per slot: the open counters'),
    validFrom: localDateSchema,
    validTo: localDateSchema.nullable().default(null),
  })
  .refine((rule) => rule.opensAt < rule.closesAt, { message: 'must close after it opens', path: ['closesAt'] })
  .refine((rule) => rule.validTo === null || rule.validTo >= rule.validFrom, {
    message: 'must not end before it starts',
    path: ['validTo'],
  })
  .meta({ id: 'OpeningHoursRule' });

export const setHoursBody = z.object({ hours: z.array(hoursRuleSchema).max(100) });

export const adminConsulateParams = z.object({ consulateId: uuidSchema });
export const adminDepartmentParams = z.object({ consulateId: uuidSchema, departmentId: uuidSchema });
export const adminClosureParams = z.object({ consulateId: uuidSchema, closureId: uuidSchema });
export const adminServiceParams = z.object({ consulateId: uuidSchema, serviceId: uuidSchema });
export const adminAppointmentParams = z.object({ consulateId: uuidSchema, appointmentId: uuidSchema });

const nameSchema = z.object({
  ar: text().trim().min(1).max(200),
  fr: text().trim().min(1).max(200),
  en: text().trim().min(1).max(200),
  es: text().trim().min(1).max(200).optional(),
});

export const addClosureBody = z.object({
  date: localDateSchema,
  departmentId: uuidSchema.optional().describe('Only this department; the whole consulate when omitted'),
  name: nameSchema,
});

export const updateOfferBody = z
  .object({
    isEnabled: z.boolean().optional(),
    feeMinor: z.number().int().min(0).max(100_000_000).optional(),
    horizonDays: z.number().int().min(1).max(366).optional(),
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 60)
      .optional(),
    cancellationCutoffMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 60)
      .optional(),
    acceptsWalkIns: z
      .boolean()
      .optional()
      .describe('Whether the desk may give a ticket to someone without an appointment'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });

export const conflictSchema = z
  .object({
    slotId: z.number().int(),
    startsAt: z.string(),
    reason: z.enum(['withdrawn', 'over_capacity']),
    booked: z.number().int(),
    plannedCapacity: z.number().int(),
    appointmentIds: z.array(z.uuid()),
  })
  .meta({ id: 'SlotConflict' });

export const calendarChangeSchema = z.object({
  departmentIds: z.array(z.uuid()),
  conflicts: z.array(conflictSchema),
});

export const departmentsSchema = z.object({
  departments: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      name: z.object({ ar: z.string(), fr: z.string(), en: z.string(), es: z.string().optional() }),
      ticketPrefix: z.string().describe('The letters before its ticket numbers (P-042)'),
      hours: z.array(
        z.object({
          weekday: z.number(),
          opensAt: z.string(),
          closesAt: z.string(),
          slotMinutes: z.number(),
          capacity: z.number(),
          validFrom: z.string(),
          validTo: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const closureSchema = z.object({
  id: z.uuid(),
  scope: z.enum(['national', 'host_country', 'consulate']),
  departmentId: z.uuid().nullable(),
  date: z.string().nullable(),
  recurringMonth: z.number().nullable(),
  recurringDay: z.number().nullable(),
  name: z.object({ ar: z.string(), fr: z.string(), en: z.string(), es: z.string().optional() }),
});

export const dayQuery = z.object({
  date: localDateSchema,
  departmentId: uuidSchema.optional().describe('Only this department'),
});
export const reasonBody = z.object({ reason: text().trim().min(3, 'must say why').max(500) });
