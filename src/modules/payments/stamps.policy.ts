import { sql } from 'drizzle-orm';
import { type Principal, requireRole } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

/** Stamps are consumed at the counter: by the consulate's agents and its admin, nobody else (403). */
export function assertStampConsumer(principal: Principal): void {
  requireRole(principal, 'consular_agent', 'consulate_admin');
}

/**
 * Refunds are decided by the admin of the payment's consulate, or by headquarters. Another
 * consulate's payment answers 404, as if it did not exist. Read before any transaction.
 */
export async function assertRefunder(db: Db, principal: Principal, paymentId: string): Promise<void> {
  requireRole(principal, 'consulate_admin', 'hq_admin');
  const [payment] = await queryRows<{ consulate_id: string }>(
    db,
    sql`SELECT consulate_id FROM payments WHERE id = ${paymentId}`,
  );
  const isInScope = payment && (principal.role === 'hq_admin' || payment.consulate_id === principal.consulateId);
  if (!isInScope) throw new AppError('PAYMENT_NOT_FOUND', 404, 'No such payment in your scope.');
}
