import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { notify } from '../notifications/notify.ts';
import { activeStatusesSql } from '../scheduling/appointment-status.ts';

export interface RequestExpiryDays {
  draft: number;
  moreInfo: number;
  accepted: number;
}

const DEFAULT_BATCH = 500;

/**
 * Ends the requests their citizen left idle: a draft not touched for `draft` days, a "more
 * information" not answered for `moreInfo` days, an accepted request with no active appointment for
 * `accepted` days (the clock restarts whenever an appointment of it ends). Without it such a request
 * would stay open forever and, one open request per person and service, block a new one. A request
 * submitted to the consulate never expires here: the consulate's queue owes it a decision.
 * Each batch is one transaction (status, audit event with no actor, notification), skipping rows held
 * by a citizen's action at that moment. Idempotent. Returns how many requests expired.
 */
export async function expireIdleRequests(deps: {
  db: Db;
  clock: Clock;
  days: RequestExpiryDays;
  batchSize?: number;
}): Promise<number> {
  const now = deps.clock.now();
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  let total = 0;
  for (;;) {
    const expired = await deps.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; account_id: string; consulate_id: string; previous: string }>(
        tx,
        sql`WITH idle AS (
              SELECT r.id, r.status FROM requests r
              WHERE (r.status = 'draft' AND r.updated_at < ${before(deps.days.draft)})
                 OR (r.status = 'more_info_requested' AND r.updated_at < ${before(deps.days.moreInfo)})
                 OR (r.status = 'accepted' AND r.updated_at < ${before(deps.days.accepted)}
                     AND NOT EXISTS (SELECT 1 FROM appointments a
                                     WHERE a.request_id = r.id AND a.status IN ${activeStatusesSql}))
              ORDER BY r.updated_at
              LIMIT ${batchSize}
              FOR UPDATE OF r SKIP LOCKED
            )
            UPDATE requests r SET status = 'expired', updated_at = ${now}
            FROM idle WHERE r.id = idle.id AND r.status = idle.status
            RETURNING r.id, r.account_id, r.consulate_id, idle.status AS previous`,
      );
      for (const row of rows) {
        await recordAudit(tx, {
          actorAccountId: null,
          action: 'request.expired',
          entityType: 'request',
          entityId: row.id,
          consulateId: row.consulate_id,
          reason: 'idle',
          before: { status: row.previous },
          after: { status: 'expired' },
          at: now,
        });
        await notify(
          tx,
          row.account_id,
          { kind: 'request.expired', payload: { requestId: row.id, previousStatus: row.previous } },
          { now, dedupeKey: `request.expired:${row.id}` },
        );
      }
      return rows.length;
    });
    total += expired;
    if (expired < batchSize) return total;
  }
}
