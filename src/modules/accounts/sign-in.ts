import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { accounts } from './accounts.tables.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';

/** The account whose e-mail and password match, or INVALID_CREDENTIALS (same answer, same time). */
export async function checkCredentials(db: Db, email: string, password: string): Promise<{ accountId: string }> {
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
  const isValid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!account || !isValid) throw new AppError('INVALID_CREDENTIALS', 401, 'Wrong e-mail or password.');
  return { accountId: account.id };
}
