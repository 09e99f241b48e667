import { type SQL, sql } from 'drizzle-orm';
import type { LocalizedText } from '../network/network.tables.ts';

/**
 * What the desk and the counter need to know about the person in front of them: who (names in
 * both scripts), for which service, the documents to bring, the fee and whether it is paid (the
 * stamp's state). Read with the columns of factsColumns; a walk-in has no person, request or stamp.
 */
export interface FactsRow {
  given_name_latin: string | null;
  family_name_latin: string | null;
  given_name_arabic: string | null;
  family_name_arabic: string | null;
  service_id: string;
  service_code: string;
  service_name: LocalizedText;
  required_documents: string[];
  department_id: string;
  department_name: LocalizedText;
  ticket_prefix: string;
  fee_minor: number | string | null;
  currency: string;
  request_id: string | null;
  request_reference: string | null;
  stamp_number: string | null;
  stamp_status: 'valid' | 'consumed' | 'refunded' | null;
}

/**
 * The columns of FactsRow, given the aliases in the query: `p` person, `s` service, `d` department,
 * `cs` the consulate's offer, `c` consulate, `r` request (each may be null through a LEFT JOIN but
 * `s`, `d` and `c`). The stamp is the request's most telling one: consumed, else valid, else
 * refunded (a refunded fee may have been paid again).
 */
export const factsColumns: SQL = sql`p.given_name_latin, p.family_name_latin, p.given_name_arabic, p.family_name_arabic,
  s.id AS service_id, s.code AS service_code, s.name AS service_name, s.required_documents,
  d.id AS department_id, d.name AS department_name, d.ticket_prefix, cs.fee_minor, c.currency,
  r.id AS request_id, r.reference AS request_reference,
  (SELECT st.number FROM stamps st WHERE st.request_id = r.id
   ORDER BY CASE st.status WHEN 'consumed' THEN 0 WHEN 'valid' THEN 1 ELSE 2 END, st.issued_at DESC LIMIT 1) AS stamp_number,
  (SELECT st.status FROM stamps st WHERE st.request_id = r.id
   ORDER BY CASE st.status WHEN 'consumed' THEN 0 WHEN 'valid' THEN 1 ELSE 2 END, st.issued_at DESC LIMIT 1) AS stamp_status`;

export function presentFacts(row: FactsRow) {
  const amountMinor = Number(row.fee_minor ?? 0);
  return {
    person:
      row.given_name_latin === null
        ? null
        : {
            givenNameLatin: row.given_name_latin,
            familyNameLatin: row.family_name_latin ?? '',
            givenNameArabic: row.given_name_arabic,
            familyNameArabic: row.family_name_arabic,
          },
    service: { id: row.service_id, code: row.service_code, name: row.service_name },
    department: { id: row.department_id, name: row.department_name, ticketPrefix: row.ticket_prefix },
    requiredDocuments: row.required_documents,
    fee: { amountMinor, currency: row.currency, isDue: amountMinor > 0 },
    request: row.request_id ? { id: row.request_id, reference: row.request_reference ?? '' } : null,
    stamp: { state: row.stamp_status ?? ('none' as const), number: row.stamp_number },
  };
}

export type ArrivalFacts = ReturnType<typeof presentFacts>;
