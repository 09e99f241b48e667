import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import type { LocalizedText } from '../network/network.tables.ts';

/** What a message says about a request. */
export interface RequestFacts {
  requestId: string;
  reference: string;
  status: string;
  accountId: string;
  consulate: { id: string; code: string; name: LocalizedText };
  service: { id: string; code: string; name: LocalizedText; requiresVerification: boolean };
  person: {
    givenNameLatin: string;
    familyNameLatin: string;
    givenNameArabic: string | null;
    familyNameArabic: string | null;
  };
  decisionReasonCode: string | null;
  decisionNote: string | null;
}

export async function loadRequestFacts(db: Db, requestId: string): Promise<RequestFacts | undefined> {
  const [row] = await queryRows<{
    id: string;
    reference: string;
    status: string;
    account_id: string;
    consulate_id: string;
    consulate_code: string;
    consulate_name: LocalizedText;
    service_id: string;
    service_code: string;
    service_name: LocalizedText;
    requires_verification: boolean;
    given_name_latin: string;
    family_name_latin: string;
    given_name_arabic: string | null;
    family_name_arabic: string | null;
    decision_reason_code: string | null;
    decision_note: string | null;
  }>(
    db,
    sql`SELECT r.id, r.reference, r.status, r.account_id, r.decision_reason_code, r.decision_note,
               c.id AS consulate_id, c.code AS consulate_code, c.name AS consulate_name,
               sv.id AS service_id, sv.code AS service_code, sv.name AS service_name, sv.requires_verification,
               p.given_name_latin, p.family_name_latin, p.given_name_arabic, p.family_name_arabic
        FROM requests r
        JOIN consulates c ON c.id = r.consulate_id
        JOIN services sv ON sv.id = r.service_id
        JOIN persons p ON p.id = r.person_id
        WHERE r.id = ${requestId}`,
  );
  if (!row) return undefined;
  return {
    requestId: row.id,
    reference: row.reference,
    status: row.status,
    accountId: row.account_id,
    consulate: { id: row.consulate_id, code: row.consulate_code, name: row.consulate_name },
    service: {
      id: row.service_id,
      code: row.service_code,
      name: row.service_name,
      requiresVerification: row.requires_verification,
    },
    person: {
      givenNameLatin: row.given_name_latin,
      familyNameLatin: row.family_name_latin,
      givenNameArabic: row.given_name_arabic,
      familyNameArabic: row.family_name_arabic,
    },
    decisionReasonCode: row.decision_reason_code,
    decisionNote: row.decision_note,
  };
}
