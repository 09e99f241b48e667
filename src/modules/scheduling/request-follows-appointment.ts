import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import type { AppointmentStatus } from './appointment-status.ts';

type FinalStatus = Exclude<AppointmentStatus, 'booked' | 'checked_in' | 'called'>;

/**
 * The request's side of an appointment that ended, in the caller's transaction (one statement with
 * its audit event). Served: the request is completed. Cancelled or missed: a request a direct
 * booking opened goes with it (withdrawn), a verified request stays accepted and bookable again at
 * its consulate. Not served: the request stays accepted, for a new appointment. A request that
 * stays accepted has its clock restarted, so the expiry of idle requests counts from now.
 * Returns the request's new status (null when the appointment serves no open request).
 */
export async function requestFollowsAppointment(
  tx: Db,
  input: {
    appointmentId: string;
    outcome: FinalStatus;
    now: Date;
    actorAccountId: string | null;
    onBehalfOfAccountId?: string | null;
  },
): Promise<string | null> {
  const { outcome, now } = input;
  const isCancelled =
    outcome === 'cancelled_by_citizen' || outcome === 'cancelled_by_consulate' || outcome === 'no_show';
  const [row] = await queryRows<{ status: string }>(
    tx,
    sql`WITH target AS (
          SELECT r.id, r.status AS before_status,
                 CASE WHEN ${outcome === 'served'} THEN 'completed'
                      WHEN ${isCancelled} AND r.origin = 'direct_booking' THEN 'withdrawn'
                      ELSE r.status END AS after_status
          FROM appointments a JOIN requests r ON r.id = a.request_id
          WHERE a.id = ${input.appointmentId} AND r.status = 'accepted'
          FOR UPDATE OF r
        ), changed AS (
          UPDATE requests r SET status = t.after_status, updated_at = ${now}
          FROM target t WHERE r.id = t.id
          RETURNING r.id, r.consulate_id, r.status, t.before_status
        ), audit AS (
          INSERT INTO audit_events (at, actor_account_id, on_behalf_of_account_id, action, entity_type, entity_id,
                                    consulate_id, reason, before, after)
          SELECT ${now}, ${input.actorAccountId}, ${input.onBehalfOfAccountId ?? null}, 'request.' || c.status,
                 'request', c.id::text, c.consulate_id, ${`appointment_${outcome}`},
                 jsonb_build_object('status', c.before_status),
                 jsonb_build_object('status', c.status, 'appointmentId', ${input.appointmentId}::text)
          FROM changed c WHERE c.status <> c.before_status
        )
        SELECT status FROM changed`,
  );
  return row?.status ?? null;
}
