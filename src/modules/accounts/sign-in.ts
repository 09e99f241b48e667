import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { accounts } from './accounts.tables.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';

// After this many wrong passwords in a row, the account refuses sign-in for LOCK_MINUTES, whatever
// address the attempts come from (the per-address limit is the rate limiter's).
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/** The account whose e-mail and password match, or INVALID_CREDENTIALS (same answer, same time). */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  now: Date,
): Promise<{ accountId: string }> {
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, lockedUntil: accounts.signInLockedUntil })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
  const isValid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
  if (account?.lockedUntil && account.lockedUntil > now) {
    const minutes = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', 429, `Sign-in is locked for ${minutes} more minutes.`, { minutes });
  }
  if (!account || !isValid) {
    if (account) {
      // One atomic statement: concurrent failures all count.
      await queryRows(
        db,
        sql`UPDATE accounts SET
              failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= ${MAX_FAILED_SIGN_INS} THEN 0 ELSE failed_sign_ins + 1 END,
              sign_in_locked_until = CASE WHEN failed_sign_ins + 1 >= ${MAX_FAILED_SIGN_INS}
                                          THEN ${new Date(now.getTime() + LOCK_MINUTES * 60_000)}::timestamptz
                                          ELSE sign_in_locked_until END
            WHERE id = ${account.id} RETURNING id`,
      );
    }
    throw new AppError('INVALID_CREDENTIALS', 401, 'Wrong e-mail or password.');
  }
  await db.update(accounts).set({ failedSignIns: 0, signInLockedUntil: null }).where(eq(accounts.id, account.id));
  return { accountId: account.id };
}
