import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { advanceAppointment } from './advance-appointment.ts';
import { issueTicket } from './issue-ticket.ts';
import { lockTicket } from './lock-ticket.ts';
import { assertTicketTransition } from './ticket-status.ts';
import { type TicketRow, ticketColumns } from './ticket-view.ts';

/**
 * Sends a person to another department of the consulate (the passport counter finds a civil-status
 * record is missing): the ticket ends `transferred` and a new one is issued there, keeping the
 * original queue time (the person does not go to the back of the line) and the priority, and
 * naming the ticket it came from. A called appointment goes back to checked_in, to be called by
 * the other department. The service stays the person's unless another one of that department is
 * named. One transaction, audited.
 */
export async function transferTicket(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; ticketId: string; departmentId: string; serviceId?: string },
): Promise<{ transferred: TicketRow; issued: TicketRow }> {
  const { principal, consulateId, departmentId } = input;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, input);
    assertTicketTransition(ticket.status, 'transferred');
    if (departmentId === ticket.department_id) {
      throw new AppError('TRANSFER_SAME_DEPARTMENT', 409, 'The ticket is already in this department.');
    }
    if (input.serviceId) {
      const [offer] = await queryRows<{ department_id: string }>(
        tx,
        sql`SELECT department_id FROM consulate_services
            WHERE consulate_id = ${consulateId} AND service_id = ${input.serviceId} AND is_enabled`,
      );
      if (offer?.department_id !== departmentId) {
        throw new AppError('SERVICE_NOT_OFFERED', 404, 'That department does not offer this service here.');
      }
    }
    if (ticket.appointment_id && ticket.status === 'called') {
      await advanceAppointment(tx, {
        actorAccountId: principal.accountId,
        consulateId,
        appointmentId: ticket.appointment_id,
        step: { to: 'checked_in' },
        now,
      });
    }
    const [transferred] = await queryRows<TicketRow>(
      tx,
      sql`UPDATE tickets t SET status = 'transferred', ended_at = ${now}
          WHERE t.id = ${ticket.id} AND t.status = ${ticket.status}
          RETURNING ${ticketColumns('t')}`,
    );
    const issued = await issueTicket(tx, {
      consulateId,
      departmentId,
      serviceId: input.serviceId ?? ticket.service_id,
      appointmentId: ticket.appointment_id,
      walkInName: ticket.walk_in_name,
      priority: ticket.priority,
      queuedAt: new Date(ticket.queued_at),
      transferredFrom: ticket.id,
      issuedBy: principal.accountId,
      now,
    });
    if (!issued || !transferred) {
      throw new AppError('DEPARTMENT_NOT_FOUND', 404, 'No such department at this consulate.');
    }
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: 'ticket.transferred',
      entityType: 'ticket',
      entityId: ticket.id,
      consulateId,
      before: { status: ticket.status, departmentId: ticket.department_id },
      after: { status: 'transferred', departmentId, ticketId: issued.id, code: issued.code },
      at: now,
    });
    return { transferred, issued };
  });
}
