import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';
import { addDays, startOfLocalDate } from './slot-engine.ts';

export type DayAppointmentRow = AppointmentRow & {
  given_name_latin: string;
  family_name_latin: string;
  given_name_arabic: string | null;
  family_name_arabic: string | null;
};

/** A consulate's appointments on one local date (with the person's names), optionally only in some departments. */
export async function listConsulateDay(
  db: Db,
  input: { consulateId: string; timeZone: string; date: string; departmentIds?: string[] },
): Promise<DayAppointmentRow[]> {
  const from = startOfLocalDate(input.date, input.timeZone);
  const to = startOfLocalDate(addDays(input.date, 1), input.timeZone);
  if (input.departmentIds && input.departmentIds.length === 0) return [];
  return queryRows<DayAppointmentRow>(
    db,
    sql`SELECT ${appointmentColumns('a')}, p.given_name_latin, p.family_name_latin, p.given_name_arabic,
               p.family_name_arabic
        FROM appointments a JOIN persons p ON p.id = a.person_id
        WHERE a.consulate_id = ${input.consulateId} AND a.starts_at >= ${from} AND a.starts_at < ${to}
          ${
            input.departmentIds
              ? sql`AND a.department_id IN (${sql.join(
                  input.departmentIds.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`
              : sql``
          }
        ORDER BY a.starts_at, a.reference`,
  );
}
