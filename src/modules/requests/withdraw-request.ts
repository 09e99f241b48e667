import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { activeStatusesSql } from '../scheduling/appointment-status.ts';
import { requestOfCitizen } from './request-access.ts';
import { assertRequestTransition } from './request-status.ts';

/** The citizen gives up a request. An active appointment must be cancelled first (its own rules). */
export async function withdrawRequest(deps: { db: Db; now: Date }, input: { accountId: string; requestId: string }) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const request = await requestOfCitizen(tx, input.requestId, input.accountId, { lock: true });
    assertRequestTransition(request.status, 'withdrawn');
    const [active] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM appointments WHERE request_id = ${request.id} AND status IN ${activeStatusesSql} LIMIT 1`,
    );
    if (active) throw new AppError('REQUEST_HAS_APPOINTMENT', 409, 'Cancel the appointment of this request first.');
    await tx.execute(sql`UPDATE requests SET status = 'withdrawn', updated_at = ${now} WHERE id = ${request.id}`);
    await recordAudit(tx, {
      actorAccountId: input.accountId,
      action: 'request.withdrawn',
      entityType: 'request',
      entityId: request.id,
      consulateId: request.consulate_id,
      before: { status: request.status },
      after: { status: 'withdrawn' },
      at: now,
    });
  });
}
