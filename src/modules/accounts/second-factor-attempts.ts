import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { accounts } from './accounts.tables.ts';
import { accountLocked, countAttempt } from './sign-in.ts';

export interface SecondFactorState {
  email: string;
  totpSecretSealed: string | null;
  isEnrolled: boolean;
  totpLastStep: number | null;
}

/**
 * Counts one second-factor attempt before it is checked, on the same count and lock as passwords:
 * someone who has the password still gets MAX_FAILED_SIGN_INS guesses at a six-digit code per
 * LOCK_MINUTES, whatever addresses they come from. Returns the account's second factor as the
 * statement found it; ACCOUNT_LOCKED while the lock runs.
 */
export async function admitSecondFactorAttempt(db: Db, accountId: string, now: Date): Promise<SecondFactorState> {
  const [admitted] = await queryRows<{
    email: string;
    totp_secret_sealed: string | null;
    is_enrolled: boolean;
    totp_last_step: number | string | null;
  }>(
    db,
    sql`UPDATE accounts a SET ${countAttempt(now)}
        WHERE a.id = ${accountId} AND (a.sign_in_locked_until IS NULL OR a.sign_in_locked_until <= ${now})
        RETURNING a.email, a.totp_secret_sealed, a.totp_enrolled_at IS NOT NULL AS is_enrolled, a.totp_last_step`,
  );
  if (!admitted) {
    const [locked] = await db
      .select({ lockedUntil: accounts.signInLockedUntil })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    if (locked?.lockedUntil && locked.lockedUntil > now) throw accountLocked(locked.lockedUntil, now);
    throw new AppError('UNAUTHENTICATED', 401, 'Sign in first: no valid session cookie was sent.');
  }
  return {
    email: admitted.email,
    totpSecretSealed: admitted.totp_secret_sealed,
    isEnrolled: admitted.is_enrolled,
    totpLastStep: admitted.totp_last_step === null ? null : Number(admitted.totp_last_step),
  };
}

export const codeInvalid = () =>
  new AppError('SECOND_FACTOR_CODE_INVALID', 400, 'This code is not right: check the authenticator app and try again.');
