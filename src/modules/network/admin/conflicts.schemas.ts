import { z } from 'zod';
import { uuidSchema } from '../../../platform/http.ts';
import { problemSchema } from '../../../platform/problem.ts';
import { appointmentSchema, slotIdSchema } from '../../scheduling/index.ts';
import { reasonBody } from './admin.schemas.ts';

const MAX_ITEMS = 200;
const isEachOnce = (ids: string[]) => new Set(ids).size === ids.length;

export const cancelAppointmentsBody = reasonBody.extend({
  appointmentIds: z
    .array(uuidSchema)
    .min(1, 'must name at least one appointment')
    .max(MAX_ITEMS, `must name at most ${MAX_ITEMS} appointments`)
    .refine(isEachOnce, 'must name each appointment once'),
});

export const moveAppointmentsBody = reasonBody.extend({
  moves: z
    .array(z.object({ appointmentId: uuidSchema, slotId: slotIdSchema }))
    .min(1, 'must name at least one move')
    .max(MAX_ITEMS, `must name at most ${MAX_ITEMS} moves`)
    .refine((moves) => isEachOnce(moves.map((m) => m.appointmentId)), 'must move each appointment once'),
});

export const batchResultSchema = z
  .object({
    done: z.number().int(),
    refused: z.number().int(),
    results: z.array(
      z.object({
        appointmentId: z.uuid(),
        isDone: z.boolean(),
        appointment: appointmentSchema.nullable().describe('The appointment as it now is, when done'),
        problem: problemSchema.nullable().describe('Why this item was refused (it changed nothing)'),
      }),
    ),
  })
  .meta({ id: 'AppointmentBatchResult' });
