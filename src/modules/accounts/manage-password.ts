import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { SessionStore } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { CODE_VALIDITY_MINUTES, checkCode, issueCode, markCodeUsed } from './account-codes.ts';
import { accounts } from './accounts.tables.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

type Deps = { db: Db; now: Date; sessions: SessionStore };

/** Confirms the account's e-mail address with the code that was sent to it. */
export async function confirmEmail(deps: { db: Db; now: Date }, input: { accountId: string; code: string }) {
  const codeId = await checkCode(deps.db, input.accountId, 'email_confirmation', input.code, deps.now);
  await deps.db.transaction(async (tx) => {
    await markCodeUsed(tx, codeId, deps.now);
    await tx.update(accounts).set({ emailVerifiedAt: deps.now }).where(eq(accounts.id, input.accountId));
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'account.email_confirmed',
      entityType: 'account',
      entityId: input.accountId,
      at: deps.now,
    });
  });
}

/** Sends a new confirmation code (the previous one stops working). */
export async function resendEmailCode(deps: { db: Db; now: Date }, accountId: string) {
  await deps.db.transaction(async (tx) => {
    const code = await issueCode(tx, accountId, 'email_confirmation', deps.now);
    await notify(
      tx,
      accountId,
      { kind: 'account.email_code', payload: { code, expiresInMinutes: CODE_VALIDITY_MINUTES } },
      { now: deps.now },
    );
  });
}

/**
 * Starts a password reset. The answer is the same whether the address has an account or not, so
 * the route cannot be used to find out who is registered.
 */
export async function requestPasswordReset(deps: { db: Db; now: Date }, email: string) {
  const [account] = await deps.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
  if (!account) return;
  await deps.db.transaction(async (tx) => {
    const code = await issueCode(tx, account.id, 'password_reset', deps.now);
    await notify(
      tx,
      account.id,
      { kind: 'account.password_reset_code', payload: { code, expiresInMinutes: CODE_VALIDITY_MINUTES } },
      { now: deps.now },
    );
  });
}

async function setPassword(tx: Db, deps: Deps, accountId: string, password: string, action: string) {
  await tx
    .update(accounts)
    .set({ passwordHash: await hashPassword(password), failedSignIns: 0, signInLockedUntil: null })
    .where(eq(accounts.id, accountId));
  await recordAudit(tx, {
    actorAccountId: accountId,
    action,
    entityType: 'account',
    entityId: accountId,
    at: deps.now,
  });
  // Every session ends: a stolen session must not survive the owner's new password.
  await deps.sessions.revokeAll(tx, accountId);
}

/** Sets a new password with the code sent by e-mail; every session of the account ends. */
export async function resetPassword(deps: Deps, input: { email: string; code: string; password: string }) {
  const [account] = await deps.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, input.email.toLowerCase()));
  if (!account) throw new AppError('CODE_INVALID', 400, 'The code is wrong, used, expired, or tried too often.');
  const codeId = await checkCode(deps.db, account.id, 'password_reset', input.code, deps.now);
  await deps.db.transaction(async (tx) => {
    await markCodeUsed(tx, codeId, deps.now);
    // Receiving the code proves the address too.
    await tx.update(accounts).set({ emailVerifiedAt: deps.now }).where(eq(accounts.id, account.id));
    await setPassword(tx, deps, account.id, input.password, 'account.password_reset');
  });
}

/** Changes the password of a signed-in account; every session ends (the caller gets a new one). */
export async function changePassword(
  deps: Deps,
  input: { accountId: string; currentPassword: string; newPassword: string },
) {
  const [account] = await deps.db
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, input.accountId));
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', 403, 'The current password is not right.');
  }
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, deps, input.accountId, input.newPassword, 'account.password_changed');
  });
}
