import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';

export const REMINDER_HOURS_BEFORE = 48;

/** One reminder per appointment and start time: a moved appointment gets a new one, a booked one never two. */
export function reminderDedupeKey(appointmentId: string, startsAt: string | Date): string {
  return `reminder:${appointmentId}:${new Date(startsAt).toISOString()}`;
}

/**
 * Queues the reminder of every booked appointment starting within the next 48 hours that has not
 * had one for its current time. Run it every few minutes (the scheduler): it is one statement, and
 * running it twice queues nothing more.
 */
export async function enqueueReminders(deps: { db: Db; clock: Clock }): Promise<{ enqueued: number }> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + REMINDER_HOURS_BEFORE * 3_600_000);
  // The key is built as reminderDedupeKey builds it: ISO 8601 in UTC with milliseconds.
  const rows = await queryRows<{ id: number }>(
    deps.db,
    sql`INSERT INTO outbox_messages (kind, account_id, payload, dedupe_key, available_at, created_at)
        SELECT 'appointment.reminder', a.account_id, jsonb_build_object('appointmentId', a.id),
               'reminder:' || a.id || ':' || to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM appointments a
        WHERE a.status = 'booked'
          AND a.starts_at > ${now.toISOString()}::timestamptz
          AND a.starts_at <= ${until.toISOString()}::timestamptz
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id`,
  );
  return { enqueued: rows.length };
}
