import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { closures, consulateServices, consulates, departments, openingHours } from '../network/network.tables.ts';
import { activeStatusesSql } from './appointment-status.ts';
import { addDays, closedDatesBetween, generateSlots, localDateOf, startOfLocalDate } from './slot-engine.ts';

export interface SlotConflict {
  slotId: number;
  startsAt: string;
  reason: 'withdrawn' | 'over_capacity';
  booked: number;
  plannedCapacity: number;
  appointmentIds: string[];
}

export interface MaterializeResult {
  departmentId: string;
  fromDate: string;
  toDate: string;
  generated: number;
  conflicts: SlotConflict[];
}

/**
 * Brings a department's slots in line with its opening hours and closures, from today to the
 * longest booking horizon of its services. Idempotent: a second run changes nothing. Past slots are
 * never touched. A slot that the hours no longer produce is withdrawn, not deleted, and a slot whose
 * capacity falls below its bookings keeps room for them: the appointments stay, listed as conflicts
 * for the consulate admin to resolve with the people concerned.
 */
export async function materializeSlots(
  deps: { db: Db; clock: Clock },
  departmentId: string,
): Promise<MaterializeResult> {
  const { db, clock } = deps;
  const [department] = await db
    .select({
      consulateId: departments.consulateId,
      timeZone: consulates.timeZone,
      country: consulates.country,
      horizonDays: sql<number | null>`(SELECT max(${consulateServices.horizonDays}) FROM ${consulateServices}
        WHERE ${consulateServices.departmentId} = ${departments.id} AND ${consulateServices.isEnabled})`,
    })
    .from(departments)
    .innerJoin(consulates, eq(consulates.id, departments.consulateId))
    .where(eq(departments.id, departmentId));
  if (!department) throw notFound('Department', 'DEPARTMENT_NOT_FOUND');

  const fromDate = localDateOf(clock.now(), department.timeZone);
  const toDate = addDays(fromDate, department.horizonDays ?? 0);
  const rules = await db
    .select({
      weekday: openingHours.weekday,
      opensAt: openingHours.opensAt,
      closesAt: openingHours.closesAt,
      slotMinutes: openingHours.slotMinutes,
      capacity: openingHours.capacity,
      validFrom: openingHours.validFrom,
      validTo: openingHours.validTo,
    })
    .from(openingHours)
    .where(eq(openingHours.departmentId, departmentId));
  const closureRows = await db
    .select({ date: closures.date, recurringMonth: closures.recurringMonth, recurringDay: closures.recurringDay })
    .from(closures)
    .where(
      and(
        // A holiday proposed from a calendar library applies only once headquarters approved it.
        eq(closures.status, 'active'),
        or(
          eq(closures.scope, 'national'),
          and(eq(closures.scope, 'host_country'), eq(closures.country, department.country)),
          and(
            eq(closures.consulateId, department.consulateId),
            or(isNull(closures.departmentId), eq(closures.departmentId, departmentId)),
          ),
        ),
      ),
    );

  const generated =
    department.horizonDays === null
      ? []
      : generateSlots({
          timeZone: department.timeZone,
          rules,
          closedDates: closedDatesBetween(closureRows, fromDate, toDate),
          fromDate,
          toDate,
        });
  const now = clock.now();
  const future = generated.filter((slot) => slot.startsAt > now);
  const payload = JSON.stringify(
    future.map((s) => ({ s: s.startsAt.toISOString(), e: s.endsAt.toISOString(), c: s.capacity })),
  );
  const rangeStart = now;
  const rangeEnd = startOfLocalDate(addDays(toDate, 1), department.timeZone);

  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO slots (department_id, starts_at, ends_at, capacity, planned_capacity)
      SELECT ${departmentId}::uuid, g.s, g.e, g.c, g.c
      FROM json_to_recordset(${payload}::json) AS g(s timestamptz, e timestamptz, c smallint)
      ON CONFLICT (department_id, starts_at) DO UPDATE
        SET ends_at = EXCLUDED.ends_at,
            planned_capacity = EXCLUDED.planned_capacity,
            capacity = GREATEST(EXCLUDED.planned_capacity, slots.booked),
            status = 'open'
        WHERE (slots.ends_at, slots.planned_capacity, slots.capacity, slots.status)
          IS DISTINCT FROM (EXCLUDED.ends_at, EXCLUDED.planned_capacity,
                            GREATEST(EXCLUDED.planned_capacity, slots.booked), 'open')`);
    await tx.execute(sql`
      UPDATE slots SET status = 'withdrawn', planned_capacity = 0
      WHERE department_id = ${departmentId}
        AND starts_at > ${rangeStart} AND starts_at < ${rangeEnd}
        AND status = 'open'
        AND starts_at NOT IN (
          SELECT g.s FROM json_to_recordset(${payload}::json) AS g(s timestamptz))`);
  });

  return {
    departmentId,
    fromDate,
    toDate,
    generated: future.length,
    conflicts: await listSlotConflicts(db, { departmentId, from: now }),
  };
}

/** Slots holding appointments that the current hours, capacity or closures no longer allow. */
export async function listSlotConflicts(
  db: Db,
  scope: { departmentId?: string; consulateId?: string; from: Date },
): Promise<SlotConflict[]> {
  const rows = await queryRows<{
    slot_id: number;
    starts_at: Date;
    status: string;
    booked: number;
    planned_capacity: number;
    appointment_ids: string[];
  }>(
    db,
    sql`
    SELECT s.id AS slot_id, s.starts_at, s.status, s.booked, s.planned_capacity,
           array_agg(a.id::text ORDER BY a.created_at) AS appointment_ids
    FROM slots s
    JOIN departments d ON d.id = s.department_id
    JOIN appointments a ON a.slot_id = s.id AND a.status IN ${activeStatusesSql}
    WHERE s.starts_at >= ${scope.from}
      AND s.booked > 0
      AND (s.status = 'withdrawn' OR s.booked > s.planned_capacity)
      ${scope.departmentId ? sql`AND s.department_id = ${scope.departmentId}` : sql``}
      ${scope.consulateId ? sql`AND d.consulate_id = ${scope.consulateId}` : sql``}
    GROUP BY s.id
    ORDER BY s.starts_at`,
  );
  return rows.map((row) => ({
    slotId: Number(row.slot_id),
    startsAt: new Date(row.starts_at).toISOString(),
    reason: row.status === 'withdrawn' ? 'withdrawn' : 'over_capacity',
    booked: row.booked,
    plannedCapacity: row.planned_capacity,
    appointmentIds: row.appointment_ids,
  }));
}

/** Extends every department's calendar (the daily job, and the first start). */
export async function materializeAllSlots(deps: { db: Db; clock: Clock }): Promise<number> {
  const all = await deps.db.select({ id: departments.id }).from(departments);
  let generated = 0;
  for (const { id } of all) generated += (await materializeSlots(deps, id)).generated;
  return generated;
}
