import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.tables.ts';
import { consulates, services } from '../network/network.tables.ts';
import { requests } from '../requests/requests.tables.ts';
import { paymentStatuses, stampStatuses } from './payment-status.ts';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One attempt to collect a request's fee: online through a card gateway, or by card at the counter.
 * Amounts are integer minor units of `currency` (ISO 4217 alpha), end to end. No card number, CVV or
 * store key is ever stored.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Our order id, sent to the gateway as `oid`: ET-<consulate>-<random>.
    orderId: text('order_id').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    // The citizen who pays online, or the agent who takes the card at the counter.
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    channel: text('channel', { enum: ['online', 'counter'] }).notNull(),
    gateway: text('gateway', { enum: ['cmi', 'sandbox', 'counter'] }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('created'),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    // What the gateway or the terminal said: transaction id, authorization code, terminal reference.
    gatewayTransactionId: text('gateway_transaction_id'),
    authorizationCode: text('authorization_code'),
    terminalReference: text('terminal_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_order_id_key').on(t.orderId),
    // A request's fee is paid once: at most one payment that holds money at a time.
    uniqueIndex('payments_one_paid_per_request')
      .on(t.requestId)
      .where(sql`${t.status} IN ('succeeded', 'partially_refunded')`),
    index('payments_request_idx').on(t.requestId),
    index('payments_consulate_created_idx').on(t.consulateId, t.createdAt),
    index('payments_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} IN ('created', 'pending', 'failed')`),
    check('payments_status', sql.raw(`status IN (${quoted(paymentStatuses)})`)),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
    check('payments_refund_bounds', sql`${t.refundedMinor} >= 0 AND ${t.refundedMinor} <= ${t.amountMinor}`),
    check('payments_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * Everything a gateway told us about a payment (callbacks, returns, status queries), with the
 * fields it sent minus anything card-related: the evidence behind every status change.
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    paymentId: uuid('payment_id').references(() => payments.id),
    orderId: text('order_id').notNull(),
    source: text('source', { enum: ['callback', 'browser_return', 'status_query', 'counter', 'expiry'] }).notNull(),
    outcome: text('outcome').notNull(),
    procReturnCode: text('proc_return_code'),
    fields: jsonb('fields').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_events_payment_idx').on(t.paymentId, t.receivedAt)],
);

/** The electronic fee stamp: what a paid fee becomes, consumed once when the service is delivered. */
export const stamps = pgTable(
  'stamps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Random digits and a Damm check digit (stamp-number.ts).
    number: text('number').notNull(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: stampStatuses }).notNull().default('valid'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    // Ed25519 over the canonical payload (number, consulate, service, amount, currency, issued-at).
    signature: text('signature').notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    consumedBy: uuid('consumed_by').references(() => accounts.id),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stamps_number_key').on(t.number),
    // A payment gives one stamp, however many times its callback is replayed.
    uniqueIndex('stamps_payment_key').on(t.paymentId),
    index('stamps_request_idx').on(t.requestId),
    check('stamps_status', sql.raw(`status IN (${quoted(stampStatuses)})`)),
    check('stamps_amount_positive', sql`${t.amountMinor} > 0`),
    check(
      'stamps_status_dates',
      sql`(${t.status} = 'consumed') = (${t.consumedAt} IS NOT NULL)
       AND (${t.status} = 'refunded') = (${t.refundedAt} IS NOT NULL)`,
    ),
  ],
);

/** A refund of (part of) a payment. */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => accounts.id),
    gatewayReference: text('gateway_reference'),
    // The refund (credit) sent to the card gateway: pending until the gateway answers, retried by
    // the worker with the same key (the gateway refuses a second credit under one key), never lost.
    gatewayStatus: text('gateway_status', { enum: ['pending', 'succeeded', 'refused'] })
      .notNull()
      .default('pending'),
    gatewayKey: text('gateway_key'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    check('refunds_amount_positive', sql`${t.amountMinor} > 0`),
    check('refunds_gateway_status', sql`${t.gatewayStatus} IN ('pending', 'succeeded', 'refused')`),
    uniqueIndex('refunds_gateway_key').on(t.gatewayKey).where(sql`${t.gatewayKey} IS NOT NULL`),
    index('refunds_pending_idx').on(t.nextAttemptAt).where(sql`${t.gatewayStatus} = 'pending'`),
  ],
);

/**
 * The ledger: accounts per kind, consulate, currency (and service for revenue). Entries are
 * immutable and balanced per currency (database triggers, migration 0004); corrections are reversals.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['gateway_receivable', 'terminal_receivable', 'stamp_liability', 'fee_revenue', 'treasury_bank'],
    }).notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    currency: text('currency').notNull(),
    serviceId: uuid('service_id').references(() => services.id),
  },
  (t) => [
    uniqueIndex('ledger_accounts_key').on(
      t.kind,
      t.consulateId,
      t.currency,
      sql`coalesce(${t.serviceId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      'ledger_accounts_kind',
      sql`${t.kind} IN ('gateway_receivable', 'terminal_receivable', 'stamp_liability', 'fee_revenue', 'treasury_bank')`,
    ),
  ],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', {
      enum: ['stamp_sold_online', 'stamp_sold_counter', 'stamp_consumed', 'refund', 'settlement', 'reversal'],
    }).notNull(),
    consulateId: uuid('consulate_id')
      .notNull()
      .references(() => consulates.id),
    currency: text('currency').notNull(),
    // The consulate's local business day the movement belongs to (reconciliation is per day).
    businessDate: date('business_date').notNull(),
    paymentId: uuid('payment_id').references(() => payments.id),
    stampId: uuid('stamp_id').references(() => stamps.id),
    refundId: uuid('refund_id').references(() => refunds.id),
    reversesEntryId: bigint('reverses_entry_id', { mode: 'number' }),
    memo: text('memo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_consulate_day_idx').on(t.consulateId, t.businessDate),
    // One sale entry per stamp and one consumption entry per stamp, whatever the retries.
    uniqueIndex('ledger_entries_one_sale_per_stamp')
      .on(t.stampId)
      .where(sql`${t.kind} IN ('stamp_sold_online', 'stamp_sold_counter')`),
    uniqueIndex('ledger_entries_one_consumption_per_stamp').on(t.stampId).where(sql`${t.kind} = 'stamp_consumed'`),
  ],
);

/** A posting: debit positive, credit negative. The postings of an entry sum to zero per currency. */
export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerEntries.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [
    index('ledger_postings_entry_idx').on(t.entryId),
    index('ledger_postings_account_idx').on(t.accountId),
    check('ledger_postings_nonzero', sql`${t.amountMinor} <> 0`),
  ],
);
