import { z } from 'zod';
import { uuidSchema } from '../../../platform/http.ts';
import { text } from '../../../platform/text-input.ts';

const label = text()
  .trim()
  .min(1, 'must name the counter')
  .max(40, 'must be at most 40 characters')
  .describe('What the screen shows, e.g. "3" or "Passports A"');

export const counterParams = z.object({ consulateId: uuidSchema, counterId: uuidSchema });
export const countersQuery = z.object({ departmentId: uuidSchema.optional().describe('Only this department') });
export const createCounterBody = z.object({ departmentId: uuidSchema, label });
export const updateCounterBody = z
  .object({
    label: label.optional(),
    isActive: z.boolean().optional().describe('An inactive counter cannot be opened by an agent'),
  })
  .refine((body) => body.label !== undefined || body.isActive !== undefined, {
    message: 'must change the label or isActive',
  });
export const counterServicesBody = z.object({
  serviceIds: z
    .array(uuidSchema)
    .max(100, 'must name at most 100 services')
    .refine((ids) => new Set(ids).size === ids.length, 'must name each service once')
    .describe('Services of the counter’s department it serves; empty: all of them'),
});

export const counterSchema = z
  .object({
    id: z.uuid(),
    departmentId: z.uuid(),
    label: z.string(),
    isActive: z.boolean(),
    agentId: z.uuid().nullable().describe('The agent working at it now; null when closed'),
    openedAt: z.string().nullable(),
    serviceIds: z.array(z.uuid()).describe('The services it serves; empty: every service of its department'),
  })
  .meta({ id: 'Counter' });
export const counterListSchema = z.object({ counters: z.array(counterSchema) });
