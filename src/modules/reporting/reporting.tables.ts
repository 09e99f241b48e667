import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consulates, departments, services } from '../network/network.tables.ts';

/**
 * The numbers headquarters reads, computed by a job into summary tables so the dashboard stays
 * fast with millions of appointments: one row per consulate-local day and what it counts. A
 * recomputation of a day replaces its rows (idempotent).
 */
export const statsAppointmentsDaily = pgTable(
  'stats_appointments_daily',
  {
    day: date('day').notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    // Appointments taken that day (by their creation), and the outcomes of the appointments of that day.
    booked: integer('booked').notNull().default(0),
    bookedByCallCenter: integer('booked_by_call_center').notNull().default(0),
    served: integer('served').notNull().default(0),
    notServed: integer('not_served').notNull().default(0),
    noShow: integer('no_show').notNull().default(0),
    cancelledByCitizen: integer('cancelled_by_citizen').notNull().default(0),
    cancelledByConsulate: integer('cancelled_by_consulate').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.consulateId, t.serviceId] })],
);

/** Verification turnaround (submitted → decided) of the requests decided that day. */
export const statsVerificationDaily = pgTable(
  'stats_verification_daily',
  {
    day: date('day').notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    decided: integer('decided').notNull().default(0),
    turnaroundP50Minutes: integer('turnaround_p50_minutes'),
    turnaroundP90Minutes: integer('turnaround_p90_minutes'),
  },
  (t) => [primaryKey({ columns: [t.day, t.consulateId, t.serviceId] })],
);

/** Waiting at the post: check-in → call, and call → served, of the people served that day. */
export const statsWaitingDaily = pgTable(
  'stats_waiting_daily',
  {
    day: date('day').notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    seen: integer('seen').notNull().default(0),
    waitP50Minutes: integer('wait_p50_minutes'),
    waitP90Minutes: integer('wait_p90_minutes'),
    serviceP50Minutes: integer('service_p50_minutes'),
  },
  (t) => [primaryKey({ columns: [t.day, t.consulateId, t.departmentId] })],
);

/** e-Timbre revenue and refunds per consulate, day and currency (from the ledger). */
export const statsRevenueDaily = pgTable(
  'stats_revenue_daily',
  {
    day: date('day').notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    currency: text('currency').notNull(),
    stampsSold: integer('stamps_sold').notNull().default(0),
    paidMinor: bigint('paid_minor', { mode: 'number' }).notNull().default(0),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    consumedMinor: bigint('consumed_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.consulateId, t.currency] })],
);

/** What the call center did for citizens, per day and action (booked, moved, cancelled, …). */
export const statsCallCenterDaily = pgTable(
  'stats_call_center_daily',
  {
    day: date('day').notNull(),
    action: text('action').notNull(),
    actions: integer('actions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.action] })],
);

/**
 * Lead time: days from today to the first free time of a service at a consulate, sampled by the
 * job (null: nothing free within the horizon). The latest sample is "now"; the series is "over time".
 */
export const leadTimeSamples = pgTable(
  'lead_time_samples',
  {
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    firstFreeAt: timestamp('first_free_at', { withTimezone: true }),
    leadDays: integer('lead_days'),
  },
  (t) => [primaryKey({ columns: [t.consulateId, t.serviceId, t.takenAt] })],
);
