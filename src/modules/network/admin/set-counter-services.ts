import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Db, queryRows } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { lockCounter } from './update-counter.ts';

/**
 * Sets the services a counter serves: some of those its department offers at this consulate, or
 * none listed for all of them. The insert itself takes only services of the counter's department;
 * one named outside it refuses the whole change (the transaction rolls back).
 */
export async function setCounterServices(
  deps: { db: Db; clock: Clock },
  input: { actorAccountId: string; consulateId: string; counterId: string; serviceIds: string[] },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, input.consulateId, input.counterId);
    const removed = await queryRows<{ service_id: string }>(
      tx,
      sql`DELETE FROM counter_services WHERE counter_id = ${input.counterId} RETURNING service_id::text`,
    );
    const inserted =
      input.serviceIds.length === 0
        ? []
        : await queryRows<{ service_id: string }>(
            tx,
            sql`INSERT INTO counter_services (counter_id, service_id)
                SELECT ${input.counterId}, cs.service_id FROM consulate_services cs
                WHERE cs.consulate_id = ${input.consulateId} AND cs.department_id = ${counter.department_id}
                  AND cs.service_id IN (${sql.join(
                    input.serviceIds.map((id) => sql`${id}::uuid`),
                    sql`, `,
                  )})
                RETURNING service_id::text`,
          );
    const served = new Set(inserted.map((row) => row.service_id));
    const outside = input.serviceIds.filter((id) => !served.has(id.toLowerCase()));
    if (outside.length > 0) {
      throw new AppError(
        'SERVICE_NOT_IN_DEPARTMENT',
        422,
        `Not services of this counter's department: ${outside.join(', ')}.`,
        { serviceIds: outside },
      );
    }
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'counter.services_set',
      entityType: 'counter',
      entityId: input.counterId,
      consulateId: input.consulateId,
      before: { serviceIds: removed.map((row) => row.service_id).sort() },
      after: { serviceIds: input.serviceIds.map((id) => id.toLowerCase()).sort() },
      at: deps.clock.now(),
    });
  });
}
