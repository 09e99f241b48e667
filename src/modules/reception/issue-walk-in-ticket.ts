import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { issueTicket } from './issue-ticket.ts';
import { servesDepartment } from './reception.policy.ts';
import type { PriorityReason } from './ticket-status.ts';
import type { TicketRow } from './ticket-view.ts';

/**
 * A ticket for someone who came without an appointment, for a service whose offer at this
 * consulate takes walk-ins (the statement that issues it checks so), in the service's department,
 * queued at their arrival: they are called after the day's appointments. The name is what the
 * person gave at the desk, if anything.
 */
export async function issueWalkInTicket(
  deps: { db: Db; clock: Clock },
  input: {
    principal: Principal;
    consulateId: string;
    serviceId: string;
    name?: string | null;
    priority?: PriorityReason | null;
  },
): Promise<TicketRow> {
  const { principal, consulateId, serviceId } = input;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [offer] = await queryRows<{ department_id: string; is_enabled: boolean }>(
      tx,
      sql`SELECT department_id, is_enabled FROM consulate_services
          WHERE consulate_id = ${consulateId} AND service_id = ${serviceId}`,
    );
    if (!offer?.is_enabled || !servesDepartment(principal, offer.department_id)) {
      throw new AppError('SERVICE_NOT_OFFERED', 404, 'This consulate does not offer this service in your departments.');
    }
    const ticket = await issueTicket(tx, {
      consulateId,
      departmentId: offer.department_id,
      serviceId,
      appointmentId: null,
      walkInName: input.name || null,
      priority: input.priority ?? null,
      queuedAt: now,
      issuedBy: principal.accountId,
      now,
      onlyIfWalkInsAccepted: true,
    });
    if (!ticket) {
      throw new AppError(
        'WALK_IN_NOT_ACCEPTED',
        409,
        'This service is given by appointment only at this consulate: the person must book one.',
        { serviceId },
      );
    }
    return ticket;
  });
}
