import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { accounts } from './accounts.tables.ts';
import { listPersons } from './manage-persons.ts';

/** The signed-in account as `GET /api/v1/me` answers it (meSchema). */
export async function describeAccount(db: Db, accountId: string, departmentIds: string[]) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new Error(`No account ${accountId}.`);
  return {
    id: account.id,
    email: account.email,
    role: account.role,
    consulateId: account.consulateId,
    departmentIds,
    locale: account.locale,
    phone: account.phone,
    emailConfirmed: account.emailVerifiedAt !== null,
    persons: (await listPersons(db, accountId)).map((p) => ({
      id: p.id,
      relation: p.relation,
      givenNameLatin: p.givenNameLatin,
      familyNameLatin: p.familyNameLatin,
      givenNameArabic: p.givenNameArabic,
      familyNameArabic: p.familyNameArabic,
    })),
  };
}
