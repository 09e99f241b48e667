import { createHash, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

export type CodePurpose = 'email_confirmation' | 'password_reset';

export const CODE_VALIDITY_MINUTES = 30;
const MAX_ATTEMPTS = 5;

// The code is bound to its account: the same six digits hash differently for everyone.
const hashCode = (accountId: string, code: string) => createHash('sha256').update(`${accountId}:${code}`).digest('hex');

/** A fresh six-digit code for the account (the previous unused ones stop working). */
export async function issueCode(tx: Db, accountId: string, purpose: CodePurpose, now: Date): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.execute(sql`UPDATE account_codes SET used_at = ${now}
                       WHERE account_id = ${accountId} AND purpose = ${purpose} AND used_at IS NULL`);
  await tx.execute(sql`INSERT INTO account_codes (account_id, purpose, code_hash, expires_at, created_at)
                       VALUES (${accountId}, ${purpose}, ${hashCode(accountId, code)},
                               ${new Date(now.getTime() + CODE_VALIDITY_MINUTES * 60_000)}, ${now})`);
  return code;
}

/**
 * Checks a code and returns its id. Each try counts, in its own statement outside the caller's
 * transaction (a refusal rolls that back, the count must stay): five guesses per code whatever the
 * concurrency. Expired, used or exhausted codes never match.
 */
export async function checkCode(
  db: Db,
  accountId: string,
  purpose: CodePurpose,
  code: string,
  now: Date,
): Promise<string> {
  const [row] = await queryRows<{ id: string; code_hash: string; attempts: number }>(
    db,
    sql`UPDATE account_codes SET attempts = attempts + 1
        WHERE id = (SELECT id FROM account_codes
                    WHERE account_id = ${accountId} AND purpose = ${purpose} AND used_at IS NULL
                      AND expires_at > ${now}
                    ORDER BY created_at DESC LIMIT 1)
        RETURNING id, code_hash, attempts`,
  );
  const isMatch = row !== undefined && row.attempts <= MAX_ATTEMPTS && row.code_hash === hashCode(accountId, code);
  if (!isMatch) throw invalidCode();
  return row.id;
}

/** Marks a checked code used, in the transaction of the change it allows; a code works once. */
export async function markCodeUsed(tx: Db, codeId: string, now: Date): Promise<void> {
  const used = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE account_codes SET used_at = ${now} WHERE id = ${codeId} AND used_at IS NULL RETURNING id`,
  );
  if (used.length === 0) throw invalidCode();
}

const invalidCode = () => new AppError('CODE_INVALID', 400, 'The code is wrong, used, expired, or tried too often.');
