import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { outboxMessages } from '../../platform/outbox.tables.ts';
import { deliveries } from './notifications.tables.ts';

/**
 * The outbox's own bookkeeping for the worker: claiming due messages under a lease, reserving a
 * channel before its provider is called, and closing a message (done, retry later, or dead).
 */
export interface LeaseDeps {
  db: Db;
  clock: Clock;
  logger?: {
    warn(details: object, message: string): void;
    error(details: object, message: string): void;
  };
}

/** Minutes before the next attempt after `attempts` failures: 1, 2, 4, 8, 16, 32, then every hour. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 60);
}

export interface ClaimedMessage {
  id: number;
  kind: string;
  accountId: string;
  payload: unknown;
  dedupeKey: string | null;
  attempts: number;
  createdAt: Date;
}

export type Outcome = 'done' | 'retried' | 'dead' | 'lost';
export type ChannelName = 'email' | 'sms';

const iso = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
export const isCodeKind = (kind: string) => kind.startsWith('account.');

/**
 * Takes the due messages nobody holds, and holds them for a lease. One statement, so one short
 * transaction; SKIP LOCKED lets several workers claim side by side without waiting or sharing.
 */
export async function claimMessages(db: Db, now: Date, leaseEnd: Date, limit: number): Promise<ClaimedMessage[]> {
  const rows = await queryRows<{
    id: number;
    kind: string;
    account_id: string;
    payload: unknown;
    dedupe_key: string | null;
    attempts: number;
    created_at: Date | string;
    available_at: Date | string;
  }>(
    db,
    sql`UPDATE outbox_messages SET locked_until = ${iso(leaseEnd)}
        WHERE id IN (
          SELECT id FROM outbox_messages
          WHERE status = 'pending' AND available_at <= ${iso(now)}
            AND (locked_until IS NULL OR locked_until < ${iso(now)})
          ORDER BY available_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, account_id, payload, dedupe_key, attempts, created_at, available_at`,
  );
  return rows
    .sort((a, b) => new Date(a.available_at).getTime() - new Date(b.available_at).getTime() || a.id - b.id)
    .map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      accountId: row.account_id,
      payload: row.payload,
      dedupeKey: row.dedupe_key,
      attempts: row.attempts,
      createdAt: new Date(row.created_at),
    }));
}

/** The lease a worker holds on one message; the token (its locked_until) is renewed before each send. */
export interface Lease {
  token: Date;
  leaseMs: number;
  maxAttempts: number;
}

/**
 * Commits 'sending' for one channel, in the same transaction as the lease renewal. If another
 * worker took the message over (our lease expired and it claimed it), nothing is written.
 */
export async function reserveDelivery(
  deps: LeaseDeps,
  message: ClaimedMessage,
  lease: Lease,
  channel: ChannelName,
  recipient: string,
): Promise<'reserved' | 'already-sent' | 'lost'> {
  const now = deps.clock.now();
  const renewed = new Date(now.getTime() + lease.leaseMs);
  return deps.db.transaction(async (tx) => {
    const held = await queryRows<{ id: number }>(
      tx,
      sql`UPDATE outbox_messages SET locked_until = ${iso(renewed)}
          WHERE id = ${message.id} AND status = 'pending' AND locked_until = ${iso(lease.token)}
          RETURNING id`,
    );
    if (held.length === 0) return 'lost';
    lease.token = renewed;
    const written = await tx
      .insert(deliveries)
      .values({ outboxId: message.id, channel, status: 'sending', recipient, attempts: 1, createdAt: now })
      .onConflictDoUpdate({
        target: [deliveries.outboxId, deliveries.channel],
        set: { status: 'sending', recipient, attempts: sql`${deliveries.attempts} + 1`, error: null },
        setWhere: sql`${deliveries.status} <> 'sent'`,
      })
      .returning({ id: deliveries.id });
    return written.length === 0 ? 'already-sent' : 'reserved';
  });
}

export type Ending = { status: 'done'; reason?: string } | { status: 'dead' | 'failed'; reason: string };

/** Closes the message: done, dead, or back to pending after a backoff. Secret codes leave the outbox once it is closed. */
export async function closeMessage(
  deps: LeaseDeps,
  message: ClaimedMessage,
  lease: Lease,
  ending: Ending,
): Promise<Outcome> {
  const now = deps.clock.now();
  const attempts = ending.status === 'done' ? message.attempts : message.attempts + 1;
  const isDead = ending.status === 'dead' || (ending.status === 'failed' && attempts >= lease.maxAttempts);
  const isClosed = ending.status === 'done' || isDead;
  const payload =
    isClosed && isCodeKind(message.kind) ? sql`${outboxMessages.payload} - 'code'` : outboxMessages.payload;
  const updated = await deps.db
    .update(outboxMessages)
    .set({
      status: ending.status === 'done' ? 'done' : isDead ? 'dead' : 'pending',
      attempts,
      lastError: ending.reason ?? null,
      lockedUntil: null,
      doneAt: isClosed ? now : null,
      availableAt: isClosed ? undefined : new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
      payload,
    })
    .where(
      and(
        eq(outboxMessages.id, message.id),
        eq(outboxMessages.status, 'pending'),
        // Done is a fact whoever holds the lease; a retry or a give-up belongs to the holder.
        ending.status === 'done' ? undefined : sql`${outboxMessages.lockedUntil} = ${iso(lease.token)}`,
      ),
    )
    .returning({ id: outboxMessages.id });
  if (updated.length === 0) return 'lost';
  const details = { outboxId: message.id, kind: message.kind, attempts, reason: ending.reason };
  if (isDead) deps.logger?.error(details, 'notification given up');
  else if (ending.status === 'failed') deps.logger?.warn(details, 'notification failed; will retry');
  return isDead ? 'dead' : ending.status === 'failed' ? 'retried' : 'done';
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}
