import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { foldedSql } from '../../platform/name-folding.ts';
import { type CitizenSearch, keysOf, type SearchKey } from './citizen-search.ts';

export interface FoundPerson {
  id: string;
  relation: string;
  givenNameLatin: string;
  familyNameLatin: string;
  givenNameArabic: string | null;
  familyNameArabic: string | null;
  birthDate: string | null;
  // This person is the one the search matched (names, identity numbers, references).
  isMatch: boolean;
}

export interface FoundCitizen {
  accountId: string;
  email: string;
  phone: string | null;
  locale: string;
  isEmailConfirmed: boolean;
  matchedBy: SearchKey[];
  persons: FoundPerson[];
}

type Row = Omit<FoundCitizen, 'persons' | 'matchedBy'> & {
  matchedBy: SearchKey[];
  matchedPersonIds: string[];
  persons: Omit<FoundPerson, 'isMatch'>[];
};

/** One SELECT per reading of the text, each on an index (names excepted: see findCitizens). */
function hitsSql(search: CitizenSearch): SQL[] {
  const hits: SQL[] = [];
  const byPerson = (key: SearchKey, column: string, value: string) =>
    sql`SELECT p.account_id, ${key}::text AS matched, p.id AS person_id FROM persons p
        WHERE ${sql.raw(`p.${column}`)} = ${value}`;
  if (search.email) {
    hits.push(sql`SELECT a.id, 'email'::text, NULL::uuid FROM accounts a WHERE lower(a.email) = ${search.email}`);
  }
  if (search.phone)
    hits.push(sql`SELECT a.id, 'phone'::text, NULL::uuid FROM accounts a WHERE a.phone = ${search.phone}`);
  if (search.cnie) hits.push(byPerson('cnie', 'cnie_number', search.cnie));
  if (search.passport) hits.push(byPerson('passport', 'passport_number', search.passport));
  if (search.consularRegistration) {
    hits.push(byPerson('consular_registration', 'consular_registration_number', search.consularRegistration));
  }
  if (search.requestReference) {
    hits.push(sql`SELECT r.account_id, 'request_reference'::text, r.person_id FROM requests r
                  WHERE r.reference = ${search.requestReference}`);
  }
  if (search.appointmentReference) {
    hits.push(sql`SELECT ap.account_id, 'appointment_reference'::text, ap.person_id FROM appointments ap
                  WHERE ap.reference = ${search.appointmentReference}`);
  }
  if (search.stampNumber) {
    hits.push(sql`SELECT r.account_id, 'stamp_number'::text, r.person_id FROM stamps s
                  JOIN requests r ON r.id = s.request_id WHERE s.number = ${search.stampNumber}`);
  }
  if (search.nameWords) {
    const names = foldedSql(
      sql`concat(p.given_name_latin, p.family_name_latin, p.given_name_arabic, p.family_name_arabic)`,
    );
    const patterns = sql.join(
      search.nameWords.map((word) => sql`${`%${word}%`}::text`),
      sql`, `,
    );
    hits.push(sql`SELECT p.account_id, 'name'::text, p.id FROM persons p
                  WHERE ${names} LIKE ALL (ARRAY[${patterns}])`);
  }
  return hits;
}

/**
 * Citizens matching a search, across the network, one page at a time in account order (`after`:
 * the last account id of the previous page). Each says what matched it and which of its persons.
 * Every reading but the name is an equality on an index; names are folded on the fly (the same
 * folding as the verification queue), which reads every person: fine for a few hundred thousand
 * persons, and the reason a folded, trigram-indexed name column is the next step at national scale.
 * Identity numbers are never part of the answer: the citizen's page (audited) shows them.
 */
export async function findCitizens(
  db: Db,
  input: { search: CitizenSearch; limit: number; after?: string },
): Promise<{ citizens: FoundCitizen[]; nextCursor: string | null; searchedBy: SearchKey[] }> {
  const searchedBy = keysOf(input.search);
  const hits = hitsSql(input.search);
  if (hits.length === 0) return { citizens: [], nextCursor: null, searchedBy };
  const rows = await queryRows<Row>(
    db,
    sql`WITH hits(account_id, matched, person_id) AS (${sql.join(hits, sql` UNION ALL `)}),
        page AS (
          SELECT h.account_id, to_jsonb(array_agg(DISTINCT h.matched)) AS matched,
                 to_jsonb(array_remove(array_agg(DISTINCT h.person_id), NULL)) AS person_ids
          FROM hits h JOIN accounts a ON a.id = h.account_id AND a.role = 'citizen'
          ${input.after ? sql`WHERE h.account_id > ${input.after}` : sql``}
          GROUP BY h.account_id ORDER BY h.account_id LIMIT ${input.limit + 1}
        )
        SELECT a.id AS "accountId", a.email, a.phone, a.locale, a.email_verified_at IS NOT NULL AS "isEmailConfirmed",
               page.matched AS "matchedBy", page.person_ids AS "matchedPersonIds",
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                         'id', p.id, 'relation', p.relation,
                         'givenNameLatin', p.given_name_latin, 'familyNameLatin', p.family_name_latin,
                         'givenNameArabic', p.given_name_arabic, 'familyNameArabic', p.family_name_arabic,
                         'birthDate', p.birth_date) ORDER BY p.relation <> 'self', p.created_at, p.id), '[]'::jsonb)
                FROM persons p WHERE p.account_id = a.id) AS persons
        FROM page JOIN accounts a ON a.id = page.account_id
        ORDER BY page.account_id`,
  );
  const page = rows.slice(0, input.limit);
  return {
    searchedBy,
    nextCursor: rows.length > input.limit ? page.at(-1)!.accountId : null,
    citizens: page.map(({ matchedPersonIds, matchedBy, persons, ...account }) => ({
      ...account,
      matchedBy: searchedBy.filter((key) => matchedBy.includes(key)),
      persons: persons.map((person) => ({ ...person, isMatch: matchedPersonIds.includes(person.id) })),
    })),
  };
}
