import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import type { PriorityReason } from './ticket-status.ts';
import { type TicketRow, ticketColumns } from './ticket-view.ts';

export interface TicketToIssue {
  consulateId: string;
  departmentId: string;
  serviceId: string;
  // Null for a walk-in.
  appointmentId: string | null;
  walkInName?: string | null;
  priority?: PriorityReason | null;
  // Orders the calls: an appointment's start, a walk-in's arrival, a transferred ticket's original.
  queuedAt: Date;
  transferredFrom?: string | null;
  issuedBy: string;
  now: Date;
  // Walk-ins: only if the consulate's offer of the service, in this department, takes them.
  onlyIfWalkInsAccepted?: boolean;
}

/**
 * Issues the next ticket of a department for the consulate's local day, in the caller's
 * transaction: one statement takes the number (an upsert of ticket_sequences, so concurrent desks
 * queue on that row and never share a number), inserts the ticket coded `<prefix>-<number>` (P-042)
 * and writes its audit event. Undefined when the department is not the consulate's, or (walk-ins)
 * the offer does not take walk-ins: the caller says which.
 */
export async function issueTicket(tx: Db, input: TicketToIssue): Promise<TicketRow | undefined> {
  const { now } = input;
  const walkInOffer = input.onlyIfWalkInsAccepted
    ? sql`AND EXISTS (SELECT 1 FROM consulate_services cs
            WHERE cs.consulate_id = c.id AND cs.service_id = ${input.serviceId} AND cs.department_id = d.id
              AND cs.is_enabled AND cs.accepts_walk_ins)`
    : sql``;
  const [row] = await queryRows<TicketRow>(
    tx,
    sql`WITH place AS (
          SELECT c.id AS consulate_id, d.id AS department_id, d.ticket_prefix,
                 (${now}::timestamptz AT TIME ZONE c.time_zone)::date AS local_date
          FROM departments d JOIN consulates c ON c.id = d.consulate_id
          WHERE d.id = ${input.departmentId} AND c.id = ${input.consulateId} ${walkInOffer}
        ), numbered AS (
          INSERT INTO ticket_sequences AS s (department_id, local_date, last_number)
          SELECT department_id, local_date, 1 FROM place
          ON CONFLICT (department_id, local_date) DO UPDATE SET last_number = s.last_number + 1
          RETURNING s.department_id, s.local_date, s.last_number
        ), issued AS (
          INSERT INTO tickets (consulate_id, department_id, service_id, local_date, number, code, appointment_id,
                               is_walk_in, walk_in_name, priority, queued_at, transferred_from, issued_at, issued_by)
          SELECT p.consulate_id, p.department_id, ${input.serviceId}, n.local_date, n.last_number,
                 -- Three digits at least (P-042); the thousandth person of a day gets P-1000.
                 p.ticket_prefix || '-' || lpad(n.last_number::text, greatest(3, length(n.last_number::text)), '0'),
                 ${input.appointmentId}::uuid, ${input.appointmentId === null}, ${input.walkInName ?? null},
                 ${input.priority ?? null}, ${input.queuedAt}::timestamptz, ${input.transferredFrom ?? null}::uuid,
                 ${now}::timestamptz, ${input.issuedBy}::uuid
          FROM place p JOIN numbered n ON n.department_id = p.department_id
          RETURNING *
        ), audit AS (
          INSERT INTO audit_events (at, actor_account_id, action, entity_type, entity_id, consulate_id, before, after)
          SELECT ${now}::timestamptz, ${input.issuedBy}::uuid, 'ticket.issued', 'ticket', i.id::text, i.consulate_id, NULL,
                 jsonb_build_object('status', i.status, 'code', i.code, 'appointmentId', i.appointment_id,
                                    'priority', i.priority, 'transferredFrom', i.transferred_from)
          FROM issued i
        )
        SELECT ${ticketColumns('issued')} FROM issued`,
  );
  return row;
}
