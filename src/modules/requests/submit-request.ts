import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { requestOfCitizen } from './request-access.ts';
import { isReadyToSubmit, loadChecklist } from './request-checklist.ts';
import { assertRequestTransition } from './request-status.ts';

/**
 * Sends a request (or a request answered after "more information") to the agents' queue. Every
 * required document must be uploaded and none refused. The citizen is told it was received.
 */
export async function submitRequest(
  deps: { db: Db; now: Date },
  input: { accountId: string; requestId: string },
): Promise<void> {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const request = await requestOfCitizen(tx, input.requestId, input.accountId, { lock: true });
    assertRequestTransition(request.status, 'submitted');
    const checklist = await loadChecklist(tx, request.id);
    if (!isReadyToSubmit(checklist)) {
      const missing = checklist.filter((item) => item.status === 'missing' || item.status === 'refused');
      throw new AppError(
        'REQUEST_INCOMPLETE',
        422,
        `Upload every required document first: ${missing.map((m) => m.kind).join(', ')}.`,
        {
          missing: missing.map((m) => m.kind).join(', '),
          documents: missing.map((m) => ({ kind: m.kind, status: m.status })),
        },
      );
    }
    await tx.execute(sql`
      UPDATE requests SET status = 'submitted', queued_at = ${now}, updated_at = ${now},
                          submitted_at = coalesce(submitted_at, ${now})
      WHERE id = ${request.id}`);
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'request.submitted',
      entityType: 'request',
      entityId: request.id,
      consulateId: request.consulate_id,
      before: { status: request.status },
      after: { status: 'submitted' },
      at: now,
    });
    await notify(tx, request.account_id, { kind: 'request.received', payload: { requestId: request.id } }, { now });
  });
}
