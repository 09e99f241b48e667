import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { lockCounter } from './lock-counter.ts';
import { leaveCounter } from './open-counter.ts';

/**
 * The agent leaves their counter (the consulate's admin may close anyone's). Refused while a ticket
 * is called there. A counter nobody is at stays as it is. Audited.
 */
export async function closeCounter(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; counterId: string },
): Promise<void> {
  const { principal, consulateId, counterId } = input;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, { principal, consulateId, counterId, now });
    if (counter.agent_id === null) return;
    if (counter.agent_id !== principal.accountId && principal.role !== 'consulate_admin') {
      throw new AppError(
        'COUNTER_NOT_YOURS',
        409,
        'Another agent is at this counter: only they or the admin close it.',
      );
    }
    await leaveCounter(tx, {
      counterId,
      departmentId: counter.department_id,
      agentId: counter.agent_id,
      consulateId,
      actor: principal.accountId,
      now,
    });
  });
}
