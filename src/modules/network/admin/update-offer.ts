import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { materializeSlots, type SlotConflict } from '../../scheduling/index.ts';
import { consulateServices } from '../network.tables.ts';

export interface OfferChange {
  isEnabled?: boolean;
  feeMinor?: number;
  horizonDays?: number;
  minNoticeMinutes?: number;
  cancellationCutoffMinutes?: number;
  acceptsWalkIns?: boolean;
}

/** Changes a consulate's offer of a service; a longer horizon extends the calendar at once. */
export async function updateOffer(
  deps: { db: Db; clock: Clock },
  input: { actorAccountId: string; consulateId: string; serviceId: string; change: OfferChange },
): Promise<{ departmentId: string; conflicts: SlotConflict[] }> {
  return deps.db.transaction(async (tx) => {
    const where = and(
      eq(consulateServices.consulateId, input.consulateId),
      eq(consulateServices.serviceId, input.serviceId),
    );
    const [before] = await tx.select().from(consulateServices).where(where).for('update');
    if (!before) throw new AppError('SERVICE_NOT_OFFERED', 404, 'This consulate has no such service.');
    const [after] = await tx
      .update(consulateServices)
      .set({ ...input.change, ...(input.change.feeMinor !== undefined ? { isDemoFee: false } : {}) })
      .where(where)
      .returning();
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'offer.updated',
      entityType: 'consulate_service',
      entityId: `${input.consulateId}:${input.serviceId}`,
      consulateId: input.consulateId,
      before,
      after,
      at: deps.clock.now(),
    });
    const { conflicts } = await materializeSlots({ db: tx, clock: deps.clock }, before.departmentId);
    return { departmentId: before.departmentId, conflicts };
  });
}
