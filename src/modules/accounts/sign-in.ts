import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { accounts, type Role } from './accounts.tables.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';

// After this many wrong passwords in a row, the account refuses sign-in for LOCK_MINUTES, whatever
// address the attempts come from (the per-address limit is the rate limiter's).
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/**
 * The SET clause that counts one attempt on the row `a` (a password, or a staff member's second
 * factor: both count towards the same lock). Every expression reads the row as the statement finds
 * it once it holds the row's lock, so concurrent attempts count one after the other (no value
 * carried over from an earlier read). A lock that has run out starts a new count.
 */
export function countAttempt(now: Date): SQL {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  return sql`failed_sign_ins = CASE WHEN a.sign_in_locked_until IS NOT NULL THEN 1 ELSE a.failed_sign_ins + 1 END,
          sign_in_locked_until =
            CASE WHEN (CASE WHEN a.sign_in_locked_until IS NOT NULL THEN 1 ELSE a.failed_sign_ins + 1 END)
                      >= ${MAX_FAILED_SIGN_INS}
                 THEN ${lockUntil}::timestamptz END`;
}

export function accountLocked(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
  return new AppError('ACCOUNT_LOCKED', 429, `Sign-in is locked for ${minutes} more minutes.`, { minutes });
}

/**
 * The account whose e-mail and password match, or INVALID_CREDENTIALS (same answer, same time).
 *
 * The attempt is counted before the (slow) password check, in one atomic statement that admits it
 * only while the account is not locked: of twenty guesses sent at once, the first
 * MAX_FAILED_SIGN_INS are admitted (the last of them sets the lock) and the others are refused
 * without a check. A correct password clears the count; a lock that has run out starts a new count.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  now: Date,
): Promise<{ accountId: string; role: Role; isSecondFactorEnrolled: boolean }> {
  const [admitted] = await queryRows<{ id: string; password_hash: string; role: Role; is_enrolled: boolean }>(
    db,
    sql`UPDATE accounts a SET ${countAttempt(now)}
        WHERE lower(a.email) = ${email.toLowerCase()}
          AND (a.sign_in_locked_until IS NULL OR a.sign_in_locked_until <= ${now})
        RETURNING a.id, a.password_hash, a.role, a.totp_enrolled_at IS NOT NULL AS is_enrolled`,
  );
  if (!admitted) {
    // Unknown e-mail, or a locked account: the same work as a real check, so the time tells nothing.
    await verifyPassword(await decoyPasswordHash(), password);
    const [locked] = await db
      .select({ lockedUntil: accounts.signInLockedUntil })
      .from(accounts)
      .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
    if (locked?.lockedUntil && locked.lockedUntil > now) {
      throw accountLocked(locked.lockedUntil, now);
    }
    throw new AppError('INVALID_CREDENTIALS', 401, 'Wrong e-mail or password.');
  }
  if (!(await verifyPassword(admitted.password_hash, password))) {
    throw new AppError('INVALID_CREDENTIALS', 401, 'Wrong e-mail or password.');
  }
  await db.update(accounts).set({ failedSignIns: 0, signInLockedUntil: null }).where(eq(accounts.id, admitted.id));
  return { accountId: admitted.id, role: admitted.role, isSecondFactorEnrolled: admitted.is_enrolled };
}
