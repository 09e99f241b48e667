import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { accounts } from '../accounts/accounts.tables.ts';
import { PermanentDeliveryError } from './delivery-error.ts';
import type { EmailChannel } from './email-channel.ts';
import { loadMessageFacts, type MessageFacts } from './message-facts.ts';
import { deliveries } from './notifications.tables.ts';
import {
  type ChannelName,
  type ClaimedMessage,
  claimMessages,
  closeMessage,
  describeError,
  type Ending,
  isCodeKind,
  type Lease,
  type Outcome,
  reserveDelivery,
} from './outbox-lease.ts';
import { reminderDedupeKey } from './reminders.ts';
import type { SmsProvider } from './sms-channel.ts';
import { type RenderedMessage, renderMessage } from './templates/render-message.ts';

export interface Channels {
  email: EmailChannel;
  // Absent when no SMS gateway is configured: e-mail only.
  sms?: SmsProvider;
}

export interface WorkerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OutboxWorkerDeps {
  db: Db;
  clock: Clock;
  channels: Channels;
  // config.PUBLIC_URL: links in messages start there.
  publicUrl: string;
  logger?: WorkerLogger;
}

export interface BatchOptions {
  limit?: number;
  // How long a claimed message is reserved for this worker; renewed before each send.
  leaseMs?: number;
  // Failed attempts before a message is given up ('dead').
  maxAttempts?: number;
}

export interface BatchResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
  // Taken over by another worker after this one's lease expired.
  lost: number;
  // Interrupted by a database error; taken again when the lease expires.
  errored: number;
}

export const OUTBOX_LEASE_MS = 5 * 60_000;
export const OUTBOX_MAX_ATTEMPTS = 8;

/**
 * Delivers the due messages once each, on every channel that applies.
 *
 * Order of writes, per message and channel: the delivery row is committed as 'sending' (with the
 * lease renewed), then the provider is called, then the row is committed as 'sent'. A channel
 * already 'sent' is never called again, so a crash or a retry anywhere else sends nothing twice.
 * The one window left is a crash during the provider call itself (after it accepted, before 'sent'
 * is written): the next worker finds 'sending' and sends again, with the same Message-ID
 * (<outbox-ID@mawid>), by which the receiving side can drop the copy. No protocol closes that
 * window without the provider's help; we keep it as small as one call. (An SMS sent twice in that
 * window cannot be recognized by the phone; SMS texts only repeat what the e-mail says.)
 */
export async function runOutboxBatch(deps: OutboxWorkerDeps, options: BatchOptions = {}): Promise<BatchResult> {
  const limit = options.limit ?? 20;
  const leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS;
  const now = deps.clock.now();
  const leaseEnd = new Date(now.getTime() + leaseMs);
  const claimed = await claimMessages(deps.db, now, leaseEnd, limit);
  const result: BatchResult = { claimed: claimed.length, done: 0, retried: 0, dead: 0, lost: 0, errored: 0 };
  for (const message of claimed) {
    const lease = { token: leaseEnd, leaseMs, maxAttempts: options.maxAttempts ?? OUTBOX_MAX_ATTEMPTS };
    try {
      result[await deliver(deps, message, lease)]++;
    } catch (error) {
      // The database failed under us: the message keeps its lease and is taken again once it expires.
      result.errored++;
      deps.logger?.error({ outboxId: message.id, err: error }, 'notification delivery interrupted');
    }
  }
  return result;
}

async function deliver(deps: OutboxWorkerDeps, message: ClaimedMessage, lease: Lease): Promise<Outcome> {
  const { db, clock } = deps;
  const [account] = await db
    .select({ email: accounts.email, locale: accounts.locale, phone: accounts.phone })
    .from(accounts)
    .where(eq(accounts.id, message.accountId));
  if (!account)
    return closeMessage(deps, message, lease, {
      status: 'dead',
      reason: `account ${message.accountId} no longer exists`,
    });
  const loaded = await loadMessageFacts(db, message);
  if (!loaded.isFound) return closeMessage(deps, message, lease, { status: 'dead', reason: loaded.reason });
  const stale = staleness(loaded.facts, message, clock.now());
  if (stale) return closeMessage(deps, message, lease, stale);

  const locale: Locale = isLocale(account.locale) ? account.locale : 'fr';
  let rendered: RenderedMessage;
  try {
    rendered = renderMessage(loaded.facts, {
      locale,
      publicUrl: deps.publicUrl,
      organizerEmail: deps.channels.email.fromAddress,
      recipientEmail: account.email,
      createdAt: message.createdAt,
    });
  } catch (error) {
    return closeMessage(deps, message, lease, { status: 'failed', reason: `cannot render: ${describeError(error)}` });
  }

  const targets: { channel: ChannelName; recipient: string; send: () => Promise<{ providerMessageId: string }> }[] = [
    {
      channel: 'email',
      recipient: account.email,
      send: () => deps.channels.email.send({ outboxId: message.id, to: account.email, locale, ...rendered }),
    },
  ];
  // Codes go to the e-mail address only: the phone number is not verified, and an e-mail
  // confirmation code read on a phone would prove nothing about the address.
  const { sms } = deps.channels;
  if (sms && account.phone && !isCodeKind(message.kind)) {
    const phone = account.phone;
    targets.push({ channel: 'sms', recipient: phone, send: () => sms.send(phone, rendered.sms) });
  }

  const sent = await db
    .select({ channel: deliveries.channel })
    .from(deliveries)
    .where(and(eq(deliveries.outboxId, message.id), eq(deliveries.status, 'sent')));
  const alreadySent = new Set(sent.map((row) => row.channel));
  const failures: { channel: ChannelName; error: unknown }[] = [];
  for (const target of targets) {
    if (alreadySent.has(target.channel)) continue;
    const reserved = await reserveDelivery(deps, message, lease, target.channel, target.recipient);
    if (reserved === 'lost') return 'lost';
    if (reserved === 'already-sent') continue;
    const delivery = and(eq(deliveries.outboxId, message.id), eq(deliveries.channel, target.channel));
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await target.send());
    } catch (error) {
      failures.push({ channel: target.channel, error });
      await db
        .update(deliveries)
        .set({ status: 'failed', error: describeError(error) })
        .where(delivery);
      continue;
    }
    // If this write fails, the row stays 'sending' and the next attempt resends with the same Message-ID.
    await db
      .update(deliveries)
      .set({ status: 'sent', providerMessageId, sentAt: clock.now(), error: null })
      .where(delivery);
    deps.logger?.info({ outboxId: message.id, kind: message.kind, channel: target.channel }, 'notification sent');
  }
  if (failures.length === 0) return closeMessage(deps, message, lease, { status: 'done' });
  const isPermanent = failures.some((failure) => failure.error instanceof PermanentDeliveryError);
  const reason = failures.map((failure) => `${failure.channel}: ${describeError(failure.error)}`).join('; ');
  return closeMessage(deps, message, lease, { status: isPermanent ? 'dead' : 'failed', reason });
}

/** A message that should no longer be sent: a reminder of a moved, cancelled or past appointment; an expired code. */
function staleness(facts: MessageFacts, message: ClaimedMessage, now: Date): Ending | undefined {
  if (facts.kind === 'appointment.reminder') {
    const { appointment } = facts;
    const isCurrent =
      appointment.status === 'booked' &&
      new Date(appointment.startsAt) > now &&
      (message.dedupeKey === null ||
        message.dedupeKey === reminderDedupeKey(appointment.appointmentId, appointment.startsAt));
    if (!isCurrent) return { status: 'done', reason: 'not sent: the appointment was moved, cancelled or has passed' };
  }
  if ('code' in facts && message.createdAt.getTime() + facts.expiresInMinutes * 60_000 <= now.getTime()) {
    return { status: 'dead', reason: 'not sent: the code expired before it could be delivered' };
  }
  return undefined;
}
