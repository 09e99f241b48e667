import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { CODE_VALIDITY_MINUTES, issueCode } from './account-codes.ts';
import { accounts, persons } from './accounts.tables.ts';
import { hashPassword } from './passwords.ts';

/**
 * Creates a citizen account and its own person record, and sends the e-mail confirmation code,
 * in one transaction with its audit event.
 */
export async function registerCitizen(
  deps: { db: Db; now: Date },
  input: {
    email: string;
    password: string;
    givenNameLatin: string;
    familyNameLatin: string;
    givenNameArabic?: string;
    familyNameArabic?: string;
    birthDate?: string;
    phone?: string;
    locale: string;
  },
): Promise<{ accountId: string; personId: string }> {
  const { db, now } = deps;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({
          email: input.email,
          passwordHash,
          role: 'citizen',
          locale: input.locale,
          phone: input.phone ?? null,
          createdAt: now,
        })
        .returning({ id: accounts.id });
      const [person] = await tx
        .insert(persons)
        .values({
          accountId: account!.id,
          relation: 'self',
          givenNameLatin: input.givenNameLatin,
          familyNameLatin: input.familyNameLatin,
          givenNameArabic: input.givenNameArabic,
          familyNameArabic: input.familyNameArabic,
          birthDate: input.birthDate ?? null,
          createdAt: now,
        })
        .returning({ id: persons.id });
      // The audit keeps no e-mail, phone nor name: identity data stays in its own tables.
      await recordAudit(tx, {
        actorAccountId: account!.id,
        action: 'account.registered',
        entityType: 'account',
        entityId: account!.id,
        after: { role: 'citizen', locale: input.locale, hasPhone: input.phone !== undefined },
        at: now,
      });
      const code = await issueCode(tx, account!.id, 'email_confirmation', now);
      await notify(
        tx,
        account!.id,
        { kind: 'account.email_code', payload: { code, expiresInMinutes: CODE_VALIDITY_MINUTES } },
        { now },
      );
      return { accountId: account!.id, personId: person!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'accounts_email_key')) {
      throw new AppError('EMAIL_TAKEN', 409, 'An account already uses this e-mail address.');
    }
    throw error;
  }
}
