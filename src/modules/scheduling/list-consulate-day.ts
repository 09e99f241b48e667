import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';
import { addDays, startOfLocalDate } from './slot-engine.ts';

/** A consulate's appointments on one local date, optionally only in some departments (an agent's). */
export async function listConsulateDay(
  db: Db,
  input: { consulateId: string; timeZone: string; date: string; departmentIds?: string[] },
): Promise<AppointmentRow[]> {
  const from = startOfLocalDate(input.date, input.timeZone);
  const to = startOfLocalDate(addDays(input.date, 1), input.timeZone);
  if (input.departmentIds && input.departmentIds.length === 0) return [];
  return queryRows<AppointmentRow>(
    db,
    sql`SELECT ${appointmentColumns('a')} FROM appointments a
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
