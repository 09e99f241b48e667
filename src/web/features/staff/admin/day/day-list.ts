import { adminUrl } from '../admin-queries.ts';
import type { DayAppointment, PersonNames } from '../admin-types.ts';

/** The day list's address bar: the date (the consulate's today when absent or not a date) and a department. */
export function dayFilters(params: URLSearchParams, today: string): { date: string; departmentId: string } {
  const date = params.get('date') ?? '';
  return {
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today,
    departmentId: params.get('department') ?? '',
  };
}

/** The printable day list (PDF) of the same date and department, in the reader's language. */
export function daySheetUrl(
  consulateId: string,
  filters: { date: string; departmentId: string; lang: string },
): string {
  const query = new URLSearchParams({ date: filters.date });
  if (filters.departmentId) query.set('departmentId', filters.departmentId);
  query.set('lang', filters.lang);
  return adminUrl(consulateId, `appointments.pdf?${query.toString()}`);
}

/** The API call for the day's appointments. */
export function dayListUrl(consulateId: string, filters: { date: string; departmentId: string }): string {
  const query = new URLSearchParams({ date: filters.date });
  if (filters.departmentId) query.set('departmentId', filters.departmentId);
  return adminUrl(consulateId, `appointments?${query.toString()}`);
}

/** The day's appointments by time, then reference (the order of the printed list). */
export function inDayOrder(appointments: readonly DayAppointment[]): DayAppointment[] {
  return [...appointments].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.reference.localeCompare(b.reference),
  );
}

/** A person's name in each script; the Arabic one only when both of its parts are known. */
export function namesOf(person: PersonNames | null | undefined): { latin: string; arabic: string | null } | null {
  if (!person) return null;
  const arabic =
    person.givenNameArabic && person.familyNameArabic ? `${person.givenNameArabic} ${person.familyNameArabic}` : null;
  return { latin: `${person.givenNameLatin} ${person.familyNameLatin}`, arabic };
}

/** Whether the list carries the people's names (the columns are shown only then). */
export const hasNames = (appointments: readonly DayAppointment[]) =>
  appointments.some((appointment) => Boolean(appointment.person));

/**
 * The departments a staff member may filter the day by: a consular agent sees only their own
 * departments' appointments (the API's rule), anyone else the consulate's.
 */
export function departmentsSeen<D extends { id: string }>(
  departments: readonly D[],
  me: { role: string; departments: readonly { id: string }[] } | null | undefined,
): D[] {
  if (me?.role !== 'consular_agent') return [...departments];
  return departments.filter((department) => me.departments.some((own) => own.id === department.id));
}

/** How many of the day's appointments are still to come or under way (not cancelled). */
export function activeCount(appointments: readonly DayAppointment[]): number {
  return appointments.filter((a) => a.status !== 'cancelled_by_citizen' && a.status !== 'cancelled_by_consulate')
    .length;
}
