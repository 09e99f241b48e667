import { AppError } from '../../platform/errors.ts';

/**
 * Appointment statuses. Cancellations keep who cancelled apart (the citizen, the consulate) and a
 * no-show is its own end, because each counts differently in a person's record and statistics.
 */
export const appointmentStatuses = [
  'booked',
  'checked_in',
  'completed',
  'cancelled_by_citizen',
  'cancelled_by_consulate',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses that hold a seat in a slot. */
export const activeAppointmentStatuses = ['booked', 'checked_in'] as const satisfies readonly AppointmentStatus[];

const transitions: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['checked_in', 'cancelled_by_citizen', 'cancelled_by_consulate', 'no_show'],
  checked_in: ['completed', 'cancelled_by_consulate'],
  completed: [],
  cancelled_by_citizen: [],
  cancelled_by_consulate: [],
  no_show: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return transitions[from].includes(to);
}

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('APPOINTMENT_TRANSITION_REFUSED', 409, `An appointment that is ${from} cannot become ${to}.`);
  }
}

export function isActive(status: AppointmentStatus): boolean {
  return (activeAppointmentStatuses as readonly string[]).includes(status);
}
