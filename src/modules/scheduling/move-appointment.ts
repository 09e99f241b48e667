import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';
import { horizonEnd, loadOffer } from './availability.ts';
import type { Actor } from './book-appointment.ts';
import { explainUnbookableSlot } from './explain-unbookable-slot.ts';
import { freeSeat } from './free-seat.ts';
import { assertBeforeCutoff, lockAppointment } from './load-own-appointment.ts';

/**
 * Moves an appointment to another slot of the same service. In one transaction it takes the new
 * seat first (with the same atomic checks as a booking) and only then frees the old one, so a
 * failed move leaves the person with the appointment they had. The citizen (or the call center for
 * them) moves until the service's cut-off; the consulate (`by: 'consulate'`) may move at any time
 * before check-in, since it moves appointments its own changes stranded. The new time still
 * respects the notice, so the person always hears of it in time.
 */
export async function moveAppointment(
  deps: { db: Db; clock: Clock },
  input: {
    actor: Actor;
    appointmentId: string;
    ownerAccountId: string | null;
    slotId: number;
    by?: 'citizen' | 'consulate';
  },
): Promise<{ appointment: AppointmentRow; previousSlotId: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await lockAppointment(tx, input.appointmentId, input.ownerAccountId);
    // Only an appointment still to come and not yet checked in can move; its status stays 'booked'.
    if (current.status !== 'booked') {
      throw new AppError('APPOINTMENT_TRANSITION_REFUSED', 409, `A ${current.status} appointment cannot move.`);
    }
    if (input.by !== 'consulate') assertBeforeCutoff(current, now);
    if (Number(current.slot_id) === input.slotId) {
      throw new AppError('SAME_SLOT', 409, 'The appointment is already in this slot.');
    }
    const offer = await loadOffer(tx, current.consulate_id, current.service_id);
    const taken = await queryRows<{ id: number; starts_at: Date }>(
      tx,
      sql`UPDATE slots SET booked = booked + 1
          WHERE id = ${input.slotId} AND department_id = ${offer.departmentId}
            AND status = 'open' AND booked < capacity
            AND starts_at >= ${new Date(now.getTime() + offer.minNoticeMinutes * 60_000)}
            AND starts_at < ${horizonEnd(now, offer)}
            -- The person must still be of the service's age on the new date.
            AND EXISTS (SELECT 1 FROM persons p JOIN services s ON s.id = ${current.service_id}
                        WHERE p.id = ${current.person_id}
                          AND (s.min_age_years IS NULL OR p.birth_date + make_interval(years => s.min_age_years)
                                 <= (slots.starts_at AT TIME ZONE ${offer.timeZone})::date)
                          AND (s.max_age_years IS NULL OR p.birth_date + make_interval(years => s.max_age_years + 1)
                                 > (slots.starts_at AT TIME ZONE ${offer.timeZone})::date))
          RETURNING id, starts_at`,
    );
    const seat = taken[0];
    if (!seat) {
      throw await explainUnbookableSlot(tx, {
        slotId: input.slotId,
        personId: current.person_id,
        ownerAccountId: current.account_id,
        offer,
        now,
        purpose: 'move',
      });
    }
    await tx.execute(freeSeat(current.slot_id));
    const [moved] = await queryRows<AppointmentRow>(
      tx,
      sql`WITH moved AS (
            UPDATE appointments SET slot_id = ${seat.id}, starts_at = ${seat.starts_at}, updated_at = ${now}
            WHERE id = ${current.id} RETURNING *
          ), audit AS (
            INSERT INTO audit_events (at, actor_account_id, on_behalf_of_account_id, action, entity_type,
                                      entity_id, consulate_id, reason, before, after)
            SELECT ${now}, ${input.actor.accountId}, ${input.actor.onBehalfOfAccountId ?? null},
                   'appointment.moved', 'appointment', m.id::text, m.consulate_id, ${input.actor.reason ?? null},
                   jsonb_build_object('slotId', ${Number(current.slot_id)}::bigint, 'startsAt', ${new Date(current.starts_at)}::timestamptz),
                   jsonb_build_object('slotId', m.slot_id, 'startsAt', m.starts_at)
            FROM moved m
          )
          SELECT ${appointmentColumns('moved')} FROM moved`,
    );
    await notify(
      tx,
      current.account_id,
      {
        kind: 'appointment.moved',
        payload: { appointmentId: current.id, previousStartsAt: new Date(current.starts_at).toISOString() },
      },
      { now },
    );
    return { appointment: moved as AppointmentRow, previousSlotId: Number(current.slot_id) };
  });
}
