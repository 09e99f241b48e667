import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, persons } from '../accounts/accounts.tables.ts';
import { consulates, departments, services } from '../network/network.tables.ts';
import { openRequestStatuses, requestOrigins, requestStatuses } from './request-status.ts';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** A request (dossier): one service asked for one person at one consulate, with its documents. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Short human reference, e.g. PAR-D-7K3M-Q9XD (D for dossier).
    reference: text('reference').notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    // The account that opened it and acts for the person.
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: requestStatuses }).notNull().default('draft'),
    // 'direct_booking': opened by the booking of a service that needs no verification; it has no
    // life of its own and follows its appointment (withdrawn when the appointment is cancelled).
    origin: text('origin', { enum: requestOrigins }).notNull().default('citizen'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    // When it last entered the agents' queue (first submission or a resubmission): queue order.
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => accounts.id),
    // For "more information" and rejections: a template code (translated) and the agent's words.
    decisionReasonCode: text('decision_reason_code'),
    decisionNote: text('decision_note'),
    // Bumped by every change: a decision names the version the agent saw, and loses to a change since.
    version: integer('version').notNull().default(0),
    // The agent who has it open in the verification workspace, and since when (refreshed while open):
    // another agent sees "being reviewed by …" until it goes stale.
    reviewerId: uuid('reviewer_id').references(() => accounts.id),
    reviewSeenAt: timestamp('review_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requests_reference_key').on(t.reference),
    // One open request per person and service at a time.
    uniqueIndex('requests_one_open_per_person_service')
      .on(t.personId, t.serviceId)
      .where(sql.raw(`status IN (${quoted(openRequestStatuses)})`)),
    // The verification queue: a consulate's submitted requests, oldest first (an agent's departments
    // are filtered while walking it; LIMIT stops the walk early).
    index('requests_queue_idx').on(t.consulateId, t.queuedAt, t.id).where(sql`${t.status} = 'submitted'`),
    index('requests_account_idx').on(t.accountId, t.createdAt),
    index('requests_consulate_idx').on(t.consulateId, t.status),
    check('requests_status', sql.raw(`status IN (${quoted(requestStatuses)})`)),
    check('requests_origin', sql.raw(`origin IN (${quoted(requestOrigins)})`)),
    // The expiry job looks for idle requests by their last change.
    index('requests_idle_idx')
      .on(t.status, t.updatedAt)
      .where(sql`${t.status} IN ('draft', 'more_info_requested', 'accepted')`),
  ],
);
