import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { requestOfStaff } from './request-access.ts';
import { type ReviewLockView, readReviewLock } from './review-lock.ts';

/**
 * Closes the request in the agent's workspace: drops the review lock if this agent holds it (a
 * lock someone else took over stays theirs), and answers who has it now. Not a change of the
 * request: no version, no audit.
 */
export async function releaseReviewLock(
  deps: { db: Db; now: Date },
  input: { principal: Principal; requestId: string },
): Promise<ReviewLockView> {
  const { db, now } = deps;
  const request = await requestOfStaff({ db, auditDb: db, now }, input.requestId, input.principal);
  await db.execute(sql`
    UPDATE requests SET reviewer_id = NULL, review_seen_at = NULL
    WHERE id = ${request.id} AND reviewer_id = ${input.principal.accountId}`);
  return readReviewLock(db, { requestId: request.id, accountId: input.principal.accountId, now });
}
