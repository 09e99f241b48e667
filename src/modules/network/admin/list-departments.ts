import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { departments, openingHours } from '../network.tables.ts';

/** A consulate's departments, each with its weekly opening hours (wall times as HH:MM). */
export async function listDepartments(db: Db, consulateId: string) {
  const rows = await db
    .select()
    .from(departments)
    .where(eq(departments.consulateId, consulateId))
    .orderBy(asc(departments.kind));
  const hours = rows.length
    ? await db
        .select()
        .from(openingHours)
        .where(
          inArray(
            openingHours.departmentId,
            rows.map((d) => d.id),
          ),
        )
        .orderBy(asc(openingHours.weekday), asc(openingHours.opensAt))
    : [];
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    name: d.name,
    ticketPrefix: d.ticketPrefix,
    hours: hours
      .filter((h) => h.departmentId === d.id)
      .map(({ id: _id, departmentId: _d, ...h }) => ({
        ...h,
        opensAt: h.opensAt.slice(0, 5),
        closesAt: h.closesAt.slice(0, 5),
      })),
  }));
}
