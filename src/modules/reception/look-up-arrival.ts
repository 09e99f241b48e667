import type { KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type AppointmentRow, appointmentColumns, presentAppointment } from '../scheduling/index.ts';
import { type FactsRow, factsColumns, presentFacts } from './arrival-facts.ts';
import { type CheckInBy, identifyArrival } from './identify-arrival.ts';
import { servesDepartment } from './reception.policy.ts';
import { presentTicket, type TicketRow } from './ticket-view.ts';

/**
 * What the desk sees before checking someone in, from the QR code or the reference: the
 * appointment, the person's names in both scripts, the service and its documents to bring, the fee
 * and its stamp's state, whether it is today, and the ticket already given if any. Reads only.
 */
export async function lookUpArrival(
  deps: { db: Db; clock: Clock; publicKey: KeyObject },
  input: { principal: Principal; consulateId: string; by: CheckInBy },
) {
  const condition = identifyArrival(deps.publicKey, input.by);
  const [row] = await queryRows<AppointmentRow & FactsRow & { active_ticket: TicketRow | null }>(
    deps.db,
    sql`SELECT ${appointmentColumns('a')}, ${factsColumns},
               (SELECT row_to_json(t) FROM tickets t
                WHERE t.appointment_id = a.id AND t.status IN ('waiting', 'called')) AS active_ticket
        FROM appointments a
        JOIN consulates c ON c.id = a.consulate_id
        JOIN persons p ON p.id = a.person_id
        JOIN services s ON s.id = a.service_id
        JOIN departments d ON d.id = a.department_id
        LEFT JOIN consulate_services cs ON cs.consulate_id = a.consulate_id AND cs.service_id = a.service_id
        LEFT JOIN requests r ON r.id = a.request_id
        WHERE a.consulate_id = ${input.consulateId} AND ${condition}`,
  );
  if (!row || !servesDepartment(input.principal, row.department_id)) {
    throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment at this consulate in your scope.');
  }
  const appointment = presentAppointment(row);
  const today = DateTime.fromJSDate(deps.clock.now(), { zone: row.time_zone }).toISODate();
  const isToday = appointment.localDate === today;
  return {
    appointment,
    ...presentFacts(row),
    isToday,
    canCheckIn: isToday && row.status === 'booked',
    ticket: row.active_ticket ? presentTicket(row.active_ticket) : null,
  };
}
