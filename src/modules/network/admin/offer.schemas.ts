import { z } from 'zod';

export const waitingRoomSchema = z
  .object({
    consulateId: z.uuid(),
    capacity: z.number().int().nullable().describe('How many people the waiting room holds; null: not set'),
  })
  .meta({ id: 'WaitingRoom' });
export const waitingRoomBody = z.object({
  capacity: z
    .number()
    .int('must be a whole number of people')
    .min(1, 'must be 1 to 100000 people')
    .max(100_000, 'must be 1 to 100000 people')
    .nullable()
    .describe('null clears it'),
});
