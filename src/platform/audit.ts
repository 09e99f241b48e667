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

/** Where the chain first breaks: an event whose content no longer matches its hash, or a seal. */
export interface BrokenLink {
  kind: 'event' | 'seal';
  id: number;
  problem: string;
}

export interface AuditChainCheck {
  isIntact: boolean;
  // The seals checked, oldest first (null when there are none), and the events they cover.
  fromSealId: number | null;
  toSealId: number | null;
  checkedSeals: number;
  checkedEvents: number;
  // Events after the last seal: rehashed, not chained yet (the sealer folds them once settled).
  unsealedEvents: number;
  // The earliest broken link in log order, then every problem found (at most 100), in log order.
  firstBrokenLink: BrokenLink | null;
  brokenLinks: BrokenLink[];
}

const MAX_BROKEN_LINKS = 100;
const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : 'nothing');

/**
 * Checks the chain with a location for each break (verifyAuditLog's findings, as data). With
 * `lastSeals` only the newest seals are walked (the first of them must still follow the seal
 * before it) and only events from the first one on are rehashed, so the cost is bounded whatever
 * the log's size; without it, the whole log. Events not sealed yet are rehashed either way.
 */
export async function checkAuditChain(db: Db, options: { lastSeals?: number } = {}): Promise<AuditChainCheck> {
  const newest = options.lastSeals
    ? await db.select().from(auditSeals).orderBy(desc(auditSeals.id)).limit(options.lastSeals)
    : await db.select().from(auditSeals).orderBy(desc(auditSeals.id));
  const seals = newest.reverse();
  const first = seals[0];
  const [before] = first
    ? await queryRows<{ chain_hash: string; to_id: number }>(
        db,
        sql`SELECT chain_hash, to_id FROM audit_seals WHERE id < ${first.id} ORDER BY id DESC LIMIT 1`,
      )
    : [];
  const fromEventId = first ? first.fromId : 0;
  const links: { at: number; link: BrokenLink }[] = [];
  const altered = await queryRows<{ id: number; hash: string | null; recomputed: string }>(
    db,
    sql`SELECT id, hash, audit_event_hash(e) AS recomputed FROM audit_events e
        WHERE id >= ${fromEventId} AND e.hash IS DISTINCT FROM audit_event_hash(e)
        ORDER BY id LIMIT ${MAX_BROKEN_LINKS}`,
  );
  for (const event of altered) {
    const id = Number(event.id);
    const problem = `content does not match its hash (stored ${short(event.hash)}, content hashes to ${short(event.recomputed)})`;
    links.push({ at: id, link: { kind: 'event', id, problem } });
  }
  let previous = before?.chain_hash ?? GENESIS;
  let expectedFrom = before ? Number(before.to_id) + 1 : null;
  let checkedEvents = 0;
  for (const seal of seals) {
    const at = seal.fromId;
    const broken = (problem: string) => links.push({ at, link: { kind: 'seal', id: seal.id, problem } });
    if (seal.previousHash !== previous) {
      broken(
        `does not follow the previous seal (previous_hash ${short(seal.previousHash)}, expected ${short(previous)})`,
      );
    }
    if (expectedFrom !== null && seal.fromId < expectedFrom) {
      broken(`overlaps the previous seal (starts at event ${seal.fromId}, expected ${expectedFrom} or later)`);
    }
    const events = await queryRows<{ hash: string }>(
      db,
      sql`SELECT hash FROM audit_events WHERE id BETWEEN ${seal.fromId} AND ${seal.toId} ORDER BY id`,
    );
    const recomputed = chain(
      seal.previousHash,
      events.map((e) => e.hash),
    );
    if (recomputed !== seal.chainHash) {
      broken(
        `events ${seal.fromId}..${seal.toId} were changed, added or removed (chain_hash ${short(seal.chainHash)}, ` +
          `the ${events.length} events there chain to ${short(recomputed)})`,
      );
    }
    checkedEvents += events.length;
    previous = seal.chainHash;
    expectedFrom = seal.toId + 1;
  }
  // Log order: an event at its id, a seal at its first event (anything from there on may have
  // changed); at one position the event's own mismatch, which names the row, comes first.
  links.sort((a, b) => a.at - b.at || (a.link.kind === b.link.kind ? 0 : a.link.kind === 'event' ? -1 : 1));
  const brokenLinks = links.slice(0, MAX_BROKEN_LINKS).map((l) => l.link);
  const [unsealed] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM audit_events WHERE id > ${seals.at(-1)?.toId ?? 0}`,
  );
  return {
    isIntact: brokenLinks.length === 0,
    fromSealId: first?.id ?? null,
    toSealId: seals.at(-1)?.id ?? null,
    checkedSeals: seals.length,
    checkedEvents,
    unsealedEvents: Number(unsealed?.n ?? 0),
    firstBrokenLink: brokenLinks[0] ?? null,
    brokenLinks,
  };
}
