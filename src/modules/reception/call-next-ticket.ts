import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, preparedRows, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { advanceAppointment } from './advance-appointment.ts';
import { calledAtCounter } from './called-at-counter.ts';
import { publishFloorEvent } from './floor-events.ts';
import { lockCounter } from './lock-counter.ts';
import { type TicketRow, ticketColumns } from './ticket-view.ts';

/**
 * The agent at a counter calls the next person: one statement picks the next waiting ticket of
 * the counter's department today (only the counter's services when it lists some) and marks it
 * called there. Order: a priority (elderly, disabled, pregnant) first; then appointments by their
 * time; then walk-ins by arrival. SKIP LOCKED lets counters calling at once each take a different
 * ticket without waiting for one another, and the `status = 'waiting'` guard makes a ticket called
 * once whatever interleaves; the same statement writes the call's audit event. The counter row is
 * locked first (a statement of its own: the pick's snapshot is taken after the lock), so two calls
 * at the same counter run one after the other and the second sees the first's ticket: a counter
 * calls one person at a time. In the same transaction the appointment becomes `called`
 * (advanceAppointment, audited too) and the call is published to the waiting-room screens.
 */
export async function callNextTicket(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; counterId: string },
): Promise<TicketRow> {
  const { principal, consulateId } = input;
  const me = principal.accountId;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, { ...input, now });
    if (counter.agent_id !== me) {
      throw new AppError(
        'COUNTER_NOT_YOURS',
        409,
        'Open this counter first: you call only from the counter you are at.',
      );
    }
    const atThisCounter = calledAtCounter('busy', { id: counter.id, departmentId: counter.department_id }, now);
    // Prepared once per connection: planning this statement costs more than running it.
    const [ticket] = await preparedRows<TicketRow>(
      tx,
      'call_next_ticket',
      sql`WITH next AS (
            SELECT t.id FROM tickets t
            LEFT JOIN appointments a ON a.id = t.appointment_id
            WHERE t.department_id = ${counter.department_id} AND t.local_date = ${counter.local_date}
              AND t.status = 'waiting'
              AND NOT EXISTS (SELECT 1 FROM tickets busy WHERE ${atThisCounter})
              AND (NOT EXISTS (SELECT 1 FROM counter_services cs WHERE cs.counter_id = ${counter.id})
                   OR t.service_id IN (SELECT cs.service_id FROM counter_services cs WHERE cs.counter_id = ${counter.id}))
              -- A ticket whose appointment is no longer waiting would fail every call: never pick it.
              AND (t.appointment_id IS NULL OR a.status = 'checked_in')
            ORDER BY (t.priority IS NULL), t.is_walk_in, t.queued_at, t.number
            LIMIT 1
            FOR UPDATE OF t SKIP LOCKED
          ), called AS (
            UPDATE tickets t SET status = 'called', counter_id = ${counter.id}, call_count = 1,
                   called_at = ${now}, called_by = ${me}
            FROM next WHERE t.id = next.id AND t.status = 'waiting'
            RETURNING ${ticketColumns('t')}
          ), audit AS (
            INSERT INTO audit_events (at, actor_account_id, action, entity_type, entity_id, consulate_id, before, after)
            SELECT ${now}::timestamptz, ${me}::uuid, 'ticket.called', 'ticket', c.id::text, c.consulate_id,
                   jsonb_build_object('status', 'waiting'),
                   jsonb_build_object('status', 'called', 'counterId', c.counter_id, 'callCount', 1)
            FROM called c
          )
          SELECT * FROM called`,
    );
    if (!ticket) {
      const [busy] = await queryRows<{ code: string }>(
        tx,
        sql`SELECT code FROM tickets busy WHERE ${atThisCounter} LIMIT 1`,
      );
      if (busy) {
        throw new AppError(
          'COUNTER_BUSY',
          409,
          `Ticket ${busy.code} is still called at this counter: finish it first.`,
          {
            ticketCode: busy.code,
          },
        );
      }
      throw new AppError('NO_TICKET_WAITING', 409, 'Nobody is waiting for this counter.');
    }
    if (ticket.appointment_id) {
      await advanceAppointment(tx, {
        actorAccountId: me,
        consulateId,
        appointmentId: ticket.appointment_id,
        step: { to: 'called' },
        now,
      });
    }
    await publishFloorEvent(tx, {
      type: 'ticket.called',
      consulateId,
      departmentId: ticket.department_id,
      ticketId: ticket.id,
      code: ticket.code,
      counterId: counter.id,
      counterLabel: counter.label,
      callCount: 1,
      calledAt: now.toISOString(),
    });
    return ticket;
  });
}
