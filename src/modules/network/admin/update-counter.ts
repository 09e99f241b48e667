import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Db, queryRows } from '../../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors.ts';
import { labelTaken } from './create-counter.ts';

type CounterState = { label: string; is_active: boolean; agent_id: string | null };

/** Locks a counter of the consulate for the rest of the transaction; 404 for any other. */
export async function lockCounter(
  tx: Db,
  consulateId: string,
  counterId: string,
): Promise<CounterState & { department_id: string }> {
  const [row] = await queryRows<CounterState & { department_id: string }>(
    tx,
    sql`SELECT c.label, c.is_active, c.agent_id, c.department_id FROM counters c
        JOIN departments d ON d.id = c.department_id
        WHERE c.id = ${counterId} AND d.consulate_id = ${consulateId}
        FOR UPDATE OF c`,
  );
  if (!row) throw new AppError('COUNTER_NOT_FOUND', 404, `No counter ${counterId} in this consulate.`);
  return row;
}

/**
 * Renames a counter, or takes it out of (or back into) service. A counter an agent has open is
 * not taken out of service under them: they close it first (the statement refuses it, so an agent
 * opening it at the same moment either comes first and is seen, or finds it inactive).
 */
export async function updateCounter(
  deps: { db: Db; clock: Clock },
  input: { actorAccountId: string; consulateId: string; counterId: string; label?: string; isActive?: boolean },
): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      const before = await lockCounter(tx, input.consulateId, input.counterId);
      const [after] = await queryRows<CounterState>(
        tx,
        sql`UPDATE counters SET label = ${input.label ?? before.label},
                                is_active = ${input.isActive ?? before.is_active}
            WHERE id = ${input.counterId}
              AND (${input.isActive !== false} OR agent_id IS NULL)
            RETURNING label, is_active, agent_id`,
      );
      if (!after) {
        throw new AppError('COUNTER_IN_USE', 409, 'An agent has this counter open: it must be closed first.');
      }
      await recordAudit(tx, {
        actorAccountId: input.actorAccountId,
        action: 'counter.updated',
        entityType: 'counter',
        entityId: input.counterId,
        consulateId: input.consulateId,
        before: { label: before.label, isActive: before.is_active },
        after: { label: after.label, isActive: after.is_active },
        at: deps.clock.now(),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'counters_department_label_key')) throw labelTaken(input.label ?? '');
    throw error;
  }
}
