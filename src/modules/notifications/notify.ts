import type { Db } from '../../platform/db.ts';
import { enqueueOutbox } from '../../platform/outbox.ts';
import type { NotificationEvent } from './notification-events.ts';

/**
 * Queues a notification for an account, in the caller's transaction. The worker renders it in the
 * account's language and sends it by e-mail, and by SMS when the account has a phone.
 */
export async function notify(
  tx: Db,
  accountId: string,
  event: NotificationEvent,
  options: { now: Date; availableAt?: Date; dedupeKey?: string },
): Promise<void> {
  await enqueueOutbox(tx, {
    kind: event.kind,
    accountId,
    payload: event.payload as unknown as Record<string, unknown>,
    availableAt: options.availableAt ?? options.now,
    dedupeKey: options.dedupeKey,
  });
}
