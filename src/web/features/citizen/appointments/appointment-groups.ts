import type { Appointment } from '../../../api/types.ts';

// Strings, not the AppointmentStatus union: the API may know statuses this build does not yet, and
// an unknown one falls to "past" rather than failing.
const activeStatuses: ReadonlySet<string> = new Set(['booked', 'checked_in', 'called']);
const cancelledStatuses: ReadonlySet<string> = new Set(['cancelled_by_citizen', 'cancelled_by_consulate']);

export interface AppointmentGroups {
  // Still to come (or under way), soonest first.
  upcoming: Appointment[];
  // Cancelled, for a time still to come: not "past", the citizen may need to book again. Soonest first.
  cancelled: Appointment[];
  // Done, missed, or cancelled for a time gone by. Latest first.
  past: Appointment[];
}

/** The citizen's appointments as the page lists them: coming, cancelled, then past. */
export function groupAppointments(appointments: readonly Appointment[], now: Date): AppointmentGroups {
  const sorted = [...appointments].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  const isFuture = (a: Appointment) => new Date(a.startsAt).getTime() > now.getTime();
  return {
    upcoming: sorted.filter((a) => activeStatuses.has(a.status)),
    cancelled: sorted.filter((a) => cancelledStatuses.has(a.status) && isFuture(a)),
    past: sorted
      .filter((a) => !activeStatuses.has(a.status) && !(cancelledStatuses.has(a.status) && isFuture(a)))
      .reverse(),
  };
}
