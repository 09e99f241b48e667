import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type Db, queryRows } from '../../platform/db.ts';
import type { LocalizedText } from '../network/network.tables.ts';

/** Everything a message, a calendar file or a convocation says about an appointment. */
export interface AppointmentFacts {
  appointmentId: string;
  reference: string;
  status: string;
  accountId: string;
  requestId: string | null;
  requestReference: string | null;
  consulate: { id: string; code: string; name: LocalizedText; address: string; city: string; timeZone: string };
  department: { id: string; name: LocalizedText };
  service: { id: string; code: string; name: LocalizedText; requiredDocuments: string[] };
  person: {
    id: string;
    givenNameLatin: string;
    familyNameLatin: string;
    givenNameArabic: string | null;
    familyNameArabic: string | null;
  };
  startsAt: string; // UTC ISO
  endsAt: string;
  localDate: string; // in the consulate's zone
  localTime: string;
  utcOffset: string;
}

export async function loadAppointmentFacts(db: Db, appointmentId: string): Promise<AppointmentFacts | undefined> {
  const [row] = await queryRows<{
    id: string;
    reference: string;
    status: string;
    account_id: string;
    request_id: string | null;
    request_reference: string | null;
    starts_at: Date | string;
    ends_at: Date | string;
    consulate_id: string;
    consulate_code: string;
    consulate_name: LocalizedText;
    address: string;
    city: string;
    time_zone: string;
    department_id: string;
    department_name: LocalizedText;
    service_id: string;
    service_code: string;
    service_name: LocalizedText;
    required_documents: string[];
    person_id: string;
    given_name_latin: string;
    family_name_latin: string;
    given_name_arabic: string | null;
    family_name_arabic: string | null;
  }>(
    db,
    sql`SELECT a.id, a.reference, a.status, a.account_id, a.request_id, r.reference AS request_reference,
               a.starts_at, a.starts_at + sv.duration_minutes * interval '1 minute' AS ends_at,
               c.id AS consulate_id, c.code AS consulate_code, c.name AS consulate_name, c.address, c.city, c.time_zone,
               d.id AS department_id, d.name AS department_name,
               sv.id AS service_id, sv.code AS service_code, sv.name AS service_name, sv.required_documents,
               p.id AS person_id, p.given_name_latin, p.family_name_latin, p.given_name_arabic, p.family_name_arabic
        FROM appointments a
        JOIN consulates c ON c.id = a.consulate_id
        JOIN departments d ON d.id = a.department_id
        JOIN services sv ON sv.id = a.service_id
        JOIN persons p ON p.id = a.person_id
        LEFT JOIN requests r ON r.id = a.request_id
        WHERE a.id = ${appointmentId}`,
  );
  if (!row) return undefined;
  const local = DateTime.fromJSDate(new Date(row.starts_at), { zone: row.time_zone });
  return {
    appointmentId: row.id,
    reference: row.reference,
    status: row.status,
    accountId: row.account_id,
    requestId: row.request_id,
    requestReference: row.request_reference,
    consulate: {
      id: row.consulate_id,
      code: row.consulate_code,
      name: row.consulate_name,
      address: row.address,
      city: row.city,
      timeZone: row.time_zone,
    },
    department: { id: row.department_id, name: row.department_name },
    service: {
      id: row.service_id,
      code: row.service_code,
      name: row.service_name,
      requiredDocuments: row.required_documents,
    },
    person: {
      id: row.person_id,
      givenNameLatin: row.given_name_latin,
      familyNameLatin: row.family_name_latin,
      givenNameArabic: row.given_name_arabic,
      familyNameArabic: row.family_name_arabic,
    },
    startsAt: local.toUTC().toISO() as string,
    endsAt: new Date(row.ends_at).toISOString(),
    localDate: local.toISODate() as string,
    localTime: local.toFormat('HH:mm'),
    utcOffset: local.toFormat('ZZ'),
  };
}
