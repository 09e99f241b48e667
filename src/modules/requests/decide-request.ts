import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import type { DecisionReasonCode } from './decision-reasons.ts';
import { requestOfStaff } from './request-access.ts';
import { requestChanged } from './request-changed.ts';
import { isAllAccepted, loadChecklist } from './request-checklist.ts';
import { assertRequestTransition } from './request-status.ts';

export type Decision =
  | { decision: 'accepted'; note?: string }
  | { decision: 'more_info_requested' | 'rejected'; reasonCode: DecisionReasonCode; note?: string };

/**
 * An agent's verdict on a submitted request: accepted (every document accepted first), more
 * information needed, or rejected — the last two with a reason. It names the version the agent
 * saw: the UPDATE is conditional on it, so a request changed meanwhile (another agent's decision or
 * document review, the citizen withdrawing) is refused with REQUEST_CHANGED and nothing changes.
 * The review lock is dropped with the decision. The citizen is told in the same transaction (outbox).
 */
export async function decideRequest(
  deps: { db: Db; now: Date },
  input: { principal: Principal; requestId: string; version: number; verdict: Decision },
): Promise<void> {
  const { now, db } = deps;
  const { verdict, principal } = input;
  // The scope check runs before the transaction: a refusal writes its audit event on its own
  // (the transaction would roll it back, and PGlite's single connection cannot serve a second writer).
  const seen = await requestOfStaff({ db, auditDb: db, now }, input.requestId, principal);
  // A stale page learns that first: whatever it would decide was decided on an old view.
  if (seen.version !== input.version) throw requestChanged(seen);
  await db.transaction(async (tx) => {
    assertRequestTransition(seen.status, verdict.decision);
    // Read without a lock: any change since (a document reviewed) bumps the version, which the
    // UPDATE below checks; a document review in flight holds the row, so the UPDATE waits for it.
    if (verdict.decision === 'accepted' && !isAllAccepted(await loadChecklist(tx, seen.id))) {
      throw new AppError('DOCUMENTS_NOT_REVIEWED', 422, 'Every required document must be accepted before the request.');
    }
    const reasonCode = verdict.decision === 'accepted' ? null : verdict.reasonCode;
    const note = verdict.note?.trim() || null;
    const [decided] = await queryRows<{ version: number }>(
      tx,
      sql`UPDATE requests SET status = ${verdict.decision}, decided_at = ${now}, decided_by = ${principal.accountId},
                              decision_reason_code = ${reasonCode}, decision_note = ${note}, updated_at = ${now},
                              reviewer_id = NULL, review_seen_at = NULL
          WHERE id = ${seen.id} AND version = ${input.version} AND status = ${seen.status}
          RETURNING version`,
    );
    if (!decided) {
      const [current] = await queryRows<{ version: number; status: string }>(
        tx,
        sql`SELECT version, status FROM requests WHERE id = ${seen.id}`,
      );
      throw requestChanged(current ?? seen);
    }
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      onBehalfOfAccountId: null,
      action: `request.${verdict.decision}`,
      entityType: 'request',
      entityId: seen.id,
      consulateId: seen.consulate_id,
      reason: note,
      before: { status: seen.status, version: input.version },
      after: { status: verdict.decision, reasonCode, version: Number(decided.version) },
      at: now,
    });
    const event =
      verdict.decision === 'accepted'
        ? ({ kind: 'request.accepted', payload: { requestId: seen.id } } as const)
        : verdict.decision === 'rejected'
          ? ({ kind: 'request.rejected', payload: { requestId: seen.id, reasonCode: reasonCode!, note } } as const)
          : ({ kind: 'request.more_info', payload: { requestId: seen.id, reasonCode: reasonCode!, note } } as const);
    await notify(tx, seen.account_id, event, { now });
  });
}
