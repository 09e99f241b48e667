import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { isEmptyScope, type QueueFilters, type QueueStatus, scopeAndFiltersSql, statusSql } from './queue-filters.ts';
import { staleBefore } from './review-lock.ts';
import { type QueueRow, queueRowsSql } from './verification-queue.ts';

/**
 * The request the workspace opens after a decision: the oldest in the queue with the same filters
 * that no other agent has open (their lock is fresh), other than the one just left. It takes no
 * lock: opening it does, and an agent who loses that race is told who has it and asks again.
 */
export async function nextInQueue(
  db: Db,
  input: QueueFilters & { status: QueueStatus; accountId: string; currentId?: string; now: Date },
): Promise<QueueRow | null> {
  if (isEmptyScope(input)) return null;
  const [row] = await queryRows<QueueRow>(
    db,
    queueRowsSql(
      sql`SELECT * FROM requests q
          WHERE ${statusSql(input.status)} AND ${scopeAndFiltersSql(input)}
            ${input.currentId ? sql`AND q.id <> ${input.currentId}::uuid` : sql``}
            AND (q.reviewer_id IS NULL OR q.reviewer_id = ${input.accountId}
                 OR q.review_seen_at < ${staleBefore(input.now)})
          ORDER BY q.queued_at, q.id
          LIMIT 1`,
      input.now,
    ),
  );
  return row ?? null;
}
