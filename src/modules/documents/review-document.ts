import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type DocumentRefusalReasonCode, requestChanged, storedRefusal } from '../requests/index.ts';
import { documentOfRequest, requestForViewer } from './document-access.ts';
import { assertDocumentTransition, documentStatusesLeadingTo } from './document-status.ts';
import type { DocumentRow } from './document-view.ts';
import { documents } from './documents.tables.ts';

export type ReviewDecision = 'accepted' | 'refused';

export interface ReviewDocumentInput {
  principal: Principal;
  requestId: string;
  documentId: string;
  decision: ReviewDecision;
  // A refusal names a template (and may add a note), or gives free text (the form before templates).
  reasonCode?: DocumentRefusalReasonCode;
  note?: string;
  reason?: string;
  // The request's version as the agent's page showed it; when given, a change since refuses the review.
  version?: number;
}

/** What a refusal stores (template and note, or free text); null for an acceptance. */
function refusalOf(input: ReviewDocumentInput): string | null {
  if (input.decision !== 'refused') return null;
  const note = input.note?.trim() || input.reason?.trim() || null;
  if (input.reasonCode) return storedRefusal({ code: input.reasonCode, note });
  if (note) return note;
  throw new AppError('VALIDATION_FAILED', 400, 'reason: say why the document is refused', {
    fields: [{ path: 'body.reason', message: 'is required when the document is refused' }],
  });
}

/**
 * An agent of the request's consulate and department (or the consulate admin) accepts or refuses
 * one document while the request waits for verification. The request's row is written first (its
 * version moves on): every review of a request and its decision pass through that row one at a
 * time, and a decision made on the view before this review is refused (REQUEST_CHANGED). The
 * document's UPDATE is conditional on a status that may lead to the decision. The change and its
 * audit event (before/after) commit together; a refusal carries the reason the citizen will read.
 */
export async function reviewDocument(
  deps: { db: Db; clock: Clock },
  input: ReviewDocumentInput,
): Promise<{ document: DocumentRow; requestVersion: number }> {
  const refusal = refusalOf(input);
  // Scope first, outside the transaction, so an out-of-scope attempt keeps its audit event.
  const request = await requestForViewer(deps, { kind: 'staff', principal: input.principal }, input.requestId);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    // updated_at always moves forward (a clock that did not tick would otherwise change nothing,
    // and the version trigger only bumps on a change).
    const [touched] = await queryRows<{ version: number }>(
      tx,
      sql`UPDATE requests SET updated_at = greatest(${now}, updated_at + interval '1 millisecond')
          WHERE id = ${request.id} AND status = 'submitted'
            ${input.version === undefined ? sql`` : sql`AND version = ${input.version}`}
          RETURNING version`,
    );
    if (!touched) await refuseStaleOrClosed(tx, request.id, input.version);
    const document = await documentOfRequest(tx, request.id, input.documentId);
    assertDocumentTransition(document.status, input.decision);
    const [row] = await tx
      .update(documents)
      .set({ status: input.decision, refusalReason: refusal, reviewedBy: input.principal.accountId, reviewedAt: now })
      .where(and(eq(documents.id, document.id), inArray(documents.status, documentStatusesLeadingTo(input.decision))))
      .returning();
    if (!row) {
      throw new AppError('DOCUMENT_TRANSITION_REFUSED', 409, `This document can no longer become ${input.decision}.`);
    }
    await recordAudit(tx, {
      actorAccountId: input.principal.accountId,
      action: `document.${input.decision}`,
      entityType: 'document',
      entityId: document.id,
      consulateId: request.consulate_id,
      reason: refusal === null ? null : input.note?.trim() || input.reason?.trim() || input.reasonCode || null,
      before: { status: document.status, refusalReason: document.refusalReason },
      after: { status: row.status, refusalReason: row.refusalReason },
      at: now,
    });
    return { document: row, requestVersion: Number(touched!.version) };
  });
}

/** Why the request's row was not written: it left review, or it changed since the version named. */
async function refuseStaleOrClosed(tx: Db, requestId: string, version: number | undefined): Promise<never> {
  const [current] = await queryRows<{ status: string; version: number }>(
    tx,
    sql`SELECT status, version FROM requests WHERE id = ${requestId}`,
  );
  if (current && version !== undefined && Number(current.version) !== version) throw requestChanged(current);
  throw new AppError(
    'REQUEST_NOT_UNDER_REVIEW',
    409,
    `Documents are reviewed while the request is submitted; it is ${current?.status}.`,
    { requestStatus: current?.status },
  );
}
