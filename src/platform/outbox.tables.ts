import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../modules/accounts/accounts.tables.ts';

/**
 * The transactional outbox: a notification is written in the same transaction as the change it
 * tells about, and a worker delivers it later on each channel (e-mail, SMS), with retries.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // What happened: 'request.received', 'appointment.booked', ... (one template per kind).
    kind: text('kind').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    // What the template needs (references, local date and time, reasons); no identity numbers.
    payload: jsonb('payload').notNull(),
    // For events that must happen once (a reminder per appointment): a natural unique key.
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: ['pending', 'done', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    // A worker holds the message until then; a crashed worker's lease simply expires.
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_messages_due_idx').on(t.availableAt).where(sql`${t.status} = 'pending'`),
    uniqueIndex('outbox_messages_dedupe_key').on(t.dedupeKey),
    check('outbox_messages_status', sql`${t.status} IN ('pending', 'done', 'dead')`),
  ],
);
