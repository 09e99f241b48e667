import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { auditEvents, auditSeals } from './audit.tables.ts';
import type { Db } from './db.ts';
import { queryRows } from './db.ts';

export interface AuditEntry {
  actorAccountId: string | null;
  onBehalfOfAccountId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  consulateId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

/** Writes an audit event with the caller's transaction: it commits or rolls back with the change. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    at: entry.at,
    actorAccountId: entry.actorAccountId,
    onBehalfOfAccountId: entry.onBehalfOfAccountId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    consulateId: entry.consulateId ?? null,
    reason: entry.reason ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

const GENESIS = '0'.repeat(64);
const chain = (previous: string, hashes: string[]) =>
  hashes.reduce((acc, hash) => createHash('sha256').update(acc).update(hash).digest('hex'), previous);

/**
 * Folds the events written since the last seal into the chain. Only events older than `settleMs`
 * are sealed, so a transaction that took an id earlier but commits later is never skipped.
 */
export async function sealAuditLog(db: Db, now: Date, settleMs = 60_000): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
    const [last] = await tx.select().from(auditSeals).orderBy(desc(auditSeals.id)).limit(1);
    const cutoff = new Date(now.getTime() - settleMs);
    const toSeal = await queryRows<{ id: number; hash: string }>(
      tx,
      sql`SELECT id, hash FROM audit_events
          WHERE id > ${last?.toId ?? 0}
            AND id <= (SELECT coalesce(max(id), 0) FROM audit_events WHERE at <= ${cutoff})
          ORDER BY id LIMIT 50000`,
    );
    if (toSeal.length === 0) return 0;
    const previousHash = last?.chainHash ?? GENESIS;
    await tx.insert(auditSeals).values({
      fromId: Number(toSeal[0]!.id),
      toId: Number(toSeal[toSeal.length - 1]!.id),
      previousHash,
      chainHash: chain(
        previousHash,
        toSeal.map((e) => e.hash),
      ),
    });
    return toSeal.length;
  });
}

export interface AuditVerification {
  isIntact: boolean;
  checkedEvents: number;
  problems: string[];
}

/** Recomputes every event's hash and every seal's chain; any edit, insertion or removal shows. */
export async function verifyAuditLog(db: Db): Promise<AuditVerification> {
  const problems: string[] = [];
  const altered = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM audit_events e WHERE e.hash IS DISTINCT FROM audit_event_hash(e) ORDER BY id LIMIT 100`,
  );
  for (const { id } of altered) problems.push(`event ${id}: content does not match its hash`);
  const seals = await db.select().from(auditSeals).orderBy(auditSeals.id);
  let previous = GENESIS;
  let checkedEvents = 0;
  let expectedFrom: number | null = null;
  for (const seal of seals) {
    if (seal.previousHash !== previous) problems.push(`seal ${seal.id}: does not follow the previous seal`);
    const events = await queryRows<{ id: number; hash: string }>(
      db,
      sql`SELECT id, hash FROM audit_events WHERE id BETWEEN ${seal.fromId} AND ${seal.toId} ORDER BY id`,
    );
    if (expectedFrom !== null && seal.fromId < expectedFrom) problems.push(`seal ${seal.id}: overlaps`);
    if (
      chain(
        seal.previousHash,
        events.map((e) => e.hash),
      ) !== seal.chainHash
    ) {
      problems.push(`seal ${seal.id}: events ${seal.fromId}..${seal.toId} were changed, added or removed`);
    }
    checkedEvents += events.length;
    previous = seal.chainHash;
    expectedFrom = seal.toId + 1;
  }
  return { isIntact: problems.length === 0, checkedEvents, problems };
}
