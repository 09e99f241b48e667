import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Db, queryRows } from '../../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors.ts';

export const labelTaken = (label: string) =>
  new AppError('COUNTER_LABEL_TAKEN', 409, `The department already has a counter "${label}".`, { label });

/**
 * Adds a counter to a department of the consulate, active and serving every service of the
 * department. Labels are unique within a department (the database's index decides).
 */
export async function createCounter(
  deps: { db: Db; clock: Clock },
  input: { actorAccountId: string; consulateId: string; departmentId: string; label: string },
): Promise<string> {
  try {
    return await deps.db.transaction(async (tx) => {
      // One statement: the department must be this consulate's, or nothing is inserted.
      const [created] = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO counters (department_id, label)
            SELECT d.id, ${input.label} FROM departments d
            WHERE d.id = ${input.departmentId} AND d.consulate_id = ${input.consulateId}
            RETURNING id`,
      );
      if (!created) {
        throw new AppError('DEPARTMENT_NOT_FOUND', 404, `No department ${input.departmentId} in this consulate.`);
      }
      await recordAudit(tx, {
        actorAccountId: input.actorAccountId,
        action: 'counter.created',
        entityType: 'counter',
        entityId: created.id,
        consulateId: input.consulateId,
        after: { departmentId: input.departmentId, label: input.label, isActive: true },
        at: deps.clock.now(),
      });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'counters_department_label_key')) throw labelTaken(input.label);
    throw error;
  }
}
