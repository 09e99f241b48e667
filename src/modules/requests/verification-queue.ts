import { type SQL, sql } from 'drizzle-orm';
import { type Db, preparedRows, queryRows } from '../../platform/db.ts';
import { type RequestSummaryRow, summaryColumns, summaryJoins } from './list-requests.ts';
import {
  isEmptyScope,
  type QueueFilters,
  type QueueStatus,
  queueShape,
  scopeAndFiltersSql,
  statusSql,
} from './queue-filters.ts';
import { staffNameSql, staleBefore } from './review-lock.ts';

export interface QueueRow extends RequestSummaryRow {
  // A fresh review lock: who has it open now (null when nobody does or the lock went stale).
  lock_reviewer_id: string | null;
  lock_reviewer_name: string | null;
}

/** The queue's rows for a page of requests chosen by `page` (a SELECT of requests), in queue order. */
export function queueRowsSql(page: SQL, now: Date): SQL {
  return sql`WITH page AS (${page})
    SELECT ${summaryColumns}, ra.id AS lock_reviewer_id,
           CASE WHEN ra.id IS NOT NULL THEN ${staffNameSql(sql`ra`)} END AS lock_reviewer_name
    FROM page r ${summaryJoins}
    LEFT JOIN accounts ra ON ra.id = r.reviewer_id AND r.review_seen_at >= ${staleBefore(now)}
    ORDER BY r.queued_at, r.id`;
}

/**
 * One page of the verification queue: requests in the staff member's scope with the given status
 * and filters, oldest in the queue first (queued_at, id), after the cursor. The page is chosen on
 * requests alone (walking the index in order, stopping at the limit), then joined: joining first
 * made the planner sort and hash every queued request. Without a search the statement is prepared
 * per shape; a search's text varies with its words, so it is planned each time.
 */
export async function listVerificationQueue(
  db: Db,
  input: QueueFilters & {
    status: QueueStatus;
    limit: number;
    after?: { queuedAt: Date; id: string };
    now: Date;
  },
): Promise<QueueRow[]> {
  if (isEmptyScope(input)) return [];
  const statement = queueRowsSql(
    sql`SELECT * FROM requests q
        WHERE ${statusSql(input.status)} AND ${scopeAndFiltersSql(input)}
          ${input.after ? sql`AND (q.queued_at, q.id) > (${input.after.queuedAt}, ${input.after.id}::uuid)` : sql``}
        ORDER BY q.queued_at, q.id
        LIMIT ${input.limit}`,
    input.now,
  );
  if (input.search) return queryRows<QueueRow>(db, statement);
  const shape = `${queueShape(input, input.status)}_${input.after ? 'next' : 'first'}`;
  return preparedRows<QueueRow>(db, `verification_queue_${shape}`, statement);
}
