import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type Db, queryRows } from '../../../platform/db.ts';
import type { AppointmentStatus } from '../../scheduling/index.ts';
import type { LocalizedText } from '../network.tables.ts';

export interface DaySheetLine {
  reference: string;
  status: AppointmentStatus;
  startsAt: Date;
  nameLatin: string;
  nameArabic: string | null;
  service: LocalizedText;
}

export interface DaySheetDepartment {
  id: string;
  kind: string;
  name: LocalizedText;
  lines: DaySheetLine[];
}

/**
 * A consulate's appointments of one local date with the people's names, by department then time:
 * what the printed day list shows. `departmentIds` limits it (an agent's departments, a filter);
 * every department asked for is listed, even without appointments, so a blank page says "none".
 */
export async function listDaySheet(
  db: Db,
  input: { consulateId: string; timeZone: string; date: string; departmentIds?: string[] },
): Promise<DaySheetDepartment[]> {
  const day = DateTime.fromISO(input.date, { zone: input.timeZone }).startOf('day');
  const only = input.departmentIds
    ? sql`AND d.id IN (${sql.join([sql`NULL::uuid`, ...input.departmentIds.map((id) => sql`${id}::uuid`)], sql`, `)})`
    : sql``;
  const departments = await queryRows<{ id: string; kind: string; name: LocalizedText }>(
    db,
    sql`SELECT d.id, d.kind, d.name FROM departments d WHERE d.consulate_id = ${input.consulateId} ${only}
        ORDER BY d.kind`,
  );
  const rows = await queryRows<{
    department_id: string;
    reference: string;
    status: AppointmentStatus;
    starts_at: Date;
    given_name_latin: string;
    family_name_latin: string;
    given_name_arabic: string | null;
    family_name_arabic: string | null;
    service_name: LocalizedText;
  }>(
    db,
    sql`SELECT a.department_id, a.reference, a.status, a.starts_at,
               p.given_name_latin, p.family_name_latin, p.given_name_arabic, p.family_name_arabic,
               s.name AS service_name
        FROM appointments a
        JOIN departments d ON d.id = a.department_id
        JOIN persons p ON p.id = a.person_id
        JOIN services s ON s.id = a.service_id
        WHERE a.consulate_id = ${input.consulateId}
          AND a.starts_at >= ${day.toJSDate()} AND a.starts_at < ${day.plus({ days: 1 }).toJSDate()}
          ${only}
        ORDER BY a.starts_at, a.reference`,
  );
  return departments.map((department) => ({
    ...department,
    lines: rows
      .filter((row) => row.department_id === department.id)
      .map((row) => ({
        reference: row.reference,
        status: row.status,
        startsAt: new Date(row.starts_at),
        nameLatin: `${row.given_name_latin} ${row.family_name_latin}`,
        nameArabic: [row.given_name_arabic, row.family_name_arabic].filter(Boolean).join(' ') || null,
        service: row.service_name,
      })),
  }));
}
