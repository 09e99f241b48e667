import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { outboxMessages } from '../../platform/outbox.tables.ts';

/** One row per message and channel once delivered (or given up): the delivery receipt. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => outboxMessages.id),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    // 'sending' is written and committed before the provider is called: a crash after it leaves
    // evidence that the message may have left, and the retry reuses the same Message-ID.
    status: text('status', { enum: ['sending', 'sent', 'failed'] }).notNull(),
    recipient: text('recipient').notNull(),
    providerMessageId: text('provider_message_id'),
    attempts: smallint('attempts').notNull().default(1),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('deliveries_message_channel_key').on(t.outboxId, t.channel),
    check('deliveries_status', sql`${t.status} IN ('sending', 'sent', 'failed')`),
  ],
);

/** What the development SMS provider "sent": a record to read, in place of a phone. */
export const devSmsMessages = pgTable('dev_sms_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  to: text('to').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
