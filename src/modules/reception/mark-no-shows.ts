import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { notify } from '../notifications/notify.ts';
import { requestFollowsAppointment } from '../scheduling/index.ts';

const DEFAULT_BATCH = 500;

/**
 * Turns booked appointments not checked in `graceMinutes` after their time into no-shows. Each
 * batch is one transaction: the status change, one audit event per appointment (no actor: the
 * system) and the notification to the citizen commit together. Idempotent: a second run finds
 * nothing left to mark. Returns how many appointments it marked.
 *
 * The seat is not given back (slots.booked is left as is): the slot is in the past, so a free
 * seat could never be booked, and the count of seats taken is what a day's statistics read.
 * Batches skip rows another transaction holds (an agent checking the person in at that moment),
 * so the job never waits on the counter, and two workers never mark the same appointment.
 */
export async function markNoShows(deps: {
  db: Db;
  clock: Clock;
  graceMinutes: number;
  batchSize?: number;
}): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.graceMinutes * 60_000);
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  let total = 0;
  for (;;) {
    const marked = await deps.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; account_id: string; consulate_id: string; starts_at: Date | string }>(
        tx,
        sql`UPDATE appointments SET status = 'no_show', updated_at = ${now}, ended_at = ${now}
            WHERE id IN (
              SELECT id FROM appointments
              WHERE status = 'booked' AND starts_at < ${cutoff}
              ORDER BY starts_at
              LIMIT ${batchSize}
              FOR UPDATE SKIP LOCKED
            ) AND status = 'booked'
            RETURNING id, account_id, consulate_id, starts_at`,
      );
      for (const row of rows) {
        await recordAudit(tx, {
          actorAccountId: null,
          action: 'appointment.no_show',
          entityType: 'appointment',
          entityId: row.id,
          consulateId: row.consulate_id,
          before: { status: 'booked' },
          after: {
            status: 'no_show',
            startsAt: new Date(row.starts_at).toISOString(),
            graceMinutes: deps.graceMinutes,
          },
          at: now,
        });
        await requestFollowsAppointment(tx, {
          appointmentId: row.id,
          outcome: 'no_show',
          now,
          actorAccountId: null,
        });
        await notify(
          tx,
          row.account_id,
          { kind: 'appointment.no_show', payload: { appointmentId: row.id } },
          { now, dedupeKey: `appointment.no_show:${row.id}` },
        );
      }
      return rows.length;
    });
    total += marked;
    if (marked < batchSize) return total;
  }
}

/** How many appointments a person missed: their record, shown to staff and weighed by future rules. */
export async function countNoShows(db: Db, personId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM appointments WHERE person_id = ${personId} AND status = 'no_show'`,
  );
  return row?.n ?? 0;
}
