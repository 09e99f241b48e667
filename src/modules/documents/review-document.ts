import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requestOfStaff } from '../requests/index.ts';
import { documentOfRequest, requestForViewer } from './document-access.ts';
import { assertDocumentTransition } from './document-status.ts';
import type { DocumentRow } from './document-view.ts';
import { documents } from './documents.tables.ts';

export type ReviewDecision = 'accepted' | 'refused';

export interface ReviewDocumentInput {
  principal: Principal;
  requestId: string;
  documentId: string;
  decision: ReviewDecision;
  // Required when refused: the citizen reads it and uploads a better file.
  reason?: string;
}

/**
 * An agent of the request's consulate and department (or the consulate admin) accepts or refuses
 * one document while the request waits for verification. The change and its audit event
 * (before/after) commit together; a refusal carries the reason the citizen will read.
 */
export async function reviewDocument(deps: { db: Db; clock: Clock }, input: ReviewDocumentInput): Promise<DocumentRow> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refused' && !reason) {
    throw new AppError('VALIDATION_FAILED', 400, 'reason: say why the document is refused', {
      fields: [{ path: 'body.reason', message: 'is required when the document is refused' }],
    });
  }
  // Scope first, outside the transaction, so an out-of-scope attempt keeps its audit event.
  await requestForViewer(deps, { kind: 'staff', principal: input.principal }, input.requestId);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const request = await requestOfStaff({ db: tx, auditDb: tx, now }, input.requestId, input.principal, {
      lock: true,
    });
    if (request.status !== 'submitted') {
      throw new AppError(
        'REQUEST_NOT_UNDER_REVIEW',
        409,
        `Documents are reviewed while the request is submitted; it is ${request.status}.`,
        { requestStatus: request.status },
      );
    }
    const document = await documentOfRequest(tx, request.id, input.documentId, { lock: true });
    assertDocumentTransition(document.status, input.decision);
    const [row] = await tx
      .update(documents)
      .set({
        status: input.decision,
        refusalReason: input.decision === 'refused' ? reason : null,
        reviewedBy: input.principal.accountId,
        reviewedAt: now,
      })
      .where(eq(documents.id, document.id))
      .returning();
    await recordAudit(tx, {
      actorAccountId: input.principal.accountId,
      action: `document.${input.decision}`,
      entityType: 'document',
      entityId: document.id,
      consulateId: request.consulate_id,
      reason,
      before: { status: document.status, refusalReason: document.refusalReason },
      after: { status: row!.status, refusalReason: row!.refusalReason },
      at: now,
    });
    return row!;
  });
}
