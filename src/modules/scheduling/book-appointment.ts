import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { newAppointmentReference } from './appointment-reference.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';
import { explainUnbookableSlot } from './explain-unbookable-slot.ts';
import { loadOffer } from './availability.ts';

export interface Actor {
  accountId: string;
  // Set when a call-center agent acts for a citizen: the citizen's account, and the stated reason.
  onBehalfOfAccountId?: string;
  reason?: string;
}

/**
 * Books a slot for a person. Capacity, notice, horizon, the slot's department and the person's
 * ownership are all checked by one SQL statement that takes the seat, inserts the appointment and
 * writes its audit event together: concurrent attempts serialize on the slot row and none can
 * overbook. A person's second active appointment for the same service and consulate is refused by
 * the unique partial index appointments_one_active_per_person_service.
 */
export async function bookAppointment(
  deps: { db: Db; clock: Clock },
  input: { actor: Actor; ownerAccountId: string; personId: string; consulateId: string; serviceId: string; slotId: number },
): Promise<AppointmentRow> {
  const { db, clock } = deps;
  const offer = await loadOffer(db, input.consulateId, input.serviceId);
  const now = clock.now();
  for (let attempt = 0; ; attempt++) {
    const reference = newAppointmentReference(offer.consulateCode);
    try {
      const [row] = await queryRows<AppointmentRow>(
        db,
        sql`
        WITH offer AS (
          SELECT cs.department_id, cs.min_notice_minutes, cs.horizon_days, c.time_zone
          FROM consulate_services cs JOIN consulates c ON c.id = cs.consulate_id
          WHERE cs.consulate_id = ${input.consulateId} AND cs.service_id = ${input.serviceId} AND cs.is_enabled
        ), person AS (
          SELECT id FROM persons WHERE id = ${input.personId} AND account_id = ${input.ownerAccountId}
        ), seat AS (
          UPDATE slots SET booked = slots.booked + 1
          FROM offer
          WHERE slots.id = ${input.slotId}
            AND slots.department_id = offer.department_id
            AND slots.status = 'open'
            AND slots.booked < slots.capacity
            AND slots.starts_at >= ${now}::timestamptz + offer.min_notice_minutes * interval '1 minute'
            AND slots.starts_at < ((date_trunc('day', ${now}::timestamptz AT TIME ZONE offer.time_zone)
                 + (offer.horizon_days + 1) * interval '1 day') AT TIME ZONE offer.time_zone)
            AND EXISTS (SELECT 1 FROM person)
          RETURNING slots.id, slots.starts_at, slots.department_id
        ), appointment AS (
          INSERT INTO appointments (reference, slot_id, consulate_id, department_id, service_id,
                                    person_id, account_id, starts_at, created_at, updated_at)
          SELECT ${reference}, seat.id, ${input.consulateId}, seat.department_id, ${input.serviceId},
                 ${input.personId}, ${input.ownerAccountId}, seat.starts_at, ${now}, ${now}
          FROM seat
          RETURNING *
        ), audit AS (
          INSERT INTO audit_events (at, actor_account_id, on_behalf_of_account_id, action, entity_type,
                                    entity_id, consulate_id, reason, after)
          SELECT ${now}, ${input.actor.accountId}, ${input.actor.onBehalfOfAccountId ?? null},
                 'appointment.booked', 'appointment', a.id::text, a.consulate_id, ${input.actor.reason ?? null},
                 jsonb_build_object('reference', a.reference, 'slotId', a.slot_id, 'startsAt', a.starts_at,
                                    'personId', a.person_id, 'serviceId', a.service_id, 'status', a.status)
          FROM appointment a
        )
        SELECT ${appointmentColumns('appointment')} FROM appointment`,
      );
      if (row) return row;
    } catch (error) {
      if (isUniqueViolation(error, 'appointments_one_active_per_person_service')) {
        throw new AppError(
          'ACTIVE_APPOINTMENT_EXISTS',
          409,
          'This person already holds an active appointment for this service at this consulate.',
        );
      }
      // A reference collision is astronomically rare; draw another.
      if (isUniqueViolation(error, 'appointments_reference_key') && attempt < 3) continue;
      throw error;
    }
    throw await explainUnbookableSlot(db, { ...input, offer, now });
  }
}
