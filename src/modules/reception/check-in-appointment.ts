import type { KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { getAppointment } from '../scheduling/index.ts';
import { type CheckInBy, identifyArrival } from './identify-arrival.ts';
import { issueTicket } from './issue-ticket.ts';
import { servesDepartment } from './reception.policy.ts';
import type { PriorityReason } from './ticket-status.ts';
import type { TicketRow } from './ticket-view.ts';

export type { CheckInBy } from './identify-arrival.ts';

type AppointmentRow = NonNullable<Awaited<ReturnType<typeof getAppointment>>>;

interface Candidate {
  id: string;
  status: string;
  starts_at: Date | string;
  department_id: string;
  service_id: string;
  time_zone: string;
}

const notFound = () =>
  new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment at this consulate in your scope.');

function refusal(status: string): AppError {
  if (status === 'checked_in' || status === 'called' || status === 'served' || status === 'not_served') {
    return new AppError('ALREADY_CHECKED_IN', 409, 'This appointment was already checked in.');
  }
  return new AppError('APPOINTMENT_TRANSITION_REFUSED', 409, `An appointment that is ${status} cannot be checked in.`);
}

/**
 * Checks an arrival in: the appointment must be at this consulate, in the agent's departments,
 * still booked, and today in the consulate's zone. The status changes with a conditional UPDATE, so
 * two agents scanning the same code at once check it in once. In the same transaction the person
 * gets the next ticket of the appointment's department, queued at the appointment's time (a
 * priority given at the desk calls them first), and both changes are audited.
 */
export async function checkInAppointment(
  deps: { db: Db; clock: Clock; publicKey: KeyObject },
  input: { principal: Principal; consulateId: string; by: CheckInBy; priority?: PriorityReason | null },
): Promise<{ appointment: AppointmentRow; ticket: TicketRow }> {
  const { principal, consulateId } = input;
  const condition = identifyArrival(deps.publicKey, input.by);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [candidate] = await queryRows<Candidate>(
      tx,
      sql`SELECT a.id, a.status, a.starts_at, a.department_id, a.service_id, c.time_zone
          FROM appointments a JOIN consulates c ON c.id = a.consulate_id
          WHERE a.consulate_id = ${consulateId} AND ${condition}`,
    );
    if (!candidate || !servesDepartment(principal, candidate.department_id)) throw notFound();
    if (candidate.status !== 'booked') throw refusal(candidate.status);

    const zone = candidate.time_zone;
    const today = DateTime.fromJSDate(now, { zone }).toISODate();
    const day = DateTime.fromJSDate(new Date(candidate.starts_at), { zone }).toISODate();
    if (today !== day) {
      throw new AppError('CHECK_IN_NOT_TODAY', 422, `This appointment is on ${day}, not today (${today}).`, { day });
    }

    const updated = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE appointments
          SET status = 'checked_in', checked_in_at = ${now}, checked_in_by = ${principal.accountId}, updated_at = ${now}
          WHERE id = ${candidate.id} AND status = 'booked'
          RETURNING id`,
    );
    if (updated.length === 0) {
      // Another agent (or the no-show job) changed it since it was read.
      const [current] = await queryRows<{ status: string }>(
        tx,
        sql`SELECT status FROM appointments WHERE id = ${candidate.id}`,
      );
      throw refusal(current?.status ?? 'unknown');
    }
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: 'appointment.checked_in',
      entityType: 'appointment',
      entityId: candidate.id,
      consulateId,
      before: { status: 'booked' },
      after: { status: 'checked_in', checkedInAt: now.toISOString(), by: 'token' in input.by ? 'token' : 'reference' },
      at: now,
    });
    const ticket = await issueTicket(tx, {
      consulateId,
      departmentId: candidate.department_id,
      serviceId: candidate.service_id,
      appointmentId: candidate.id,
      priority: input.priority ?? null,
      queuedAt: new Date(candidate.starts_at),
      issuedBy: principal.accountId,
      now,
    });
    const appointment = await getAppointment(tx, candidate.id, { consulateId });
    if (!appointment || !ticket) throw notFound();
    return { appointment, ticket };
  });
}
