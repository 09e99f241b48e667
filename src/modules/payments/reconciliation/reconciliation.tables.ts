import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/accounts.tables.ts';
import { consulates } from '../../network/network.tables.ts';
import { payments, refunds } from '../payments.tables.ts';
import { breakStatuses } from './break-status.ts';
import { breakReasons, settlementLineTypes } from './reconciliation-terms.ts';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A gateway's daily settlement file for one consulate (merchant), business day and currency, as
 * imported. Kept as received (append-only, migration 0005): a corrected file is a new day's
 * correction, never an edit. Totals are integer minor units of `currency`.
 */
export const settlementFiles = pgTable(
  'settlement_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    businessDate: date('business_date').notNull(),
    currency: text('currency').notNull(),
    // SHA-256 of the uploaded bytes: what was imported can be proven later.
    sha256: text('sha256').notNull(),
    lineCount: integer('line_count').notNull(),
    salesMinor: bigint('sales_minor', { mode: 'number' }).notNull(),
    refundsMinor: bigint('refunds_minor', { mode: 'number' }).notNull(),
    // The ledger entry that moved the file's net amount from the gateway receivable to the Treasury
    // bank (null when the net is zero).
    settlementEntryId: bigint('settlement_entry_id', { mode: 'number' }),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => accounts.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('settlement_files_day_key').on(t.consulateId, t.businessDate, t.currency),
    check('settlement_files_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** One line of a settlement file, with what it was matched to in the ledger (if anything). */
export const settlementLines = pgTable(
  'settlement_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => settlementFiles.id),
    // 1 for the first line after the header.
    lineNumber: integer('line_number').notNull(),
    transactionDate: date('transaction_date').notNull(),
    orderId: text('order_id').notNull(),
    gatewayTransactionId: text('gateway_transaction_id').notNull(),
    type: text('type', { enum: settlementLineTypes }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    paymentId: uuid('payment_id').references(() => payments.id),
    refundId: uuid('refund_id').references(() => refunds.id),
    matchStatus: text('match_status', { enum: ['matched', 'break'] }).notNull(),
  },
  (t) => [
    uniqueIndex('settlement_lines_file_line_key').on(t.fileId, t.lineNumber),
    index('settlement_lines_order_idx').on(t.orderId),
    check('settlement_lines_type', sql.raw(`type IN (${quoted(settlementLineTypes)})`)),
    check('settlement_lines_amount_positive', sql`${t.amountMinor} > 0`),
    check('settlement_lines_match_status', sql`${t.matchStatus} IN ('matched', 'break')`),
  ],
);

/**
 * A difference between the ledger and the gateway's settlement file, to be explained by a person:
 * a movement without a line, a line without a movement, or a line whose amount or currency differ.
 */
export const reconciliationBreaks = pgTable(
  'reconciliation_breaks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => settlementFiles.id),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    businessDate: date('business_date').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason', { enum: breakReasons }).notNull(),
    orderId: text('order_id').notNull(),
    type: text('type', { enum: settlementLineTypes }).notNull(),
    lineId: bigint('line_id', { mode: 'number' }).references(() => settlementLines.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    refundId: uuid('refund_id').references(() => refunds.id),
    // What the ledger holds and what the file says, in minor units (null for the side that is missing).
    ledgerAmountMinor: bigint('ledger_amount_minor', { mode: 'number' }),
    ledgerCurrency: text('ledger_currency'),
    fileAmountMinor: bigint('file_amount_minor', { mode: 'number' }),
    fileCurrency: text('file_currency'),
    status: text('status', { enum: breakStatuses }).notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => accounts.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('reconciliation_breaks_day_idx').on(t.consulateId, t.businessDate),
    index('reconciliation_breaks_open_idx').on(t.createdAt).where(sql`${t.status} = 'open'`),
    check('reconciliation_breaks_reason', sql.raw(`reason IN (${quoted(breakReasons)})`)),
    check('reconciliation_breaks_status', sql.raw(`status IN (${quoted(breakStatuses)})`)),
    check(
      'reconciliation_breaks_resolution',
      sql`(${t.status} = 'resolved') = (${t.resolvedAt} IS NOT NULL AND ${t.resolvedBy} IS NOT NULL AND ${t.resolutionNote} IS NOT NULL)`,
    ),
  ],
);
