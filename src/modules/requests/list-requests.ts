import { sql } from 'drizzle-orm';
import { type Db, preparedRows, queryRows } from '../../platform/db.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import { activeStatusesSql } from '../scheduling/appointment-status.ts';
import type { RequestStatus } from './request-status.ts';

export interface RequestSummaryRow {
  id: string;
  reference: string;
  status: RequestStatus;
  consulate_id: string;
  consulate_code: string;
  consulate_name: LocalizedText;
  service_id: string;
  service_code: string;
  service_name: LocalizedText;
  requires_verification: boolean;
  department_id: string;
  person_id: string;
  given_name_latin: string;
  family_name_latin: string;
  given_name_arabic: string | null;
  family_name_arabic: string | null;
  submitted_at: Date | null;
  queued_at: Date | null;
  decided_at: Date | null;
  decision_reason_code: string | null;
  decision_note: string | null;
  created_at: Date;
  appointment_id: string | null;
}

export const summaryColumns = sql`r.id, r.reference, r.status, r.consulate_id, c.code AS consulate_code, c.name AS consulate_name,
  r.service_id, sv.code AS service_code, sv.name AS service_name, sv.requires_verification, r.department_id,
  r.person_id, p.given_name_latin, p.family_name_latin, p.given_name_arabic, p.family_name_arabic,
  r.submitted_at, r.queued_at, r.decided_at, r.decision_reason_code, r.decision_note, r.created_at,
  (SELECT a.id FROM appointments a WHERE a.request_id = r.id AND a.status IN ${activeStatusesSql} LIMIT 1) AS appointment_id`;
export const summaryJoins = sql`JOIN consulates c ON c.id = r.consulate_id JOIN services sv ON sv.id = r.service_id
  JOIN persons p ON p.id = r.person_id`;

/** A citizen's requests (theirs and their relatives'), newest first. */
export async function listAccountRequests(db: Db, accountId: string): Promise<RequestSummaryRow[]> {
  return preparedRows<RequestSummaryRow>(
    db,
    'account_requests',
    sql`SELECT ${summaryColumns} FROM requests r ${summaryJoins}
        WHERE r.account_id = ${accountId} ORDER BY r.created_at DESC LIMIT 200`,
  );
}

export async function getRequestSummary(db: Db, requestId: string): Promise<RequestSummaryRow | undefined> {
  const [row] = await queryRows<RequestSummaryRow>(
    db,
    sql`SELECT ${summaryColumns} FROM requests r ${summaryJoins} WHERE r.id = ${requestId}`,
  );
  return row;
}
