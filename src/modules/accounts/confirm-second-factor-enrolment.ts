import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { SessionStore } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newRecoveryCodes, RECOVERY_CODE_COUNT, storeRecoveryCodes } from './recovery-codes.ts';
import { admitSecondFactorAttempt, codeInvalid } from './second-factor-attempts.ts';
import { matchTotp, openTotpSecret } from './totp.ts';

type Deps = { db: Db; now: Date; sessions: SessionStore; masterKey: Buffer };

/**
 * Puts the enrolled secret in force with a first code from the app, and hands out the recovery
 * codes, in clear this once. The half-open session is replaced by a signed-in one (a new token:
 * the one that only knew the password is worth nothing after).
 */
export async function confirmSecondFactorEnrolment(
  deps: Deps,
  input: { accountId: string; pendingToken: string; code: string },
): Promise<{ recoveryCodes: string[]; session: { token: string; expiresAt: Date } }> {
  const { db, now, sessions } = deps;
  const state = await admitSecondFactorAttempt(db, input.accountId, now);
  if (state.isEnrolled) {
    throw new AppError('SECOND_FACTOR_ALREADY_ENROLLED', 409, 'An authenticator is already enrolled: give its code.');
  }
  if (!state.totpSecretSealed) {
    throw new AppError('SECOND_FACTOR_NOT_ENROLLED', 409, 'Start the enrolment first: no secret was issued.');
  }
  const secret = openTotpSecret(deps.masterKey, input.accountId, state.totpSecretSealed);
  const match = await matchTotp(secret, input.code, now, null);
  if (typeof match === 'string') throw codeInvalid();
  const recoveryCodes = newRecoveryCodes();
  const session = await db.transaction(async (tx) => {
    // The secret checked must still be the one on the account (an enrolment started again meanwhile
    // issued another): the same statement puts it in force and records the step as used.
    const enrolled = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE accounts SET totp_enrolled_at = ${now}, totp_last_step = ${match.timeStep},
                              failed_sign_ins = 0, sign_in_locked_until = NULL
          WHERE id = ${input.accountId} AND totp_enrolled_at IS NULL AND totp_secret_sealed = ${state.totpSecretSealed}
          RETURNING id`,
    );
    if (enrolled.length === 0) throw codeInvalid();
    await storeRecoveryCodes(tx, input.accountId, recoveryCodes, now);
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'account.second_factor_enrolled',
      entityType: 'account',
      entityId: input.accountId,
      after: { method: 'totp', recoveryCodes: RECOVERY_CODE_COUNT },
      at: now,
    });
    if (!(await sessions.revoke(input.pendingToken, tx))) throw sessionEnded();
    return sessions.create(input.accountId, tx);
  });
  return { recoveryCodes, session };
}

export const sessionEnded = () =>
  new AppError('UNAUTHENTICATED', 401, 'This session has ended meanwhile: sign in again.');
