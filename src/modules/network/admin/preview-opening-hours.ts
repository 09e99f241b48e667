import { sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { DateTime } from 'luxon';
import type { Clock } from '../../../platform/clock.ts';
import { type Db, queryRows } from '../../../platform/db.ts';
import { listSlotConflicts, type SlotConflict } from '../../scheduling/index.ts';
import { departmentOfConsulate, type HoursInput, setOpeningHours } from './calendar-admin.ts';

export interface PreviewTime {
  time: string;
  startsAt: string;
  endsAt: string;
  utcOffset: string;
  capacity: number;
  booked: number;
}

export interface HoursPreview {
  departmentId: string;
  timeZone: string;
  fromDate: string;
  toDate: string;
  days: { date: string; times: PreviewTime[] }[];
  conflicts: (SlotConflict & { isNew: boolean })[];
  resolved: SlotConflict[];
}

/**
 * What replacing a department's weekly hours would do, changing nothing: the slots of the next
 * `days` local days (from today) with their capacity, the appointments the hours would strand, and
 * the conflicts they would resolve.
 *
 * It runs the real change (setOpeningHours, the same code as the PUT) in a transaction and rolls it
 * back, rather than recomputing slots and conflicts apart: the preview then cannot drift from what
 * the change does (closures, daylight saving, capacity kept for bookings, the horizon). The price is
 * that the transaction holds the department's hours and the slots it touched for the few
 * milliseconds it lasts, and spends sequence numbers; nothing it wrote is ever seen by anyone else.
 */
export async function previewOpeningHours(
  deps: { db: Db; clock: Clock },
  input: { actorAccountId: string; consulateId: string; departmentId: string; hours: HoursInput[]; days: number },
): Promise<HoursPreview> {
  const now = deps.clock.now();
  let preview: HoursPreview | undefined;
  try {
    await deps.db.transaction(async (tx) => {
      await departmentOfConsulate(tx, input.consulateId, input.departmentId);
      const [zone] = await queryRows<{ time_zone: string }>(
        tx,
        sql`SELECT time_zone FROM consulates WHERE id = ${input.consulateId}`,
      );
      const timeZone = zone!.time_zone;
      const before = await listSlotConflicts(tx, { departmentId: input.departmentId, from: now });
      const change = await setOpeningHours({ db: tx, clock: deps.clock }, input);
      const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
      const end = today.plus({ days: input.days });
      const rows = await queryRows<{ starts_at: Date; ends_at: Date; planned_capacity: number; booked: number }>(
        tx,
        sql`SELECT starts_at, ends_at, planned_capacity, booked FROM slots
            WHERE department_id = ${input.departmentId} AND status = 'open'
              AND starts_at > ${now} AND starts_at < ${end.toJSDate()}
            ORDER BY starts_at`,
      );
      const after = new Set(change.conflicts.map((c) => c.slotId));
      const earlier = new Map(before.map((c) => [c.slotId, c]));
      preview = {
        departmentId: input.departmentId,
        timeZone,
        fromDate: today.toISODate() as string,
        toDate: end.minus({ days: 1 }).toISODate() as string,
        days: byLocalDate(rows, timeZone),
        conflicts: change.conflicts.map((c) => ({ ...c, isNew: !isSameConflict(earlier.get(c.slotId), c) })),
        resolved: before.filter((c) => !after.has(c.slotId)),
      };
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError) || !preview) throw error;
  }
  return preview as HoursPreview;
}

/** A conflict already listed before the change, for the same reason and appointments, is not new. */
function isSameConflict(before: SlotConflict | undefined, after: SlotConflict): boolean {
  return (
    before !== undefined &&
    before.reason === after.reason &&
    before.appointmentIds.length === after.appointmentIds.length &&
    before.appointmentIds.every((id) => after.appointmentIds.includes(id))
  );
}

function byLocalDate(
  rows: { starts_at: Date; ends_at: Date; planned_capacity: number; booked: number }[],
  timeZone: string,
): HoursPreview['days'] {
  const days = new Map<string, PreviewTime[]>();
  for (const row of rows) {
    const local = DateTime.fromJSDate(new Date(row.starts_at), { zone: timeZone });
    const date = local.toISODate() as string;
    const times = days.get(date) ?? [];
    times.push({
      time: local.toFormat('HH:mm'),
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      utcOffset: local.toFormat('ZZ'),
      // What the proposed hours give the slot; `booked` may exceed it (the kept appointments).
      capacity: row.planned_capacity,
      booked: row.booked,
    });
    days.set(date, times);
  }
  return [...days].map(([date, times]) => ({ date, times }));
}
