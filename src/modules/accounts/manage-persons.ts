import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { persons } from './accounts.tables.ts';

export interface PersonFields {
  givenNameLatin?: string;
  familyNameLatin?: string;
  givenNameArabic?: string | null;
  familyNameArabic?: string | null;
  birthDate?: string | null;
  birthPlace?: string | null;
  cnieNumber?: string | null;
  passportNumber?: string | null;
  consularRegistrationNumber?: string | null;
}

// The audit says which fields changed, never their values: identity numbers stay out of the log.
const changedFields = (fields: PersonFields) => Object.keys(fields).sort();

/** The people of an account (the holder first), with their no-show record. */
export async function listPersons(db: Db, accountId: string) {
  const rows = await db.select().from(persons).where(eq(persons.accountId, accountId)).orderBy(asc(persons.createdAt));
  const noShows = await queryRows<{ person_id: string; n: number }>(
    db,
    sql`SELECT person_id, count(*)::int AS n FROM appointments
        WHERE account_id = ${accountId} AND status = 'no_show' GROUP BY person_id`,
  );
  return rows
    .sort((a, b) => Number(b.relation === 'self') - Number(a.relation === 'self'))
    .map((p) => ({
      id: p.id,
      relation: p.relation,
      givenNameLatin: p.givenNameLatin,
      familyNameLatin: p.familyNameLatin,
      givenNameArabic: p.givenNameArabic,
      familyNameArabic: p.familyNameArabic,
      birthDate: p.birthDate,
      birthPlace: p.birthPlace,
      cnieNumber: p.cnieNumber,
      passportNumber: p.passportNumber,
      consularRegistrationNumber: p.consularRegistrationNumber,
      noShowCount: noShows.find((n) => n.person_id === p.id)?.n ?? 0,
    }));
}

/** Adds a relative the citizen acts for (a child, a spouse, ...). */
export async function addPerson(
  deps: { db: Db; now: Date },
  input: {
    accountId: string;
    relation: 'child' | 'spouse' | 'parent' | 'other';
    fields: PersonFields & { givenNameLatin: string; familyNameLatin: string };
  },
): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(persons)
      .values({ accountId: input.accountId, relation: input.relation, ...input.fields, createdAt: deps.now })
      .returning({ id: persons.id });
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'person.added',
      entityType: 'person',
      entityId: created!.id,
      after: { relation: input.relation, fields: changedFields(input.fields) },
      at: deps.now,
    });
    return created!.id;
  });
}

export async function updatePerson(
  deps: { db: Db; now: Date },
  input: { accountId: string; personId: string; fields: PersonFields },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(persons)
      .set(input.fields)
      .where(and(eq(persons.id, input.personId), eq(persons.accountId, input.accountId)))
      .returning({ id: persons.id });
    if (updated.length === 0) throw new AppError('PERSON_NOT_FOUND', 404, 'This person is not on your account.');
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'person.updated',
      entityType: 'person',
      entityId: input.personId,
      after: { fields: changedFields(input.fields) },
      at: deps.now,
    });
  });
}
