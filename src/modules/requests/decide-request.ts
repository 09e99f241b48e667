import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import type { DecisionReasonCode } from './decision-reasons.ts';
import { lockRequest as requestOfCitizenOrStaffLocked, requestOfStaff } from './request-access.ts';
import { isAllAccepted, loadChecklist } from './request-checklist.ts';
import { assertRequestTransition } from './request-status.ts';

export type Decision =
  | { decision: 'accepted'; note?: string }
  | { decision: 'more_info_requested' | 'rejected'; reasonCode: DecisionReasonCode; note?: string };

/**
 * An agent's verdict on a submitted request: accepted (every document accepted first), more
 * information needed, or rejected — the last two with a reason. The citizen is told in the same
 * transaction (outbox).
 */
export async function decideRequest(
  deps: { db: Db; now: Date },
  input: { principal: Principal; requestId: string; verdict: Decision },
): Promise<void> {
  const { now, db } = deps;
  const { verdict, principal } = input;
  // The scope check runs before the transaction: a refusal writes its audit event on its own
  // (the transaction would roll it back, and PGlite's single connection cannot serve a second writer).
  await requestOfStaff({ db, auditDb: db, now }, input.requestId, principal);
  await db.transaction(async (tx) => {
    const request = await requestOfCitizenOrStaffLocked(tx, input.requestId);
    assertRequestTransition(request.status, verdict.decision);
    if (verdict.decision === 'accepted' && !isAllAccepted(await loadChecklist(tx, request.id))) {
      throw new AppError('DOCUMENTS_NOT_REVIEWED', 422, 'Every required document must be accepted before the request.');
    }
    const reasonCode = verdict.decision === 'accepted' ? null : verdict.reasonCode;
    const note = verdict.note?.trim() || null;
    await tx.execute(sql`
      UPDATE requests SET status = ${verdict.decision}, decided_at = ${now}, decided_by = ${principal.accountId},
                          decision_reason_code = ${reasonCode}, decision_note = ${note}, updated_at = ${now}
      WHERE id = ${request.id}`);
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      onBehalfOfAccountId: null,
      action: `request.${verdict.decision}`,
      entityType: 'request',
      entityId: request.id,
      consulateId: request.consulate_id,
      reason: note,
      before: { status: request.status },
      after: { status: verdict.decision, reasonCode },
      at: now,
    });
    const event =
      verdict.decision === 'accepted'
        ? ({ kind: 'request.accepted', payload: { requestId: request.id } } as const)
        : verdict.decision === 'rejected'
          ? ({ kind: 'request.rejected', payload: { requestId: request.id, reasonCode: reasonCode!, note } } as const)
          : ({ kind: 'request.more_info', payload: { requestId: request.id, reasonCode: reasonCode!, note } } as const);
    await notify(tx, request.account_id, event, { now });
  });
}
