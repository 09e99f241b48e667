import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, preparedRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { servesDepartment } from './reception.policy.ts';

export interface LockedCounter {
  id: string;
  label: string;
  department_id: string;
  is_active: boolean;
  agent_id: string | null;
  // The consulate's local date now: the day whose tickets the counter calls.
  local_date: string;
}

/**
 * Locks a counter of the consulate for the caller's transaction: its steps (open, close, call)
 * then run one at a time, and each statement after the lock sees what the previous holder
 * committed. Outside the caller's departments or consulate it does not exist (404).
 */
export async function lockCounter(
  tx: Db,
  input: { principal: Principal; consulateId: string; counterId: string; now: Date },
): Promise<LockedCounter> {
  const [counter] = await preparedRows<LockedCounter>(
    tx,
    'lock_counter',
    sql`SELECT k.id, k.label, k.department_id, k.is_active, k.agent_id,
               (${input.now}::timestamptz AT TIME ZONE c.time_zone)::date AS local_date
        FROM counters k JOIN departments d ON d.id = k.department_id JOIN consulates c ON c.id = d.consulate_id
        WHERE k.id = ${input.counterId} AND d.consulate_id = ${input.consulateId}
        FOR NO KEY UPDATE OF k`,
  );
  if (!counter || !servesDepartment(input.principal, counter.department_id)) {
    throw new AppError('COUNTER_NOT_FOUND', 404, 'No such counter at this consulate in your departments.');
  }
  return counter;
}
