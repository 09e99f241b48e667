import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { consulates } from '../network.tables.ts';

/** How many people the waiting room holds; null when not set. */
export async function getWaitingRoomCapacity(db: Db, consulateId: string): Promise<number | null> {
  const [row] = await db
    .select({ capacity: consulates.waitingRoomCapacity })
    .from(consulates)
    .where(eq(consulates.id, consulateId));
  if (!row) throw notFound('Consulate', 'CONSULATE_NOT_FOUND');
  return row.capacity;
}

/**
 * Sets the waiting room's capacity (null: not set), audited with the value it replaced. The
 * database keeps it between 1 and 100,000.
 */
export async function setWaitingRoomCapacity(
  deps: { db: Db; clock: Clock },
  input: { actorAccountId: string; consulateId: string; capacity: number | null },
): Promise<number | null> {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ capacity: consulates.waitingRoomCapacity })
      .from(consulates)
      .where(eq(consulates.id, input.consulateId))
      .for('update');
    if (!before) throw notFound('Consulate', 'CONSULATE_NOT_FOUND');
    await tx
      .update(consulates)
      .set({ waitingRoomCapacity: input.capacity })
      .where(eq(consulates.id, input.consulateId));
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'consulate.waiting_room_capacity_set',
      entityType: 'consulate',
      entityId: input.consulateId,
      consulateId: input.consulateId,
      before: { waitingRoomCapacity: before.capacity },
      after: { waitingRoomCapacity: input.capacity },
      at: deps.clock.now(),
    });
    return input.capacity;
  });
}
