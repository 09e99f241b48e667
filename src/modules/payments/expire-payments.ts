import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import type { PaymentGateway } from './gateways/gateway.ts';
import { queryPaymentStatus } from './query-payment-status.ts';

export interface ExpiryReport {
  checked: number;
  succeeded: number;
  expired: number;
  // The gateway could not be asked: left as they are, for the next run.
  deferred: number;
}

/**
 * Closes the online payments left unfinished past their expiry (PAYMENT_EXPIRY_MINUTES): each is
 * first asked of the gateway, so an order that was approved but whose callback was lost gets its
 * stamp instead; the others become expired. A later success callback still wins over the expiry.
 * Idempotent: a second run finds nothing left to do. Meant for the scheduler, every few minutes.
 */
export async function expirePayments(
  deps: {
    db: Db;
    clock: Clock;
    keys: Keys;
    gateway: PaymentGateway;
    onError?: (paymentId: string, error: unknown) => void;
  },
  options: { limit?: number } = {},
): Promise<ExpiryReport> {
  const due = await queryRows<{ id: string }>(
    deps.db,
    sql`SELECT id FROM payments
        WHERE status IN ('created', 'pending', 'failed') AND channel = 'online' AND gateway = ${deps.gateway.name}
          AND expires_at <= ${deps.clock.now()}
        ORDER BY expires_at
        LIMIT ${options.limit ?? 500}`,
  );
  const report: ExpiryReport = { checked: due.length, succeeded: 0, expired: 0, deferred: 0 };
  for (const { id } of due) {
    try {
      const result = await queryPaymentStatus(deps, id, { expire: true });
      if (result.outcome === 'succeeded') report.succeeded++;
      else if (result.outcome === 'expired') report.expired++;
      else if (result.outcome === 'capture_failed') report.deferred++;
    } catch (error) {
      report.deferred++;
      deps.onError?.(id, error);
    }
  }
  return report;
}
