import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal, SessionStore } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { accounts, recoveryCodes } from './accounts.tables.ts';

type Deps = { db: Db; now: Date; sessions: SessionStore };

/**
 * Clears a staff member's second factor (lost phone, used-up recovery codes): their secret and
 * recovery codes go, every session of theirs ends at once, and their next sign-in enrols anew.
 *
 * Who may: a consulate admin, for the consular agents of their own consulate; HQ, for any staff
 * member. `consulateId` is the consulate the route names (null on HQ's network-wide route): a
 * target outside it, or not staff, answers 404 as if it did not exist. Nobody resets their own.
 */
export async function resetSecondFactor(
  deps: Deps,
  input: { actor: Principal; consulateId: string | null; targetAccountId: string; reason: string },
): Promise<void> {
  const { actor, consulateId, targetAccountId } = input;
  const [target] = await deps.db
    .select({ id: accounts.id, role: accounts.role, consulateId: accounts.consulateId })
    .from(accounts)
    .where(eq(accounts.id, targetAccountId));
  const isInScope =
    target !== undefined && target.role !== 'citizen' && (consulateId === null || target.consulateId === consulateId);
  if (!isInScope) throw new AppError('STAFF_NOT_FOUND', 404, 'No such staff member in your scope.');
  const mayReset =
    target.id !== actor.accountId &&
    (actor.role === 'hq_admin' || (actor.role === 'consulate_admin' && target.role === 'consular_agent'));
  if (!mayReset) {
    throw new AppError(
      'FORBIDDEN',
      403,
      'A consulate admin resets the second factor of their consulate’s agents; HQ resets any other staff member’s.',
    );
  }
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ enrolledAt: accounts.totpEnrolledAt })
      .from(accounts)
      .where(eq(accounts.id, target.id))
      .for('update');
    await tx
      .update(accounts)
      .set({ totpSecretSealed: null, totpEnrolledAt: null, totpLastStep: null })
      .where(eq(accounts.id, target.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, target.id));
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: 'account.second_factor_reset',
      entityType: 'account',
      entityId: target.id,
      consulateId: target.consulateId,
      reason: input.reason,
      before: { isEnrolled: before?.enrolledAt != null },
      after: { isEnrolled: false, sessionsEnded: true },
      at: deps.now,
    });
    await deps.sessions.revokeAll(tx, target.id);
  });
  // Again once committed: a request of theirs that read the session meanwhile may have cached it.
  await deps.sessions.revokeAll(deps.db, target.id);
}
