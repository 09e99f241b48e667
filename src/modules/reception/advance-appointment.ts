import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import {
  type AppointmentRow,
  type AppointmentStatus,
  appointmentColumns,
  assertTransition,
  type NotServedReason,
  requestFollowsAppointment,
} from '../scheduling/index.ts';
import { servesDepartment } from './reception.policy.ts';

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
 * absent), in one transaction with its audit event and its request's change: serving completes the
 * request, not serving sends it back for a new appointment. The appointment row is locked and the
 * transition table decides; an agent acts only in their departments (another's answers 404).
 * A service with a fee is served only once its stamp was consumed (the counter consumes it first).
 */
export async function advanceAppointment(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; appointmentId: string; step: CounterStep },
): Promise<AppointmentRow> {
  const { principal, consulateId, step } = input;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [current] = await queryRows<{
      id: string;
      status: AppointmentStatus;
      department_id: string;
      request_id: string | null;
      fee_minor: number | string;
      is_fee_settled: boolean;
    }>(
      tx,
      sql`SELECT a.id, a.status, a.department_id, a.request_id, cs.fee_minor,
                 EXISTS (SELECT 1 FROM stamps st WHERE st.request_id = a.request_id AND st.status = 'consumed')
                   AS is_fee_settled
          FROM appointments a
          JOIN consulate_services cs ON cs.consulate_id = a.consulate_id AND cs.service_id = a.service_id
          WHERE a.id = ${input.appointmentId} AND a.consulate_id = ${consulateId}
          FOR UPDATE OF a`,
    );
    if (!current || !servesDepartment(principal, current.department_id)) {
      throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment at this consulate in your scope.');
    }
    assertTransition(current.status, step.to);
    if (step.to === 'served' && Number(current.fee_minor) > 0 && !current.is_fee_settled) {
      throw new AppError(
        'FEE_NOT_SETTLED',
        409,
        'This service has a fee: consume the person’s stamp (or take the payment at the counter) before serving.',
      );
    }
    const reason = step.to === 'not_served' ? step.reason : null;
    const note = step.to === 'not_served' ? (step.note ?? null) : null;
    const [row] = await queryRows<AppointmentRow>(
      tx,
      sql`UPDATE appointments a SET status = ${step.to}, updated_at = ${now},
            called_at = CASE WHEN ${step.to === 'called'} THEN ${now}::timestamptz ELSE a.called_at END,
            ended_at = CASE WHEN ${isFinal(step.to)} THEN ${now}::timestamptz ELSE a.ended_at END,
            ended_by = CASE WHEN ${isFinal(step.to)} THEN ${principal.accountId}::uuid ELSE a.ended_by END,
            not_served_reason = ${reason}, not_served_note = ${note}
          WHERE a.id = ${current.id} AND a.status = ${current.status}
          RETURNING ${appointmentColumns('a')}`,
    );
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: `appointment.${step.to}`,
      entityType: 'appointment',
      entityId: current.id,
      consulateId,
      reason,
      before: { status: current.status },
      after: { status: step.to, ...(note ? { note } : {}) },
      at: now,
    });
    if (step.to === 'served' || step.to === 'not_served' || step.to === 'no_show') {
      await requestFollowsAppointment(tx, {
        appointmentId: current.id,
        outcome: step.to,
        now,
        actorAccountId: principal.accountId,
      });
    }
    const holderAccountId = (row as AppointmentRow).account_id;
    if (step.to === 'not_served') {
      await notify(
        tx,
        holderAccountId,
        { kind: 'appointment.not_served', payload: { appointmentId: current.id, reason: step.reason } },
        { now, dedupeKey: `appointment.not_served:${current.id}` },
      );
    }
    if (step.to === 'no_show') {
      await notify(
        tx,
        holderAccountId,
        { kind: 'appointment.no_show', payload: { appointmentId: current.id } },
        { now, dedupeKey: `appointment.no_show:${current.id}` },
      );
    }
    return row as AppointmentRow;
  });
}
