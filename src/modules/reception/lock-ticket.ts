import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, preparedRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { servesDepartment } from './reception.policy.ts';
import { type TicketRow, ticketColumns } from './ticket-view.ts';

/**
 * Locks a ticket of the consulate for the caller's transaction (then the ticket's status table
 * decides the step). Outside the caller's departments or consulate it does not exist (404).
 */
export async function lockTicket(
  tx: Db,
  input: { principal: Principal; consulateId: string; ticketId: string },
): Promise<TicketRow & { counter_label: string | null }> {
  const [ticket] = await preparedRows<TicketRow & { counter_label: string | null }>(
    tx,
    'lock_ticket',
    sql`SELECT ${ticketColumns('t')}, k.label AS counter_label
        FROM tickets t LEFT JOIN counters k ON k.id = t.counter_id
        WHERE t.id = ${input.ticketId} AND t.consulate_id = ${input.consulateId}
        FOR UPDATE OF t`,
  );
  if (!ticket || !servesDepartment(input.principal, ticket.department_id)) {
    throw new AppError('TICKET_NOT_FOUND', 404, 'No such ticket at this consulate in your departments.');
  }
  return ticket;
}
