import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.tables.ts';
import { consulates, counters, departments, services } from '../network/network.tables.ts';
import { appointments } from '../scheduling/scheduling.tables.ts';
import { priorityReasons, ticketStatuses } from './ticket-status.ts';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The number a person gets at the desk (checked in by appointment, or a walk-in), numbered per
 * department and local day (P-042) and called to a counter. The call order: priority first, then
 * appointments by their time, then walk-ins by arrival (see call-next-ticket.ts).
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    // The consulate's local date it was issued on, and its number that day in the department.
    localDate: date('local_date').notNull(),
    number: integer('number').notNull(),
    // What the screen shows: the department's prefix and the number, P-042.
    code: text('code').notNull(),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    isWalkIn: boolean('is_walk_in').notNull(),
    // A walk-in's name as given at the desk (appointments carry their person).
    walkInName: text('walk_in_name'),
    priority: text('priority', { enum: priorityReasons }),
    status: text('status', { enum: ticketStatuses }).notNull().default('waiting'),
    // Appointments: their start; walk-ins: their arrival. Orders the calls within a priority.
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    counterId: uuid('counter_id').references(() => counters.id),
    callCount: smallint('call_count').notNull().default(0),
    calledAt: timestamp('called_at', { withTimezone: true }),
    calledBy: uuid('called_by').references(() => accounts.id),
    // A transfer ends this ticket and issues a new one in the other department.
    transferredFrom: uuid('transferred_from'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => accounts.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tickets_department_day_number_key').on(t.departmentId, t.localDate, t.number),
    // One ticket under way per appointment.
    uniqueIndex('tickets_one_active_per_appointment')
      .on(t.appointmentId)
      .where(sql.raw(`status IN ('waiting', 'called')`)),
    // The queue a counter calls from.
    index('tickets_waiting_idx').on(t.departmentId, t.localDate, t.queuedAt).where(sql`${t.status} = 'waiting'`),
    index('tickets_consulate_day_idx').on(t.consulateId, t.localDate),
    check('tickets_status', sql.raw(`status IN (${quoted(ticketStatuses)})`)),
    check('tickets_priority', sql.raw(`priority IS NULL OR priority IN (${quoted(priorityReasons)})`)),
    check('tickets_walk_in', sql`${t.isWalkIn} = (${t.appointmentId} IS NULL)`),
    check('tickets_called_at_counter', sql`${t.status} <> 'called' OR ${t.counterId} IS NOT NULL`),
    check('tickets_number_positive', sql`${t.number} > 0`),
  ],
);

/** The last ticket number given per department and local day: one upsert hands out the next. */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    localDate: date('local_date').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.localDate] })],
);

/**
 * A waiting-room screen (a TV) opened with a token instead of a staff sign-in. Only the token's
 * SHA-256 is kept; revoking it closes the screen.
 */
export const screenTokens = pgTable(
  'screen_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    // The departments it shows; null: all of the consulate's.
    departmentIds: uuid('department_ids').array(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('screen_tokens_hash_key').on(t.tokenHash),
    index('screen_tokens_consulate_idx').on(t.consulateId),
  ],
);
