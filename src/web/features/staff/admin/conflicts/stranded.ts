import type { Availability } from '../../../../api/types.ts';
import type { ConflictReason, DayAppointment, SlotConflict } from '../admin-types.ts';
import { localDateOf } from '../calendars/preview-days.ts';
import type { Faults } from '../faults.ts';

/** One appointment a calendar change stranded, with its slot's conflict and, once read, its details. */
export interface StrandedAppointment {
  appointmentId: string;
  slotId: number;
  startsAt: string;
  reason: ConflictReason;
  booked: number;
  plannedCapacity: number;
  // From the day's list; null until it is read (or if it is no longer there).
  appointment: DayAppointment | null;
}

/** The local dates of the conflicts' slots: the day lists to read for the appointments' details. */
export function conflictDates(conflicts: readonly SlotConflict[], timeZone: string): string[] {
  return [...new Set(conflicts.map((conflict) => localDateOf(conflict.startsAt, timeZone)))].sort();
}

/** One line per stranded appointment (each once), by time then reference. */
export function strandedAppointments(
  conflicts: readonly SlotConflict[],
  known: readonly DayAppointment[],
): StrandedAppointment[] {
  const byId = new Map(known.map((appointment) => [appointment.id, appointment]));
  const lines = new Map<string, StrandedAppointment>();
  for (const conflict of conflicts) {
    for (const appointmentId of conflict.appointmentIds) {
      if (lines.has(appointmentId)) continue;
      lines.set(appointmentId, {
        appointmentId,
        slotId: conflict.slotId,
        startsAt: conflict.startsAt,
        reason: conflict.reason,
        booked: conflict.booked,
        plannedCapacity: conflict.plannedCapacity,
        appointment: byId.get(appointmentId) ?? null,
      });
    }
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) ||
      (a.appointment?.reference ?? a.appointmentId).localeCompare(b.appointment?.reference ?? b.appointmentId),
  );
}

/**
 * How many people a cancellation tells: one per person whose appointment it cancels (a parent
 * holding a child's appointment and their own hears about each person).
 */
export function peopleToTell(lines: readonly StrandedAppointment[]): number {
  return new Set(lines.map((line) => line.appointment?.personId ?? line.appointmentId)).size;
}

export const MIN_REASON = 3;
export const MAX_REASON = 500;

/** The reason the people are given: said, and not a novel (the API's bounds). */
export function reasonFaults(values: { reason: string }): Faults {
  const reason = values.reason.trim();
  if (reason === '') return { reason: { key: 'conflicts.errors.reasonRequired' } };
  if (reason.length < MIN_REASON)
    return { reason: { key: 'conflicts.errors.reasonTooShort', params: { min: MIN_REASON } } };
  if (reason.length > MAX_REASON)
    return { reason: { key: 'conflicts.errors.reasonTooLong', params: { max: MAX_REASON } } };
  return {};
}

/** The free times an appointment may move to: days with a free seat, its own slot left out. */
export function moveChoices(availability: Availability | undefined, currentSlotId: number): Availability['days'] {
  if (!availability) return [];
  return availability.days
    .map((day) => ({ ...day, times: day.times.filter((time) => time.free > 0 && time.slotId !== currentSlotId) }))
    .filter((day) => day.times.length > 0);
}

/** What the move form asks: a day, a time of that day, and why. */
export function moveFaults(values: { date: string; slotId: string; reason: string }): Faults {
  if (values.date === '') return { date: { key: 'conflicts.errors.dateRequired' } };
  if (values.slotId === '') return { slotId: { key: 'conflicts.errors.timeRequired' } };
  return reasonFaults(values);
}
