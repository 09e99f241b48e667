import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';

/**
 * The review lock: the agent who has a request open in the verification workspace
 * (requests.reviewer_id), and when their page last said so (review_seen_at). The page refreshes it
 * every REVIEW_LOCK_REFRESH_SECONDS; a lock not refreshed for REVIEW_LOCK_STALE_SECONDS is stale
 * (a closed laptop, a lost connection) and anyone may take it over. It only warns: the decision's
 * version is what refuses a stale verdict. Neither column bumps the request's version (trigger).
 */
export const REVIEW_LOCK_STALE_SECONDS = 120;
export const REVIEW_LOCK_REFRESH_SECONDS = 30;

export const staleBefore = (now: Date) => new Date(now.getTime() - REVIEW_LOCK_STALE_SECONDS * 1000);

/**
 * How staff are named to each other. Staff accounts carry no name of their own: the person record
 * of the account when it has one, else its e-mail address.
 */
export function staffNameSql(accountAlias: SQL): SQL {
  return sql`coalesce((SELECT nullif(concat_ws(' ', np.given_name_latin, np.family_name_latin), '')
                       FROM persons np WHERE np.account_id = ${accountAlias}.id AND np.relation = 'self'),
                      ${accountAlias}.email)`;
}

export interface ReviewLockView {
  isHeldByYou: boolean;
  reviewer: { accountId: string; name: string; since: string; lastSeenAt: string } | null;
  staleAfterSeconds: number;
  refreshAfterSeconds: number;
}

/**
 * Who has the request open now (a fresh lock), and since when: the lock's own columns say who and
 * when last seen; the start is the 'request.review_opened' audit event written when it was taken.
 */
export async function readReviewLock(
  db: Db,
  input: { requestId: string; accountId: string; now: Date },
): Promise<ReviewLockView> {
  const [row] = await queryRows<{
    reviewer_id: string | null;
    review_seen_at: Date | null;
    reviewer_name: string | null;
    since: Date | null;
  }>(
    db,
    sql`SELECT r.reviewer_id, r.review_seen_at, ${staffNameSql(sql`ra`)} AS reviewer_name,
               (SELECT max(e.at) FROM audit_events e
                WHERE e.entity_type = 'request' AND e.entity_id = r.id::text
                  AND e.action = 'request.review_opened' AND e.actor_account_id = r.reviewer_id) AS since
        FROM requests r LEFT JOIN accounts ra ON ra.id = r.reviewer_id
        WHERE r.id = ${input.requestId}`,
  );
  const isFresh =
    row?.reviewer_id != null &&
    row.review_seen_at != null &&
    new Date(row.review_seen_at).getTime() >= staleBefore(input.now).getTime();
  const lastSeenAt = isFresh ? new Date(row.review_seen_at!) : null;
  return {
    isHeldByYou: isFresh && row.reviewer_id === input.accountId,
    reviewer:
      isFresh && lastSeenAt
        ? {
            accountId: row.reviewer_id!,
            name: row.reviewer_name ?? '',
            since: new Date(row.since ?? lastSeenAt).toISOString(),
            lastSeenAt: lastSeenAt.toISOString(),
          }
        : null,
    staleAfterSeconds: REVIEW_LOCK_STALE_SECONDS,
    refreshAfterSeconds: REVIEW_LOCK_REFRESH_SECONDS,
  };
}
