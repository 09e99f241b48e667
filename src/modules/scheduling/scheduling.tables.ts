import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, persons } from '../accounts/accounts.tables.ts';
import { consulates, departments, services } from '../network/network.tables.ts';
import { requests } from '../requests/requests.tables.ts';
import { activeAppointmentStatuses, appointmentStatuses, notServedReasons } from './appointment-status.ts';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One start time at one department. Materialized from opening hours by the slot engine.
 * `booked` is the number of active appointments; the CHECK makes overbooking impossible whatever
 * the concurrency. `plannedCapacity` is what the current hours say; `capacity` never drops below
 * `booked`, so a reduction that would strand appointments shows up as a conflict instead.
 */
export const slots = pgTable(
  'slots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: smallint('capacity').notNull(),
    plannedCapacity: smallint('planned_capacity').notNull(),
    booked: smallint('booked').notNull().default(0),
    // open: offered; withdrawn: no longer in the opening hours (closure, changed hours).
    status: text('status', { enum: ['open', 'withdrawn'] })
      .notNull()
      .default('open'),
  },
  (t) => [
    uniqueIndex('slots_department_start_key').on(t.departmentId, t.startsAt),
    check('slots_within_capacity', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
    check('slots_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('slots_status', sql`${t.status} IN ('open', 'withdrawn')`),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Short human reference without ambiguous characters: PAR-7K3M-Q9XD.
    reference: text('reference').notNull(),
    slotId: bigint('slot_id', { mode: 'number' })
      .notNull()
      .references(() => slots.id),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    // The account that owns the person (whose list it appears in).
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    // The request this appointment serves (verified first when the service requires it).
    requestId: uuid('request_id').references(() => requests.id),
    status: text('status', { enum: appointmentStatuses }).notNull().default('booked'),
    // Who booked it: the citizen, or a call-center agent on their behalf ("booked for you by …").
    bookedBy: uuid('booked_by').references(() => accounts.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => accounts.id),
    calledAt: timestamp('called_at', { withTimezone: true }),
    // When and by whom (null: the system's nightly job) the appointment reached its final status.
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => accounts.id),
    // Why a person seen at the counter was not served: a code (translated) and the agent's words.
    notServedReason: text('not_served_reason', { enum: notServedReasons }),
    notServedNote: text('not_served_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointments_reference_key').on(t.reference),
    // One person holds at most one active appointment per service and consulate.
    uniqueIndex('appointments_one_active_per_person_service')
      .on(t.personId, t.consulateId, t.serviceId)
      .where(sql.raw(`status IN (${quoted(activeAppointmentStatuses)})`)),
    index('appointments_account_idx').on(t.accountId, t.startsAt),
    index('appointments_slot_idx').on(t.slotId),
    index('appointments_consulate_start_idx').on(t.consulateId, t.startsAt),
    index('appointments_request_idx').on(t.requestId),
    // The no-show job and the reminders look for booked appointments by time.
    index('appointments_booked_start_idx').on(t.startsAt).where(sql`${t.status} = 'booked'`),
    // The nightly job finds what a day left open by time.
    index('appointments_open_at_counter_idx').on(t.startsAt).where(sql`${t.status} IN ('checked_in', 'called')`),
    check('appointments_status', sql.raw(`status IN (${quoted(appointmentStatuses)})`)),
    check(
      'appointments_not_served_reason',
      sql.raw(
        `(status = 'not_served') = (not_served_reason IS NOT NULL) AND (not_served_reason IS NULL OR not_served_reason IN (${quoted(notServedReasons)}))`,
      ),
    ),
  ],
);
