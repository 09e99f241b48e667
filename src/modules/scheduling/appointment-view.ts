import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AppointmentStatus, NotServedReason } from './appointment-status.ts';

/** An appointment as raw SQL returns it (see appointmentColumns). */
export interface AppointmentRow {
  id: string;
  reference: string;
  status: AppointmentStatus;
  slot_id: number | string;
  consulate_id: string;
  department_id: string;
  service_id: string;
  person_id: string;
  account_id: string;
  request_id: string | null;
  starts_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  time_zone: string;
  duration_minutes: number;
  not_served_reason: NotServedReason | null;
  // When a call-center agent booked it for the citizen (the booking's time); null when the citizen did.
  booked_by_call_center_at: Date | string | null;
}

/** The columns of an appointment row and its consulate's zone, from a table or CTE named `alias`. */
export function appointmentColumns(alias: string): SQL {
  const a = sql.raw(alias);
  return sql`${a}.id, ${a}.reference, ${a}.status, ${a}.slot_id, ${a}.consulate_id, ${a}.department_id,
    ${a}.service_id, ${a}.person_id, ${a}.account_id, ${a}.request_id, ${a}.starts_at, ${a}.created_at, ${a}.updated_at,
    ${a}.not_served_reason,
    CASE WHEN EXISTS (SELECT 1 FROM accounts WHERE accounts.id = ${a}.booked_by AND accounts.role = 'call_center_agent')
         THEN ${a}.created_at END AS booked_by_call_center_at,
    (SELECT time_zone FROM consulates WHERE consulates.id = ${a}.consulate_id) AS time_zone,
    (SELECT duration_minutes FROM services WHERE services.id = ${a}.service_id) AS duration_minutes`;
}

export interface AppointmentView {
  id: string;
  reference: string;
  status: AppointmentStatus;
  consulateId: string;
  departmentId: string;
  serviceId: string;
  personId: string;
  requestId: string | null;
  slotId: number;
  startsAt: string;
  timeZone: string;
  localDate: string;
  localTime: string;
  utcOffset: string;
  endsAt: string;
  notServedReason: NotServedReason | null;
  bookedByCallCenterAt: string | null;
  createdAt: string;
}

/** What the API returns: the UTC instant, and the consulate's local date, time and offset. */
export function presentAppointment(row: AppointmentRow): AppointmentView {
  const local = DateTime.fromJSDate(new Date(row.starts_at), { zone: row.time_zone });
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    consulateId: row.consulate_id,
    departmentId: row.department_id,
    serviceId: row.service_id,
    personId: row.person_id,
    requestId: row.request_id,
    slotId: Number(row.slot_id),
    startsAt: local.toUTC().toISO() as string,
    timeZone: row.time_zone,
    localDate: local.toISODate() as string,
    localTime: local.toFormat('HH:mm'),
    utcOffset: local.toFormat('ZZ'),
    endsAt: local
      .plus({ minutes: Number(row.duration_minutes) })
      .toUTC()
      .toISO() as string,
    notServedReason: row.not_served_reason ?? null,
    bookedByCallCenterAt: row.booked_by_call_center_at ? new Date(row.booked_by_call_center_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
