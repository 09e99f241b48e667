import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { calledAtCounter } from './called-at-counter.ts';
import { lockCounter } from './lock-counter.ts';

/**
 * "I am at counter 3": the agent takes a counter of one of their departments, leaving any other
 * they held (an agent is at one counter at a time: counters_one_per_agent). Refused while another
 * agent is at it, or while a ticket is still called at the counter being left (finish it first).
 * Opening the counter one already holds changes nothing. Audited.
 */
export async function openCounter(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; counterId: string },
): Promise<void> {
  const { principal, consulateId, counterId } = input;
  const me = principal.accountId;
  const now = deps.clock.now();
  try {
    await deps.db.transaction(async (tx) => {
      const counter = await lockCounter(tx, { principal, consulateId, counterId, now });
      if (!counter.is_active) {
        throw new AppError('COUNTER_INACTIVE', 409, 'This counter is out of service.');
      }
      if (counter.agent_id === me) return;
      if (counter.agent_id !== null) {
        throw new AppError('COUNTER_OCCUPIED', 409, 'Another agent is at this counter.');
      }
      // The counters being left are locked before looking for a called ticket there, so a call in
      // flight at one of them is seen (this statement waits for it) rather than orphaned.
      const left = await queryRows<{ id: string; department_id: string }>(
        tx,
        sql`SELECT id, department_id FROM counters WHERE agent_id = ${me} FOR NO KEY UPDATE`,
      );
      for (const other of left) {
        await leaveCounter(tx, {
          counterId: other.id,
          departmentId: other.department_id,
          agentId: me,
          consulateId,
          actor: me,
          now,
        });
      }
      await tx.execute(
        sql`UPDATE counters SET agent_id = ${me}, opened_at = ${now} WHERE id = ${counterId} AND agent_id IS NULL`,
      );
      await recordAudit(tx, {
        actorAccountId: me,
        action: 'counter.opened',
        entityType: 'counter',
        entityId: counterId,
        consulateId,
        before: { agentId: null },
        after: { agentId: me },
        at: now,
      });
    });
  } catch (error) {
    // The same agent opening two counters at the same instant: the index keeps one.
    if (isUniqueViolation(error, 'counters_one_per_agent')) {
      throw new AppError('COUNTER_OCCUPIED', 409, 'You opened another counter at the same moment; try again.');
    }
    throw error;
  }
}

/**
 * Frees a counter the caller's transaction has locked, unless a ticket is called there (the person
 * would be left waiting at a counter nobody is at). Audited.
 */
export async function leaveCounter(
  tx: Db,
  input: { counterId: string; departmentId: string; agentId: string; consulateId: string; actor: string; now: Date },
): Promise<void> {
  const [called] = await queryRows<{ code: string }>(
    tx,
    sql`SELECT code FROM tickets t
        WHERE ${calledAtCounter('t', { id: input.counterId, departmentId: input.departmentId }, input.now)} LIMIT 1`,
  );
  if (called) {
    throw new AppError(
      'COUNTER_HAS_CALLED_TICKET',
      409,
      `Ticket ${called.code} is called at this counter: serve it, send it back to wait, or mark it absent first.`,
      { ticketCode: called.code },
    );
  }
  await tx.execute(sql`UPDATE counters SET agent_id = NULL, opened_at = NULL WHERE id = ${input.counterId}`);
  await recordAudit(tx, {
    actorAccountId: input.actor,
    action: 'counter.closed',
    entityType: 'counter',
    entityId: input.counterId,
    consulateId: input.consulateId,
    before: { agentId: input.agentId },
    after: { agentId: null },
    at: input.now,
  });
}
