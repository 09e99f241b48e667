import { desc, sql } from 'drizzle-orm';
import { auditSeals } from '../../platform/audit.tables.ts';
import { type AuditChainCheck, checkAuditChain } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';

export interface ChainState {
  lastSeal: { id: number; fromEventId: number; toEventId: number; sealedAt: string; chainHash: string } | null;
  seals: number;
  // Every event up to this id is sealed (ids skipped by rolled-back transactions were never events).
  sealedThroughEventId: number;
  unsealedEvents: number;
  oldestUnsealedAt: string | null;
  verification: AuditChainCheck & { lastSeals: number };
  checkedAt: string;
}

/**
 * The audit chain as headquarters sees it: the last seal, how much is sealed and waiting, and a
 * verification of the newest `lastSeals` seals (and every event not sealed yet). Walking the whole
 * chain grows with the log; the newest seals bound the page's cost, and `mawid audit verify`
 * checks everything from the command line.
 */
export async function auditChainState(deps: { db: Db; now: Date }, lastSeals: number): Promise<ChainState> {
  const { db } = deps;
  const [last] = await db.select().from(auditSeals).orderBy(desc(auditSeals.id)).limit(1);
  const [counts] = await queryRows<{ seals: number; oldest: Date | string | null }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM audit_seals) AS seals,
               (SELECT min(at) FROM audit_events WHERE id > ${last?.toId ?? 0}) AS oldest`,
  );
  const verification = await checkAuditChain(db, { lastSeals });
  return {
    lastSeal: last
      ? {
          id: last.id,
          fromEventId: last.fromId,
          toEventId: last.toId,
          sealedAt: last.sealedAt.toISOString(),
          chainHash: last.chainHash,
        }
      : null,
    seals: Number(counts?.seals ?? 0),
    sealedThroughEventId: last?.toId ?? 0,
    unsealedEvents: verification.unsealedEvents,
    oldestUnsealedAt: counts?.oldest ? new Date(counts.oldest).toISOString() : null,
    verification: { ...verification, lastSeals },
    checkedAt: deps.now.toISOString(),
  };
}
