import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { PaymentStatus, StampStatus } from './payment-status.ts';

/**
 * The treasury's lists of payments, stamps and refunds across the network, newest first, with
 * keyset pagination: the cursor is the last row's (time, id), so a page costs the same at any depth.
 * Dates filter on each consulate's own calendar day.
 */
export interface TreasuryFilters {
  consulateId?: string;
  status?: string;
  currency?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

type Cursor = { at: string; id: string };

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      /^[\d-]+T[\d:.]+Z$/.test(at) &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { at, id };
    }
  } catch {
    // fall through to the refusal
  }
  throw new AppError('VALIDATION_FAILED', 400, 'query.cursor: must be the `next` cursor of a previous page', {
    fields: [{ path: 'query.cursor', message: 'must be the `next` cursor of a previous page' }],
  });
}

// Microseconds, as PostgreSQL keeps them: a millisecond cursor would skip rows of the same millisecond.
const cursorAt = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function conditions(
  filters: TreasuryFilters,
  table: { time: SQL; id: SQL; consulate: SQL; status?: SQL; currency: SQL },
) {
  const where: SQL[] = [sql`TRUE`];
  if (filters.consulateId) where.push(sql`${table.consulate} = ${filters.consulateId}`);
  if (filters.status && table.status) where.push(sql`${table.status} = ${filters.status}`);
  if (filters.currency) where.push(sql`${table.currency} = ${filters.currency}`);
  if (filters.from) where.push(sql`${table.time} >= (${filters.from}::date)::timestamp AT TIME ZONE c.time_zone`);
  if (filters.to) where.push(sql`${table.time} < (${filters.to}::date + 1)::timestamp AT TIME ZONE c.time_zone`);
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    where.push(sql`(${table.time}, ${table.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  return sql.join(where, sql` AND `);
}

const isoOf = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as Date).toISOString();

/** Runs a page query (limit + 1 rows: one more says whether there is a next page); instants leave as ISO text. */
async function page<T extends { id: string }>(
  db: Db,
  query: SQL,
  limit: number,
  instants: readonly (keyof T)[],
): Promise<Page<T>> {
  const rows = await queryRows<Record<string, unknown> & { id: string; cursor_at: string }>(db, query);
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  const next = rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null;
  const items = kept.map(({ cursor_at: _cursor, ...row }) => {
    for (const field of instants) row[field as string] = isoOf(row[field as string]);
    return row as unknown as T;
  });
  return { items, next };
}

export interface TreasuryPayment {
  id: string;
  orderId: string;
  consulateId: string;
  consulateCode: string;
  serviceCode: string;
  requestId: string;
  channel: 'online' | 'counter';
  gateway: string;
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  status: PaymentStatus;
  gatewayTransactionId: string | null;
  authorizationCode: string | null;
  terminalReference: string | null;
  stampNumber: string | null;
  createdAt: string;
  succeededAt: string | null;
}

export function listPayments(db: Db, filters: TreasuryFilters): Promise<Page<TreasuryPayment>> {
  const where = conditions(filters, {
    time: sql`p.created_at`,
    id: sql`p.id`,
    consulate: sql`p.consulate_id`,
    status: sql`p.status`,
    currency: sql`p.currency`,
  });
  return page<TreasuryPayment>(
    db,
    sql`SELECT p.id, p.order_id AS "orderId", p.consulate_id AS "consulateId", c.code AS "consulateCode",
               sv.code AS "serviceCode", p.request_id AS "requestId", p.channel, p.gateway,
               p.amount_minor AS "amountMinor", p.refunded_minor AS "refundedMinor", p.currency, p.status,
               p.gateway_transaction_id AS "gatewayTransactionId", p.authorization_code AS "authorizationCode",
               p.terminal_reference AS "terminalReference", st.number AS "stampNumber",
               p.created_at AS "createdAt", p.succeeded_at AS "succeededAt", ${cursorAt(sql`p.created_at`)} AS cursor_at
        FROM payments p
        JOIN consulates c ON c.id = p.consulate_id
        JOIN services sv ON sv.id = p.service_id
        LEFT JOIN stamps st ON st.payment_id = p.id
        WHERE ${where}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${filters.limit + 1}`,
    filters.limit,
    ['createdAt', 'succeededAt'],
  );
}

export interface TreasuryStamp {
  id: string;
  number: string;
  paymentId: string;
  consulateId: string;
  consulateCode: string;
  serviceCode: string;
  amountMinor: number;
  currency: string;
  status: StampStatus;
  issuedAt: string;
  consumedAt: string | null;
  refundedAt: string | null;
}

export function listStamps(db: Db, filters: TreasuryFilters): Promise<Page<TreasuryStamp>> {
  const where = conditions(filters, {
    time: sql`st.issued_at`,
    id: sql`st.id`,
    consulate: sql`st.consulate_id`,
    status: sql`st.status`,
    currency: sql`st.currency`,
  });
  return page<TreasuryStamp>(
    db,
    sql`SELECT st.id, st.number, st.payment_id AS "paymentId", st.consulate_id AS "consulateId", c.code AS "consulateCode",
               sv.code AS "serviceCode", st.amount_minor AS "amountMinor", st.currency, st.status,
               st.issued_at AS "issuedAt", st.consumed_at AS "consumedAt", st.refunded_at AS "refundedAt",
               ${cursorAt(sql`st.issued_at`)} AS cursor_at
        FROM stamps st
        JOIN consulates c ON c.id = st.consulate_id
        JOIN services sv ON sv.id = st.service_id
        WHERE ${where}
        ORDER BY st.issued_at DESC, st.id DESC LIMIT ${filters.limit + 1}`,
    filters.limit,
    ['issuedAt', 'consumedAt', 'refundedAt'],
  );
}

export interface TreasuryRefund {
  id: string;
  paymentId: string;
  orderId: string;
  consulateId: string;
  consulateCode: string;
  amountMinor: number;
  currency: string;
  reason: string;
  requestedBy: string;
  gatewayReference: string | null;
  createdAt: string;
}

export function listRefunds(db: Db, filters: TreasuryFilters): Promise<Page<TreasuryRefund>> {
  const where = conditions(filters, {
    time: sql`r.created_at`,
    id: sql`r.id`,
    consulate: sql`p.consulate_id`,
    currency: sql`r.currency`,
  });
  return page<TreasuryRefund>(
    db,
    sql`SELECT r.id, r.payment_id AS "paymentId", p.order_id AS "orderId", p.consulate_id AS "consulateId",
               c.code AS "consulateCode", r.amount_minor AS "amountMinor", r.currency, r.reason,
               r.requested_by AS "requestedBy", r.gateway_reference AS "gatewayReference", r.created_at AS "createdAt",
               ${cursorAt(sql`r.created_at`)} AS cursor_at
        FROM refunds r
        JOIN payments p ON p.id = r.payment_id
        JOIN consulates c ON c.id = p.consulate_id
        WHERE ${where}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${filters.limit + 1}`,
    filters.limit,
    ['createdAt'],
  );
}
