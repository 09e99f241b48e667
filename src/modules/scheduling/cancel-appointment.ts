import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { notify } from '../notifications/notify.ts';
import { type AppointmentStatus, assertTransition } from './appointment-status.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';
import type { Actor } from './book-appointment.ts';
import { freeSeat } from './free-seat.ts';
import { assertBeforeCutoff, lockAppointment } from './load-own-appointment.ts';
import { requestFollowsAppointment } from './request-follows-appointment.ts';

/**
 * Cancels an appointment and gives its seat back, in one transaction with its audit event and its
 * request's change. A citizen cancels until the cut-off; the consulate may cancel at any time
 * before the person is checked in. The reason (the citizen's optional words, the consulate's or the
 * call center's mandatory one) is kept in the audit event.
 */
export async function cancelAppointment(
  deps: { db: Db; clock: Clock },
  input: {
    actor: Actor;
    appointmentId: string;
    ownerAccountId: string | null;
    by: Extract<AppointmentStatus, 'cancelled_by_citizen' | 'cancelled_by_consulate'>;
  },
): Promise<AppointmentRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await lockAppointment(tx, input.appointmentId, input.ownerAccountId);
    assertTransition(current.status, input.by);
    if (input.by === 'cancelled_by_citizen') assertBeforeCutoff(current, now);
    await tx.execute(freeSeat(current.slot_id));
    const [cancelled] = await queryRows<AppointmentRow>(
      tx,
      sql`WITH cancelled AS (
            UPDATE appointments SET status = ${input.by}, updated_at = ${now}, ended_at = ${now},
                                    ended_by = ${input.actor.accountId}
            WHERE id = ${current.id} RETURNING *
          ), audit AS (
            INSERT INTO audit_events (at, actor_account_id, on_behalf_of_account_id, action, entity_type,
                                      entity_id, consulate_id, reason, before, after)
            SELECT ${now}, ${input.actor.accountId}, ${input.actor.onBehalfOfAccountId ?? null},
                   'appointment.cancelled', 'appointment', c.id::text, c.consulate_id, ${input.actor.reason ?? null},
                   jsonb_build_object('status', ${current.status}::text),
                   jsonb_build_object('status', c.status)
            FROM cancelled c
          )
          SELECT ${appointmentColumns('cancelled')} FROM cancelled`,
    );
    // A request opened by a direct booking is withdrawn with its appointment; a verified one stays
    // accepted, bookable again.
    await requestFollowsAppointment(tx, {
      appointmentId: current.id,
      outcome: input.by,
      now,
      actorAccountId: input.actor.accountId,
      onBehalfOfAccountId: input.actor.onBehalfOfAccountId,
    });
    await notify(
      tx,
      current.account_id,
      {
        kind: 'appointment.cancelled',
        payload: {
          appointmentId: current.id,
          byConsulate: input.by === 'cancelled_by_consulate',
          reason: input.by === 'cancelled_by_consulate' ? (input.actor.reason ?? null) : null,
        },
      },
      { now },
    );
    return cancelled as AppointmentRow;
  });
}
