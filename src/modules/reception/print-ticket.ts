import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import { servesDepartment } from './reception.policy.ts';
import { renderTicket } from './render-ticket.ts';

/** The printable ticket (PDF) of a ticket of the consulate, for the desk of its department. */
export async function printTicket(
  db: Db,
  input: { principal: Principal; consulateId: string; ticketId: string },
): Promise<{ code: string; pdf: Buffer }> {
  const [row] = await queryRows<{
    code: string;
    department_id: string;
    priority: string | null;
    issued_at: Date | string;
    starts_at: Date | string | null;
    consulate_name: LocalizedText;
    department_name: LocalizedText;
    time_zone: string;
  }>(
    db,
    sql`SELECT t.code, t.department_id, t.priority, t.issued_at, a.starts_at,
               c.name AS consulate_name, d.name AS department_name, c.time_zone
        FROM tickets t
        JOIN consulates c ON c.id = t.consulate_id
        JOIN departments d ON d.id = t.department_id
        LEFT JOIN appointments a ON a.id = t.appointment_id
        WHERE t.id = ${input.ticketId} AND t.consulate_id = ${input.consulateId}`,
  );
  if (!row || !servesDepartment(input.principal, row.department_id)) {
    throw new AppError('TICKET_NOT_FOUND', 404, 'No such ticket at this consulate in your departments.');
  }
  const pdf = await renderTicket({
    code: row.code,
    consulateName: row.consulate_name,
    departmentName: row.department_name,
    timeZone: row.time_zone,
    issuedAt: new Date(row.issued_at),
    appointmentStartsAt: row.starts_at === null ? null : new Date(row.starts_at),
    hasPriority: row.priority !== null,
  });
  return { code: row.code, pdf };
}
