import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { PaymentStatus, StampStatus } from './payment-status.ts';

export interface PaymentView {
  id: string;
  orderId: string;
  requestId: string;
  channel: 'online' | 'counter';
  gateway: 'cmi' | 'sandbox' | 'counter';
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  createdAt: string;
  expiresAt: string | null;
  succeededAt: string | null;
  stampNumber: string | null;
}

interface ViewRow {
  id: string;
  order_id: string;
  request_id: string;
  channel: 'online' | 'counter';
  gateway: 'cmi' | 'sandbox' | 'counter';
  amount_minor: number;
  currency: string;
  status: PaymentStatus;
  created_at: Date;
  expires_at: Date | null;
  succeeded_at: Date | null;
  stamp_number: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function present(row: ViewRow): PaymentView {
  return {
    id: row.id,
    orderId: row.order_id,
    requestId: row.request_id,
    channel: row.channel,
    gateway: row.gateway,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    status: row.status,
    createdAt: iso(row.created_at)!,
    expiresAt: iso(row.expires_at),
    succeededAt: iso(row.succeeded_at),
    stampNumber: row.stamp_number,
  };
}

const SELECT_VIEW = sql`
  SELECT p.id, p.order_id, p.request_id, p.channel, p.gateway, p.amount_minor, p.currency, p.status, p.created_at,
         p.expires_at, p.succeeded_at, s.number AS stamp_number
  FROM payments p LEFT JOIN stamps s ON s.payment_id = p.id`;

/** A payment of one of the citizen's requests; 404 for anyone else's. */
export async function paymentOfCitizen(db: Db, paymentId: string, accountId: string): Promise<PaymentView> {
  const [row] = await queryRows<ViewRow>(
    db,
    sql`${SELECT_VIEW} JOIN requests r ON r.id = p.request_id WHERE p.id = ${paymentId} AND r.account_id = ${accountId}`,
  );
  if (!row) throw new AppError('PAYMENT_NOT_FOUND', 404, 'No such payment in your scope.');
  return present(row);
}

export async function paymentView(db: Db, paymentId: string): Promise<PaymentView> {
  const [row] = await queryRows<ViewRow>(db, sql`${SELECT_VIEW} WHERE p.id = ${paymentId}`);
  if (!row) throw new AppError('PAYMENT_NOT_FOUND', 404, 'No such payment in your scope.');
  return present(row);
}

/** A request's payments, newest first, and its stamp (the one not refunded, else the latest). */
export async function requestPayments(db: Db, requestId: string) {
  const rows = await queryRows<ViewRow>(
    db,
    sql`${SELECT_VIEW} WHERE p.request_id = ${requestId} ORDER BY p.created_at DESC, p.id`,
  );
  const [stamp] = await queryRows<{ number: string; status: StampStatus }>(
    db,
    sql`SELECT number, status FROM stamps WHERE request_id = ${requestId}
        ORDER BY (status = 'refunded'), issued_at DESC LIMIT 1`,
  );
  return { payments: rows.map(present), stamp: stamp ?? null };
}

/** The payment and request behind an order id, for the browser's return page. */
export async function paymentOfOrder(
  db: Db,
  orderId: string,
): Promise<{ paymentId: string; requestId: string } | null> {
  const [row] = await queryRows<{ id: string; request_id: string }>(
    db,
    sql`SELECT id, request_id FROM payments WHERE order_id = ${orderId}`,
  );
  return row ? { paymentId: row.id, requestId: row.request_id } : null;
}
