import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { requestOfStaff } from './request-access.ts';
import { type ReviewLockView, readReviewLock, staleBefore } from './review-lock.ts';

/**
 * Opens (or keeps open) a request in the agent's workspace: takes the review lock when nobody
 * holds it, the agent already does, or the holder's lock went stale; otherwise says who has it.
 * The take is one conditional UPDATE, so of two agents opening at once exactly one holds it (the
 * second waits on the row, then finds it held and fresh). A new take (not a refresh) is audited:
 * who opened whose dossier, and the start of "being reviewed by … since …".
 */
export async function takeReviewLock(
  deps: { db: Db; now: Date },
  input: { principal: Principal; requestId: string },
): Promise<ReviewLockView> {
  const { db, now } = deps;
  const { principal } = input;
  const request = await requestOfStaff({ db, auditDb: db, now }, input.requestId, principal);
  const stale = staleBefore(now);
  await db.transaction(async (tx) => {
    // `prior` is the row as the statement began: it tells a new take from a refresh.
    const [taken] = await queryRows<{ is_new: boolean }>(
      tx,
      sql`WITH prior AS (SELECT reviewer_id, review_seen_at FROM requests WHERE id = ${request.id})
          UPDATE requests r SET reviewer_id = ${principal.accountId}, review_seen_at = ${now}
          FROM prior
          WHERE r.id = ${request.id}
            AND (r.reviewer_id IS NULL OR r.reviewer_id = ${principal.accountId} OR r.review_seen_at < ${stale})
          RETURNING (prior.reviewer_id IS DISTINCT FROM ${principal.accountId}::uuid
                     OR prior.review_seen_at IS NULL OR prior.review_seen_at < ${stale}) AS is_new`,
    );
    if (taken?.is_new) {
      await recordAudit(tx, {
        actorAccountId: principal.accountId,
        action: 'request.review_opened',
        entityType: 'request',
        entityId: request.id,
        consulateId: request.consulate_id,
        after: { status: request.status },
        at: now,
      });
    }
  });
  return readReviewLock(db, { requestId: request.id, accountId: principal.accountId, now });
}
