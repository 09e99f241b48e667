import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { notify } from '../notifications/notify.ts';
import { requestFollowsAppointment } from '../scheduling/index.ts';

const DEFAULT_BATCH = 500;

/**
 * Ends what a day left open at the counter: a person checked in (or called) whose consulate's
 * local day is over and who was never served becomes `not_served` with the reason `day_closed`,
 * and their request goes back for a new appointment. It runs often but acts only on days already
 * ended in each consulate's own zone, so it is the "nightly" job of every time zone. Each batch is
 * one transaction (status, audit event with no actor, request, notification); rows an agent holds
 * at that moment are skipped and taken at the next run. Idempotent. Returns how many it closed.
 */
export async function closeOpenDays(deps: { db: Db; clock: Clock; batchSize?: number }): Promise<number> {
  const now = deps.clock.now();
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  let total = 0;
  for (;;) {
    const closed = await deps.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; account_id: string; consulate_id: string; status: string }>(
        tx,
        sql`WITH open_ones AS (
              SELECT a.id, a.status FROM appointments a JOIN consulates c ON c.id = a.consulate_id
              WHERE a.status IN ('checked_in', 'called')
                AND a.starts_at < ${now}
                AND (a.starts_at AT TIME ZONE c.time_zone)::date < (${now}::timestamptz AT TIME ZONE c.time_zone)::date
              ORDER BY a.starts_at
              LIMIT ${batchSize}
              FOR UPDATE OF a SKIP LOCKED
            )
            UPDATE appointments a SET status = 'not_served', not_served_reason = 'day_closed',
                   updated_at = ${now}, ended_at = ${now}
            FROM open_ones o WHERE a.id = o.id AND a.status = o.status
            RETURNING a.id, a.account_id, a.consulate_id, o.status`,
      );
      for (const row of rows) {
        await recordAudit(tx, {
          actorAccountId: null,
          action: 'appointment.not_served',
          entityType: 'appointment',
          entityId: row.id,
          consulateId: row.consulate_id,
          reason: 'day_closed',
          before: { status: row.status },
          after: { status: 'not_served', notServedReason: 'day_closed' },
          at: now,
        });
        await requestFollowsAppointment(tx, {
          appointmentId: row.id,
          outcome: 'not_served',
          now,
          actorAccountId: null,
        });
        await notify(
          tx,
          row.account_id,
          { kind: 'appointment.not_served', payload: { appointmentId: row.id, reason: 'day_closed' } },
          { now, dedupeKey: `appointment.not_served:${row.id}` },
        );
      }
      return rows.length;
    });
    total += closed;
    if (closed < batchSize) return total;
  }
}
