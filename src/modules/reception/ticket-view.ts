import { type SQL, sql } from 'drizzle-orm';
import type { PriorityReason, TicketStatus } from './ticket-status.ts';

/** A ticket as raw SQL returns it (see ticketColumns). */
export interface TicketRow {
  id: string;
  consulate_id: string;
  department_id: string;
  service_id: string;
  local_date: string;
  number: number;
  code: string;
  appointment_id: string | null;
  is_walk_in: boolean;
  walk_in_name: string | null;
  priority: PriorityReason | null;
  status: TicketStatus;
  queued_at: Date | string;
  counter_id: string | null;
  call_count: number;
  called_at: Date | string | null;
  transferred_from: string | null;
  issued_at: Date | string;
  ended_at: Date | string | null;
}

/** The columns of a ticket row, from the table or a CTE named `alias`. */
export function ticketColumns(alias: string): SQL {
  const t = sql.raw(alias);
  return sql`${t}.id, ${t}.consulate_id, ${t}.department_id, ${t}.service_id, ${t}.local_date, ${t}.number, ${t}.code,
    ${t}.appointment_id, ${t}.is_walk_in, ${t}.walk_in_name, ${t}.priority, ${t}.status, ${t}.queued_at, ${t}.counter_id,
    ${t}.call_count, ${t}.called_at, ${t}.transferred_from, ${t}.issued_at, ${t}.ended_at`;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export interface TicketView {
  id: string;
  code: string;
  number: number;
  localDate: string;
  consulateId: string;
  departmentId: string;
  serviceId: string;
  appointmentId: string | null;
  isWalkIn: boolean;
  walkInName: string | null;
  priority: PriorityReason | null;
  status: TicketStatus;
  queuedAt: string;
  issuedAt: string;
  counterId: string | null;
  callCount: number;
  calledAt: string | null;
  transferredFrom: string | null;
  endedAt: string | null;
}

export function presentTicket(row: TicketRow): TicketView {
  return {
    id: row.id,
    code: row.code,
    number: Number(row.number),
    localDate: row.local_date,
    consulateId: row.consulate_id,
    departmentId: row.department_id,
    serviceId: row.service_id,
    appointmentId: row.appointment_id,
    isWalkIn: row.is_walk_in,
    walkInName: row.walk_in_name,
    priority: row.priority,
    status: row.status,
    queuedAt: iso(row.queued_at),
    issuedAt: iso(row.issued_at),
    counterId: row.counter_id,
    callCount: Number(row.call_count),
    calledAt: isoOrNull(row.called_at),
    transferredFrom: row.transferred_from,
    endedAt: isoOrNull(row.ended_at),
  };
}
