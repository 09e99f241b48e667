import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { recoveryCodes } from './accounts.tables.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * Recovery codes: ten single-use codes that stand in for the authenticator app once each.
 *
 * A code is 10 characters of Crockford's base32 (50 bits), shown as `XXXXX-XXXXX`: short enough to
 * type from paper on a bad day. Below 112 bits, NIST SP 800-63B (§5.1.2.2) wants look-up secrets
 * kept with a salted, slow hash, so each is stored as argon2id like a password — a stolen table
 * cannot be walked through 2^50 candidates. The price (up to ten argon2 checks, ~0.2 s) is paid
 * only by someone who lost their phone.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

// Hashed as ten characters, upper-case, without the dash or spaces; and, as Crockford's alphabet
// intends, an O read as zero and an I or L as one (the codes never contain those letters).
const canonical = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');

/** Replaces the account's recovery codes with these (the old ones stop working). */
export async function storeRecoveryCodes(tx: Db, accountId: string, codes: string[], now: Date): Promise<void> {
  const hashes = await Promise.all(codes.map((code) => hashPassword(canonical(code))));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ accountId, codeHash, createdAt: now })));
}

/** The id of the unused recovery code of the account that matches, or null. */
export async function findRecoveryCode(db: Db, accountId: string, code: string): Promise<string | null> {
  const unused = await db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  for (const candidate of unused) {
    if (await verifyPassword(candidate.codeHash, canonical(code))) return candidate.id;
  }
  return null;
}

/** Marks a recovery code used, once: false when another request used it first. */
export async function useRecoveryCode(tx: Db, codeId: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, codeId), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
