import { sql } from 'drizzle-orm';
import { type Db, preparedRows, queryRows } from '../../platform/db.ts';
import {
  isEmptyScope,
  type QueueFilters,
  type QueueStatus,
  queueShape,
  queueStatuses,
  scopeAndFiltersSql,
} from './queue-filters.ts';

export type QueueCounts = Record<QueueStatus, number>;

/**
 * How many requests of each status the staff member's scope holds, under the same service and
 * search filters as the list (the status being what is counted). Served by requests_consulate_idx
 * (consulate_id, status); every status is counted, zeros included, so the page's tabs never jump.
 */
export async function countVerificationQueue(db: Db, filters: QueueFilters): Promise<QueueCounts> {
  const counts = Object.fromEntries(queueStatuses.map((status) => [status, 0])) as QueueCounts;
  if (isEmptyScope(filters)) return counts;
  const statement = sql`SELECT q.status, count(*)::int AS n FROM requests q
        WHERE q.status <> 'draft' AND q.queued_at IS NOT NULL AND ${scopeAndFiltersSql(filters)}
        GROUP BY q.status`;
  const rows = filters.search
    ? await queryRows<{ status: QueueStatus; n: number }>(db, statement)
    : await preparedRows<{ status: QueueStatus; n: number }>(
        db,
        `verification_counts_${queueShape(filters, 'submitted')}`,
        statement,
      );
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
