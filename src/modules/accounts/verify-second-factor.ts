import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { SessionStore } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { sessionEnded } from './confirm-second-factor-enrolment.ts';
import { countUnusedRecoveryCodes, findRecoveryCode, useRecoveryCode } from './recovery-codes.ts';
import { admitSecondFactorAttempt, codeInvalid } from './second-factor-attempts.ts';
import { matchTotp, openTotpSecret } from './totp.ts';

type Deps = { db: Db; now: Date; sessions: SessionStore; masterKey: Buffer };

/**
 * Completes a staff sign-in with the authenticator's code, or with one recovery code instead. A
 * code's time step is accepted once (the account keeps the last one); a recovery code is used
 * once. The half-open session is replaced by a signed-in one with a new token.
 */
export async function verifySecondFactor(
  deps: Deps,
  input: { accountId: string; pendingToken: string } & ({ code: string } | { recoveryCode: string }),
): Promise<{ token: string; expiresAt: Date }> {
  const { db, now, sessions } = deps;
  const state = await admitSecondFactorAttempt(db, input.accountId, now);
  if (!state.isEnrolled || !state.totpSecretSealed) {
    throw new AppError('SECOND_FACTOR_NOT_ENROLLED', 409, 'No authenticator is enrolled: start the enrolment.');
  }
  const finish = async (tx: Db) => {
    if (!(await sessions.revoke(input.pendingToken, tx))) throw sessionEnded();
    return sessions.create(input.accountId, tx);
  };

  if ('code' in input) {
    const secret = openTotpSecret(deps.masterKey, input.accountId, state.totpSecretSealed);
    const match = await matchTotp(secret, input.code, now, state.totpLastStep);
    if (match === 'used') throw codeUsed();
    if (match === 'wrong') throw codeInvalid();
    return db.transaction(async (tx) => {
      // Two requests with the same code: the database lets one step pass once.
      const accepted = await queryRows<{ id: string }>(
        tx,
        sql`UPDATE accounts SET totp_last_step = ${match.timeStep}, failed_sign_ins = 0, sign_in_locked_until = NULL
            WHERE id = ${input.accountId} AND totp_enrolled_at IS NOT NULL
              AND (totp_last_step IS NULL OR totp_last_step < ${match.timeStep})
            RETURNING id`,
      );
      if (accepted.length === 0) throw codeUsed();
      return finish(tx);
    });
  }

  const codeId = await findRecoveryCode(db, input.accountId, input.recoveryCode);
  if (!codeId) throw codeInvalid();
  return db.transaction(async (tx) => {
    if (!(await useRecoveryCode(tx, codeId, now))) throw codeInvalid();
    await tx.execute(
      sql`UPDATE accounts SET failed_sign_ins = 0, sign_in_locked_until = NULL WHERE id = ${input.accountId}`,
    );
    // A used recovery code is worth an audit event: it often means a lost phone.
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'account.recovery_code_used',
      entityType: 'account',
      entityId: input.accountId,
      after: { recoveryCodesLeft: await countUnusedRecoveryCodes(tx, input.accountId) },
      at: now,
    });
    return finish(tx);
  });
}

const codeUsed = () =>
  new AppError('SECOND_FACTOR_CODE_USED', 400, 'This code was already used: wait for the next one in the app.');
