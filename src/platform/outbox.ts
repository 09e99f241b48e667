import type { Db } from './db.ts';
import { outboxMessages } from './outbox.tables.ts';

export interface OutboxEntry {
  kind: string;
  accountId: string;
  payload: Record<string, unknown>;
  // A natural key for events that must exist once (a reminder per appointment); a duplicate is ignored.
  dedupeKey?: string;
  // When it may be sent: now (the use case's clock), or later (a reminder).
  availableAt: Date;
}

/**
 * Writes a message to the outbox with the caller's transaction: if the change rolls back, nothing
 * is ever sent; if it commits, the worker will deliver it, even after a crash.
 */
export async function enqueueOutbox(tx: Db, entry: OutboxEntry): Promise<void> {
  await tx
    .insert(outboxMessages)
    .values({
      kind: entry.kind,
      accountId: entry.accountId,
      payload: entry.payload,
      dedupeKey: entry.dedupeKey ?? null,
      availableAt: entry.availableAt,
      createdAt: entry.availableAt,
    })
    .onConflictDoNothing();
}
