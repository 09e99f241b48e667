import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';

/**
 * Appointment statuses. Cancellations keep who cancelled apart (the citizen, the consulate), a
 * no-show is its own end, and a person seen at the counter ends either served (the service was
 * delivered) or not served (seen, but the service could not be delivered: a reason says why),
 * because each counts differently in a person's record and in statistics.
 */
export const appointmentStatuses = [
  'booked',
  'checked_in',
  'called',
  'served',
  'not_served',
  'cancelled_by_citizen',
  'cancelled_by_consulate',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/**
 * Why a person seen at the counter left without the service. `day_closed` is the nightly job's:
 * the day ended with the person checked in but never served.
 */
export const notServedReasons = [
  'documents_missing',
  'documents_invalid',
  'fee_not_paid',
  'identity_not_established',
  'not_eligible',
  'service_interrupted',
  'other',
  'day_closed',
] as const;
export type NotServedReason = (typeof notServedReasons)[number];

/** Statuses of an appointment still under way: it holds its seat and blocks a second booking. */
export const activeAppointmentStatuses = [
  'booked',
  'checked_in',
  'called',
] as const satisfies readonly AppointmentStatus[];

/** The same list for SQL (`status IN ${activeStatusesSql}`): one definition for every statement. */
export const activeStatusesSql: SQL = sql.raw(`(${activeAppointmentStatuses.map((s) => `'${s}'`).join(', ')})`);

/**
 * The one transition table. A called person who walks back to the waiting room (recalled later, or
 * sent to another department) returns to checked_in; one who never answers the calls is a no-show.
 * Every path ends: the nightly job closes what a day left open (checked in or called → not served).
 */
const transitions: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['checked_in', 'no_show', 'cancelled_by_citizen', 'cancelled_by_consulate'],
  checked_in: ['called', 'not_served'],
  called: ['served', 'not_served', 'checked_in', 'no_show'],
  served: [],
  not_served: [],
  cancelled_by_citizen: [],
  cancelled_by_consulate: [],
  no_show: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return transitions[from].includes(to);
}

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('APPOINTMENT_TRANSITION_REFUSED', 409, `An appointment that is ${from} cannot become ${to}.`, {
      from,
      to,
    });
  }
}

/** The statuses an appointment may come from to reach `to` (for SQL guards that mirror the table). */
export function appointmentStatusesLeadingTo(to: AppointmentStatus): AppointmentStatus[] {
  return appointmentStatuses.filter((from) => transitions[from].includes(to));
}

/** `status IN (…)` of the statuses that may reach `to`, for a conditional UPDATE. */
export function leadingToSql(to: AppointmentStatus): SQL {
  return sql.raw(
    `(${appointmentStatusesLeadingTo(to)
      .map((s) => `'${s}'`)
      .join(', ')})`,
  );
}

export function isActive(status: AppointmentStatus): boolean {
  return (activeAppointmentStatuses as readonly string[]).includes(status);
}

/** Final statuses: nothing follows them. */
export const isFinal = (status: AppointmentStatus) => transitions[status].length === 0;
