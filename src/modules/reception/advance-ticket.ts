import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { advanceAppointment, type CounterStep } from './advance-appointment.ts';
import { publishFloorEvent } from './floor-events.ts';
import { lockTicket } from './lock-ticket.ts';
import { assertTicketTransition, type TicketStatus } from './ticket-status.ts';
import { type TicketRow, ticketColumns } from './ticket-view.ts';

/** What an agent does with a called ticket (calling the next one and transferring have their own files). */
export type TicketStep =
  | { step: 'recall' }
  | { step: 'back_to_waiting' }
  | { step: 'absent' }
  | { step: 'serve' }
  | { step: 'not_served'; reason: Extract<CounterStep, { to: 'not_served' }>['reason']; note?: string };

// Each step: the ticket's new status, and its appointment's (a walk-in has none).
const effects: Record<TicketStep['step'], { ticket: TicketStatus; appointment: CounterStep['to'] | null }> = {
  recall: { ticket: 'called', appointment: null },
  back_to_waiting: { ticket: 'waiting', appointment: 'checked_in' },
  absent: { ticket: 'absent', appointment: 'no_show' },
  serve: { ticket: 'served', appointment: 'served' },
  not_served: { ticket: 'not_served', appointment: 'not_served' },
};

/**
 * Moves a ticket along the counter's steps, checked against the ticket's status table, in one
 * transaction with its appointment's step (advanceAppointment: serving completes the request once
 * the fee is settled, absent is a no-show, not served sends the request back) and their audit
 * events. A recall calls the same ticket again (the screens show it again); absent is allowed only
 * once the ticket was called `absentAfterCalls` times.
 */
export async function advanceTicket(
  deps: { db: Db; clock: Clock; absentAfterCalls: number },
  input: { principal: Principal; consulateId: string; ticketId: string; action: TicketStep },
): Promise<TicketRow> {
  const { principal, consulateId, action } = input;
  const now = deps.clock.now();
  const effect = effects[action.step];
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, input);
    assertTicketTransition(ticket.status, effect.ticket);
    if (action.step === 'absent' && ticket.call_count < deps.absentAfterCalls) {
      throw new AppError(
        'TICKET_NOT_CALLED_ENOUGH',
        409,
        `Call the ticket ${deps.absentAfterCalls} times before marking the person absent (called ${ticket.call_count}).`,
        { callCount: ticket.call_count, required: deps.absentAfterCalls },
      );
    }
    if (ticket.appointment_id && effect.appointment) {
      const step: CounterStep =
        action.step === 'not_served'
          ? { to: 'not_served', reason: action.reason, note: action.note }
          : ({ to: effect.appointment } as CounterStep);
      await advanceAppointment(tx, {
        actorAccountId: principal.accountId,
        consulateId,
        appointmentId: ticket.appointment_id,
        step,
        now,
      });
    }
    const isRecall = action.step === 'recall';
    const isFinal = effect.ticket !== 'called' && effect.ticket !== 'waiting';
    const [row] = await queryRows<TicketRow>(
      tx,
      sql`UPDATE tickets t SET status = ${effect.ticket},
            call_count = CASE WHEN ${isRecall} THEN t.call_count + 1 ELSE t.call_count END,
            called_at = CASE WHEN ${isRecall} THEN ${now}::timestamptz ELSE t.called_at END,
            called_by = CASE WHEN ${isRecall} THEN ${principal.accountId}::uuid ELSE t.called_by END,
            -- Back in the waiting room, any counter of the department may call it next.
            counter_id = CASE WHEN ${effect.ticket === 'waiting'} THEN NULL ELSE t.counter_id END,
            ended_at = CASE WHEN ${isFinal} THEN ${now}::timestamptz ELSE NULL END
          WHERE t.id = ${ticket.id} AND t.status = ${ticket.status}
          RETURNING ${ticketColumns('t')}`,
    );
    const updated = row as TicketRow;
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: `ticket.${action.step === 'recall' ? 'recalled' : effect.ticket}`,
      entityType: 'ticket',
      entityId: ticket.id,
      consulateId,
      reason: action.step === 'not_served' ? action.reason : null,
      before: { status: ticket.status, callCount: ticket.call_count },
      after: { status: updated.status, callCount: updated.call_count },
      at: now,
    });
    if (isRecall && ticket.counter_id) {
      await publishFloorEvent(tx, {
        type: 'ticket.recalled',
        consulateId,
        departmentId: ticket.department_id,
        ticketId: ticket.id,
        code: ticket.code,
        counterId: ticket.counter_id,
        counterLabel: ticket.counter_label ?? '',
        callCount: Number(updated.call_count),
        calledAt: now.toISOString(),
      });
    }
    return updated;
  });
}
