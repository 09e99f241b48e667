import { z } from 'zod';
import { conflictSchema } from './admin.schemas.ts';

export const previewQuery = z.object({
  days: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be 1 to 92 days')
    .max(92, 'must be 1 to 92 days')
    .default(14)
    .describe('How many local days, from today, the slots are listed for (the conflicts cover the whole horizon)'),
});

export const hoursPreviewSchema = z
  .object({
    departmentId: z.uuid(),
    timeZone: z.string().describe('IANA zone of the consulate; every local date and time below is in it'),
    fromDate: z.string().describe('Today, local date'),
    toDate: z.string().describe('The last local date listed'),
    days: z.array(
      z.object({
        date: z.string().describe('Local date'),
        times: z.array(
          z.object({
            time: z.string().describe('Local wall-clock time, HH:mm'),
            startsAt: z.string(),
            endsAt: z.string(),
            utcOffset: z.string(),
            capacity: z.number().int().describe('Appointments per slot the proposed hours give (open counters)'),
            booked: z.number().int().describe('Appointments already in the slot, kept whatever the capacity'),
          }),
        ),
      }),
    ),
    conflicts: z
      .array(conflictSchema.extend({ isNew: z.boolean().describe('False when the slot was already a conflict') }))
      .describe('Every slot that would hold appointments the hours no longer allow, over the whole horizon'),
    resolved: z.array(conflictSchema).describe('Conflicts of today that these hours would resolve'),
  })
  .meta({ id: 'OpeningHoursPreview' });
