import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';

/** A citizen's appointments and their relatives', the coming ones first, then the past ones. */
export async function listAccountAppointments(db: Db, accountId: string, now: Date): Promise<AppointmentRow[]> {
  return queryRows<AppointmentRow>(
    db,
    sql`SELECT ${appointmentColumns('a')} FROM appointments a
        WHERE a.account_id = ${accountId}
        ORDER BY (a.starts_at < ${now}), CASE WHEN a.starts_at >= ${now} THEN a.starts_at END ASC, a.starts_at DESC
        LIMIT 500`,
  );
}

/** One appointment, if it is in the caller's scope (their account, or a consulate). */
export async function getAppointment(
  db: Db,
  appointmentId: string,
  scope: { accountId?: string; consulateId?: string },
): Promise<AppointmentRow | undefined> {
  const [row] = await queryRows<AppointmentRow>(
    db,
    sql`SELECT ${appointmentColumns('a')} FROM appointments a
        WHERE a.id = ${appointmentId}
          ${scope.accountId ? sql`AND a.account_id = ${scope.accountId}` : sql``}
          ${scope.consulateId ? sql`AND a.consulate_id = ${scope.consulateId}` : sql``}`,
  );
  return row;
}
