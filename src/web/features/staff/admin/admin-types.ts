// What the consulate admin routes answer (src/modules/network/admin/*.schemas.ts are the truth),
// as the staff app reads them. Kept beside the screens: only they use these shapes.
import type { Appointment, LocalizedText, OfferedService } from '../../../api/types.ts';

/** One weekly period of a department's opening hours (wall times HH:MM, local dates). */
export interface HoursRule {
  weekday: number;
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacity: number;
  validFrom: string;
  validTo: string | null;
}

export interface AdminDepartment {
  id: string;
  kind: string;
  name: LocalizedText;
  ticketPrefix: string;
  hours: HoursRule[];
}

export type ConflictReason = 'withdrawn' | 'over_capacity';

/** A slot that holds appointments the calendar no longer allows. */
export interface SlotConflict {
  slotId: number;
  startsAt: string;
  reason: ConflictReason;
  booked: number;
  plannedCapacity: number;
  appointmentIds: string[];
}

/** What a change of hours, closures or offer did: the departments touched and the conflicts left. */
export interface CalendarChange {
  departmentIds: string[];
  conflicts: SlotConflict[];
}

export interface PreviewTime {
  time: string;
  startsAt: string;
  endsAt: string;
  utcOffset: string;
  capacity: number;
  booked: number;
}

export interface PreviewDay {
  date: string;
  times: PreviewTime[];
}

export interface HoursPreview {
  departmentId: string;
  timeZone: string;
  fromDate: string;
  toDate: string;
  days: PreviewDay[];
  conflicts: (SlotConflict & { isNew: boolean })[];
  resolved: SlotConflict[];
}

export type ClosureScope = 'national' | 'host_country' | 'consulate';

export interface Closure {
  id: string;
  scope: ClosureScope;
  departmentId: string | null;
  date: string | null;
  recurringMonth: number | null;
  recurringDay: number | null;
  name: LocalizedText;
}

/** A problem as a batch item carries it (RFC 9457, with its code). */
export interface ItemProblem {
  status: number;
  code: string;
  title: string;
  detail: string;
  [member: string]: unknown;
}

export interface BatchItemResult {
  appointmentId: string;
  isDone: boolean;
  appointment: Appointment | null;
  problem: ItemProblem | null;
}

export interface BatchResult {
  done: number;
  refused: number;
  results: BatchItemResult[];
}

/** The names the day list may carry with an appointment (both scripts). */
export interface PersonNames {
  givenNameLatin: string;
  familyNameLatin: string;
  givenNameArabic: string | null;
  familyNameArabic: string | null;
}

/** An appointment of the day list; `person` only when the API gives the names with it. */
export type DayAppointment = Appointment & { person?: PersonNames | null };

export interface Counter {
  id: string;
  departmentId: string;
  label: string;
  isActive: boolean;
  agentId: string | null;
  openedAt: string | null;
  // Empty: every service of its department.
  serviceIds: string[];
}

/** A service as the consulate offers it, enabled or not. */
export interface ConsulateOffer extends OfferedService {
  isEnabled: boolean;
  acceptsWalkIns: boolean;
}

export interface WaitingRoom {
  consulateId: string;
  capacity: number | null;
}
