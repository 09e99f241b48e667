import { type SQL, sql } from 'drizzle-orm';

/**
 * Gives a seat back. In a slot kept above its planned capacity to hold stranded appointments
 * (decision 0003), the freed seat is not offered again: capacity shrinks back towards the plan.
 */
export function freeSeat(slotId: number | string): SQL {
  return sql`UPDATE slots SET booked = booked - 1, capacity = GREATEST(planned_capacity, booked - 1)
             WHERE id = ${slotId}`;
}
