import { sql } from 'drizzle-orm';
import { type Db, preparedRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import {
  type AppointmentRow,
  type AppointmentStatus,
  appointmentColumns,
  assertTransition,
  leadingToSql,
  type NotServedReason,
  requestFollowsAppointment,
} from '../scheduling/index.ts';

/** What happens to a checked-in person at the counter. */
export type CounterStep =
  | { to: 'called' }
  // Back to the waiting room: recalled later, or sent to another department.
  | { to: 'checked_in' }
  | { to: 'served' }
  | { to: 'not_served'; reason: Exclude<NotServedReason, 'day_closed'>; note?: string }
  // Called several times and never came: a no-show.
  | { to: 'no_show' };

const isFinal = (to: AppointmentStatus) => to === 'served' || to === 'not_served' || to === 'no_show';

/**
 * Moves an appointment along the counter's steps (called, served, not served, back to waiting,
 * absent) in the caller's transaction, with its audit event and its request's change: serving
 * completes the request, not serving sends it back for a new appointment. The appointment row is
 * locked and the transition table decides. The caller moves the person's ticket in the same
 * transaction and has checked that ticket is in the agent's scope (a ticket transferred to another
 * department is served there). A service with a fee is served only once its stamp was consumed
 * (the counter consumes it first).
 */
export async function advanceAppointment(
  tx: Db,
  input: { actorAccountId: string; consulateId: string; appointmentId: string; step: CounterStep; now: Date },
): Promise<AppointmentRow> {
  const { actorAccountId, consulateId, step, now } = input;
  const reason = step.to === 'not_served' ? step.reason : null;
  const note = step.to === 'not_served' ? (step.note ?? null) : null;
  // One statement, prepared once per connection and step (every call at a counter runs it): lock
  // the appointment, change it only from a status the table allows (and, to serve, with the fee
  // settled), and write the audit event. No change: the locked row says why.
  // An appointment row when it changed; only current_status (and null columns) when it did not.
  const [row] = await preparedRows<AppointmentRow & { current_status: AppointmentStatus }>(
    tx,
    `advance_appointment_${step.to}`,
    sql`WITH locked AS (
          SELECT a.id, a.status, cs.fee_minor,
                 EXISTS (SELECT 1 FROM stamps st WHERE st.request_id = a.request_id AND st.status = 'consumed')
                   AS is_fee_settled
          FROM appointments a
          JOIN consulate_services cs ON cs.consulate_id = a.consulate_id AND cs.service_id = a.service_id
          WHERE a.id = ${input.appointmentId} AND a.consulate_id = ${consulateId}
          FOR UPDATE OF a
        ), changed AS (
          UPDATE appointments a SET status = ${step.to}, updated_at = ${now},
            called_at = CASE WHEN ${step.to === 'called'} THEN ${now}::timestamptz ELSE a.called_at END,
            ended_at = CASE WHEN ${isFinal(step.to)} THEN ${now}::timestamptz ELSE a.ended_at END,
            ended_by = CASE WHEN ${isFinal(step.to)} THEN ${actorAccountId}::uuid ELSE a.ended_by END,
            not_served_reason = ${reason}, not_served_note = ${note}
          FROM locked c
          WHERE a.id = c.id AND c.status IN ${leadingToSql(step.to)}
            AND (${step.to !== 'served'} OR c.fee_minor = 0 OR c.is_fee_settled)
          RETURNING a.*, c.status AS before_status
        ), audit AS (
          INSERT INTO audit_events (at, actor_account_id, action, entity_type, entity_id, consulate_id, reason, before, after)
          SELECT ${now}::timestamptz, ${actorAccountId}::uuid, 'appointment.' || ch.status, 'appointment', ch.id::text,
                 ch.consulate_id, ${reason}::text, jsonb_build_object('status', ch.before_status),
                 jsonb_strip_nulls(jsonb_build_object('status', ch.status, 'note', ${note}::text))
          FROM changed ch
        )
        SELECT cur.status AS current_status, ${appointmentColumns('ch')}
        FROM locked cur LEFT JOIN changed ch ON true`,
  );
  if (!row) {
    throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment at this consulate in your scope.');
  }
  if (!row.id) {
    assertTransition(row.current_status, step.to);
    throw new AppError(
      'FEE_NOT_SETTLED',
      409,
      'This service has a fee: consume the person’s stamp (or take the payment at the counter) before serving.',
    );
  }
  if (step.to === 'served' || step.to === 'not_served' || step.to === 'no_show') {
    await requestFollowsAppointment(tx, { appointmentId: row.id, outcome: step.to, now, actorAccountId });
  }
  const holderAccountId = row.account_id;
  if (step.to === 'not_served') {
    await notify(
      tx,
      holderAccountId,
      { kind: 'appointment.not_served', payload: { appointmentId: row.id, reason: step.reason } },
      { now, dedupeKey: `appointment.not_served:${row.id}` },
    );
  }
  if (step.to === 'no_show') {
    await notify(
      tx,
      holderAccountId,
      { kind: 'appointment.no_show', payload: { appointmentId: row.id } },
      { now, dedupeKey: `appointment.no_show:${row.id}` },
    );
  }
  return row;
}
