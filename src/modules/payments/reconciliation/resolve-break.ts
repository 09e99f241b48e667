import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import { type Principal, requireRole } from '../../../platform/auth.ts';
import { type Db, queryRows } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertReconciliationWriter } from '../treasury.policy.ts';
import { assertBreakTransition, type BreakStatus, breakStatusesLeadingTo } from './break-status.ts';

export interface ResolvedBreak {
  id: string;
  status: BreakStatus;
  resolutionNote: string;
  resolvedAt: Date;
}

const notFound = () => new AppError('BREAK_NOT_FOUND', 404, 'No such reconciliation break in your scope.');

/**
 * A person explains a break (a chargeback, a late settlement, a gateway error...): once, by the
 * headquarters or the consulate's admin. The treasury auditor only reads.
 */
export async function resolveBreak(
  deps: { db: Db; now: Date },
  input: { principal: Principal; breakId: string; note: string },
): Promise<ResolvedBreak> {
  const { principal } = input;
  const { now } = deps;
  requireRole(principal, 'hq_admin', 'consulate_admin');
  return deps.db.transaction(async (tx) => {
    const [found] = await queryRows<{ consulate_id: string; status: BreakStatus }>(
      tx,
      sql`SELECT consulate_id, status FROM reconciliation_breaks WHERE id = ${input.breakId} FOR UPDATE`,
    );
    if (!found) throw notFound();
    try {
      assertReconciliationWriter(principal, found.consulate_id);
    } catch {
      // Another consulate's break looks exactly like one that does not exist.
      throw notFound();
    }
    assertBreakTransition(found.status, 'resolved');
    const [resolved] = await queryRows<{ id: string; status: BreakStatus }>(
      tx,
      sql`UPDATE reconciliation_breaks
          SET status = 'resolved', resolution_note = ${input.note}, resolved_by = ${principal.accountId}, resolved_at = ${now}
          WHERE id = ${input.breakId} AND status IN (${sql.join(breakStatusesLeadingTo('resolved'), sql`, `)})
          RETURNING id, status`,
    );
    if (!resolved) throw new AppError('BREAK_ALREADY_RESOLVED', 409, 'This break was already resolved.');
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: 'reconciliation_break.resolved',
      entityType: 'reconciliation_break',
      entityId: resolved.id,
      consulateId: found.consulate_id,
      reason: input.note,
      before: { status: found.status },
      after: { status: resolved.status },
      at: now,
    });
    return { id: resolved.id, status: resolved.status, resolutionNote: input.note, resolvedAt: now };
  });
}
