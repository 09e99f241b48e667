import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Names a person reads, per language. Arabic and French are always given; others fall back. */
export type LocalizedText = { ar: string; fr: string; en: string; es?: string };

export const consulates = pgTable(
  'consulates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Three letters, the prefix of every appointment reference (PAR-7K3M-Q9XD).
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    // ISO 3166-1 alpha-2 of the host country.
    country: text('country').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull(),
    // IANA zone: slots are generated and shown in it.
    timeZone: text('time_zone').notNull(),
    // ISO 4217: fees are in integer minor units of this currency.
    currency: text('currency').notNull(),
    languages: text('languages').array().notNull(),
    // How many people the waiting room holds (set by the consulate admin); null: not set.
    waitingRoomCapacity: integer('waiting_room_capacity'),
    // A deactivated consulate is kept (its history) but offers nothing and is not listed.
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consulates_code_key').on(t.code),
    check(
      'consulates_waiting_room_capacity',
      sql`${t.waitingRoomCapacity} IS NULL OR ${t.waitingRoomCapacity} BETWEEN 1 AND 100000`,
    ),
    check('consulates_code_format', sql`${t.code} ~ '^[A-Z]{3}$'`),
    check('consulates_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('consulates_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    // Family of services: passport, civil_status, ... one per consulate.
    kind: text('kind').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    // The letter before its ticket numbers (P-042), unique within the consulate.
    ticketPrefix: text('ticket_prefix').notNull(),
  },
  (t) => [
    uniqueIndex('departments_consulate_kind_key').on(t.consulateId, t.kind),
    uniqueIndex('departments_consulate_ticket_prefix_key').on(t.consulateId, t.ticketPrefix),
    check('departments_ticket_prefix_format', sql`${t.ticketPrefix} ~ '^[A-Z]{1,2}$'`),
  ],
);

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    label: text('label').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    // The agent working at it now ("I am at counter 3"); one counter per agent at a time.
    agentId: uuid('agent_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('counters_department_label_key').on(t.departmentId, t.label),
    uniqueIndex('counters_one_per_agent').on(t.agentId).where(sql`${t.agentId} IS NOT NULL`),
    check('counters_opened', sql`(${t.agentId} IS NULL) = (${t.openedAt} IS NULL)`),
  ],
);

/** The services a counter serves (some of its department's); none listed: all of them. */
export const counterServices = pgTable(
  'counter_services',
  {
    counterId: uuid('counter_id')
      .notNull()
      .references(() => counters.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })],
);

/** The national catalogue, the same for every consulate. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    // The department kind that serves it.
    departmentKind: text('department_kind').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    // Codes of the documents a citizen brings or uploads (translated by the catalogues).
    requiredDocuments: text('required_documents').array().notNull(),
    requiresVerification: boolean('requires_verification').notNull(),
    // Eligibility by age on the appointment date, in whole years (inclusive): a minor's passport has
    // maxAgeYears 17, an adult's minAgeYears 18. Null: no bound.
    minAgeYears: smallint('min_age_years'),
    maxAgeYears: smallint('max_age_years'),
    // Withdrawn from the catalogue: no new request or booking anywhere; its history is kept.
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    check(
      'services_age_range',
      sql`(${t.minAgeYears} IS NULL OR ${t.minAgeYears} BETWEEN 0 AND 150)
    AND (${t.maxAgeYears} IS NULL OR ${t.maxAgeYears} BETWEEN 0 AND 150)
    AND (${t.minAgeYears} IS NULL OR ${t.maxAgeYears} IS NULL OR ${t.minAgeYears} <= ${t.maxAgeYears})`,
    ),
  ],
);

/** A consulate's offer of a catalogue service: whether, at what fee, and its booking rules. */
export const consulateServices = pgTable(
  'consulate_services',
  {
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    isEnabled: boolean('is_enabled').notNull().default(true),
    // Integer minor units of the consulate's currency. 0 means free of charge.
    feeMinor: bigint('fee_minor', { mode: 'number' }).notNull(),
    // Set by the demo seed: the fee is an illustration, not the legal tariff.
    isDemoFee: boolean('is_demo_fee').notNull().default(false),
    horizonDays: smallint('horizon_days').notNull(),
    minNoticeMinutes: integer('min_notice_minutes').notNull(),
    cancellationCutoffMinutes: integer('cancellation_cutoff_minutes').notNull(),
    // Whether the desk may issue a ticket to someone who comes without an appointment.
    acceptsWalkIns: boolean('accepts_walk_ins').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.consulateId, t.serviceId] }),
    check('consulate_services_fee_nonnegative', sql`${t.feeMinor} >= 0`),
    check('consulate_services_horizon_range', sql`${t.horizonDays} BETWEEN 1 AND 366`),
    check('consulate_services_notice_nonnegative', sql`${t.minNoticeMinutes} >= 0`),
    check('consulate_services_cutoff_nonnegative', sql`${t.cancellationCutoffMinutes} >= 0`),
  ],
);

/** Weekly opening hours of a department, in the consulate's local wall-clock time. */
export const openingHours = pgTable(
  'opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    // ISO weekday: 1 = Monday ... 7 = Sunday.
    weekday: smallint('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
    slotMinutes: smallint('slot_minutes').notNull(),
    // Appointments per slot: usually the number of open counters.
    capacity: smallint('capacity').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('opening_hours_department_idx').on(t.departmentId),
    check('opening_hours_weekday_range', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('opening_hours_order', sql`${t.opensAt} < ${t.closesAt}`),
    check('opening_hours_slot_range', sql`${t.slotMinutes} BETWEEN 5 AND 240`),
    check('opening_hours_capacity_range', sql`${t.capacity} BETWEEN 0 AND 1000`),
    check('opening_hours_validity', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * Days without service. national: the home country's holidays, for every consulate (fixed ones
 * recur by month and day, Islamic ones are dated per year because they follow the lunar calendar);
 * host_country: the host state's public holidays; consulate: one-off closures, possibly of one
 * department only.
 */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope', { enum: ['national', 'host_country', 'consulate'] }).notNull(),
    country: text('country'),
    consulateId: uuid('consulate_id').references(() => consulates.id),
    departmentId: uuid('department_id').references(() => departments.id),
    // Either a date, or a month and day that recur every year.
    date: date('date'),
    recurringMonth: smallint('recurring_month'),
    recurringDay: smallint('recurring_day'),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    // Where the date comes from: 'hijri:<holiday>:<year>' (computed from the Umm al-Qura calendar),
    // 'library:<country>:<region>' (a host country's holidays from date-holidays), null: typed in.
    source: text('source'),
    // Days moved from the computed date when the moon sighting is announced (−1, 0, +1).
    adjustmentDays: smallint('adjustment_days').notNull().default(0),
    // proposed: suggested by a calendar library, waiting for headquarters; only active ones close days.
    status: text('status', { enum: ['proposed', 'active', 'rejected'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('closures_consulate_idx').on(t.consulateId),
    uniqueIndex('closures_source_key').on(t.source).where(sql`${t.source} IS NOT NULL`),
    check('closures_status', sql`${t.status} IN ('proposed', 'active', 'rejected')`),
    check('closures_adjustment', sql`${t.adjustmentDays} BETWEEN -1 AND 1`),
    index('closures_country_idx').on(t.country),
    check(
      'closures_when',
      sql`(${t.date} IS NOT NULL AND ${t.recurringMonth} IS NULL AND ${t.recurringDay} IS NULL)
       OR (${t.date} IS NULL AND ${t.recurringMonth} BETWEEN 1 AND 12 AND ${t.recurringDay} BETWEEN 1 AND 31)`,
    ),
    check(
      'closures_scope_target',
      sql`(${t.scope} = 'national' AND ${t.country} IS NULL AND ${t.consulateId} IS NULL)
       OR (${t.scope} = 'host_country' AND ${t.country} IS NOT NULL AND ${t.consulateId} IS NULL)
       OR (${t.scope} = 'consulate' AND ${t.consulateId} IS NOT NULL AND ${t.date} IS NOT NULL)`,
    ),
  ],
);

/**
 * A consulate's fee for a service from a date (consulate-local): the fee due on a day is the row
 * with the latest effective date on or before it. History is kept; a payment keeps the amount it was
 * made at (payments.amount_minor).
 */
export const feeSchedule = pgTable(
  'fee_schedule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    effectiveFrom: date('effective_from').notNull(),
    isDemoValue: boolean('is_demo_value').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fee_schedule_key').on(t.consulateId, t.serviceId, t.effectiveFrom),
    check('fee_schedule_amount_nonnegative', sql`${t.amountMinor} >= 0`),
  ],
);

/** The places a consulate serves: a whole country (city null) or one city of it. */
export const consulateJurisdictions = pgTable(
  'consulate_jurisdictions',
  {
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    // ISO 3166-1 alpha-2.
    country: text('country').notNull(),
    // Null: the whole country (a city listed elsewhere goes to that consulate instead).
    city: text('city'),
  },
  (t) => [
    uniqueIndex('consulate_jurisdictions_place_key').on(t.country, sql`coalesce(lower(${t.city}), '')`),
    index('consulate_jurisdictions_consulate_idx').on(t.consulateId),
    check('consulate_jurisdictions_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);
