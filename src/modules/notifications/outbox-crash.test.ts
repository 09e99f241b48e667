import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import type { EmailChannel } from './email-channel.ts';
import { messageIdOf } from './email-channel.ts';
import { notify } from './notify.ts';
import { OUTBOX_LEASE_MS, runOutboxBatch } from './outbox-worker.ts';
import { startOutboxWorker } from './outbox-worker-loop.ts';
import type { SmsProvider } from './sms-channel.ts';
import { deliveryRows, outboxRows, workerFixture } from './testing/worker-fixture.ts';

/**
 * A process killed mid-batch: after `survives` sends, the next send never returns, and the worker
 * that made it never runs another line (its promise is abandoned, as a dead process would be).
 * 'before-provider' dies after 'sending' was committed but before anything left; 'in-provider'
 * dies after the provider accepted the message, before 'sent' could be written.
 */
function killAfter<T extends { send: (...args: never[]) => Promise<{ providerMessageId: string }> }>(
  inner: T,
  survives: number,
  moment: 'before-provider' | 'in-provider',
) {
  let sends = 0;
  let signal: () => void = () => undefined;
  const killed = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const send = async (...args: Parameters<T['send']>) => {
    if (sends === survives) {
      sends++;
      if (moment === 'in-provider') await inner.send(...args);
      signal();
      return new Promise<{ providerMessageId: string }>(() => undefined);
    }
    sends++;
    return inner.send(...args);
  };
  return { channel: { ...inner, send } as T, killed };
}

describe.each(engines)('a worker killed in the middle of a batch, on %s', (engine) => {
  let ctx: TestContext;
  let fixture: Awaited<ReturnType<typeof workerFixture>>;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    fixture = await workerFixture(ctx);
  });
  afterAll(async () => {
    await fixture.close();
    await ctx.app.close();
  });
  beforeEach(async () => {
    await fixture.reset();
  });

  /** Six messages of two citizens: two bookings (with their calendar file) and four codes. */
  async function sixMessages(phone?: string) {
    const citizens = [await fixture.citizen({ phone }), await fixture.citizen({ locale: 'ar', phone })];
    const appointments = [await fixture.book(citizens[0]!), await fixture.book(citizens[1]!)];
    for (let i = 0; i < 6; i++) {
      const citizen = citizens[i % 2]!;
      await notify(
        ctx.db,
        citizen.accountId,
        i < 2
          ? { kind: 'appointment.booked', payload: { appointmentId: appointments[i]!.id } }
          : { kind: 'account.email_code', payload: { code: String(900000 + i), expiresInMinutes: 30 } },
        { now: ctx.clock.now() },
      );
    }
    return (await outboxRows(ctx.db)).map((row) => row.id);
  }

  const countByMessageId = () => {
    const counts = new Map<string, number>();
    for (const mail of fixture.sink.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  };

  it('killed between two messages: a fresh worker finishes the batch once the lease expires, each message sent once', async () => {
    const ids = await sixMessages();
    const { channel, killed } = killAfter<EmailChannel>(fixture.email, 3, 'before-provider');
    void runOutboxBatch(fixture.deps({ email: channel }), { limit: 10 });
    await killed;

    expect(fixture.sink.received).toHaveLength(3);
    expect((await outboxRows(ctx.db)).map((row) => row.status)).toEqual([
      'done',
      'done',
      'done',
      'pending',
      'pending',
      'pending',
    ]);
    expect((await deliveryRows(ctx.db)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sending']);

    // The dead worker's lease still holds the rest: a new worker takes nothing yet.
    expect((await runOutboxBatch(fixture.deps())).claimed).toBe(0);
    ctx.clock.set(new Date(ctx.clock.now().getTime() + OUTBOX_LEASE_MS + 1_000));
    expect(await runOutboxBatch(fixture.deps(), { limit: 10 })).toMatchObject({ claimed: 3, done: 3 });

    const counts = countByMessageId();
    expect([...counts.keys()].sort()).toEqual(ids.map(messageIdOf).sort());
    expect([...counts.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await outboxRows(ctx.db)).every((row) => row.status === 'done')).toBe(true);
    const receipts = await deliveryRows(ctx.db);
    expect(receipts.map((d) => [d.status, d.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
      ['sent', 2],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('killed while the provider was taking a message: that one comes again with the same Message-ID, the rest once', async () => {
    const ids = await sixMessages();
    const { channel, killed } = killAfter<EmailChannel>(fixture.email, 2, 'in-provider');
    void runOutboxBatch(fixture.deps({ email: channel }), { limit: 10 });
    await killed;
    expect(fixture.sink.received).toHaveLength(3);

    ctx.clock.set(new Date(ctx.clock.now().getTime() + OUTBOX_LEASE_MS + 1_000));
    await fixture.drain();

    const counts = countByMessageId();
    const inFlight = messageIdOf(ids[2]!);
    expect(counts.get(inFlight)).toBe(2);
    for (const id of ids.filter((_, index) => index !== 2))
      expect(counts.get(messageIdOf(id)), `message ${id}`).toBe(1);
    const copies = fixture.sink.received.filter((mail) => mail.messageId === inFlight).map(fixture.readMail);
    expect(copies[0]!.subject).toBe(copies[1]!.subject);
  });

  it('killed after the e-mail left and while the SMS was going: the e-mail is not sent again', async () => {
    const ids = await sixMessages('+212612345678');
    const sms = killAfter<SmsProvider>(fixture.deps().channels.sms!, 0, 'before-provider');
    void runOutboxBatch(fixture.deps({ sms: sms.channel }), { limit: 10 });
    await sms.killed;
    expect(fixture.sink.received).toHaveLength(1);

    ctx.clock.set(new Date(ctx.clock.now().getTime() + OUTBOX_LEASE_MS + 1_000));
    await fixture.drain();

    expect([...countByMessageId().values()]).toEqual([1, 1, 1, 1, 1, 1]);
    const texts = await queryRows<{ body: string }>(ctx.db, sql`SELECT body FROM dev_sms_messages ORDER BY id`);
    // Codes go by e-mail only: the two bookings have one SMS each.
    expect(texts).toHaveLength(2);
    const first = (await deliveryRows(ctx.db)).filter((d) => d.outbox_id === ids[0]);
    expect(first.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'sent', 1],
      ['sms', 'sent', 2],
    ]);
  });

  it('a message whose channels were all sent before a crash is closed without sending again', async () => {
    const citizen = await fixture.citizen();
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'account.email_code', payload: { code: '424242', expiresInMinutes: 30 } },
      {
        now: ctx.clock.now(),
      },
    );
    const [message] = await outboxRows(ctx.db);
    // What a worker leaves when it dies between recording 'sent' and closing the message.
    await ctx.db.execute(sql`INSERT INTO deliveries (outbox_id, channel, status, recipient, provider_message_id, sent_at)
        VALUES (${message!.id}, 'email', 'sent', ${citizen.email}, ${messageIdOf(message!.id)}, ${ctx.clock.now().toISOString()})`);
    await ctx.db.execute(
      sql`UPDATE outbox_messages SET locked_until = ${new Date(ctx.clock.now().getTime() - 1_000).toISOString()} WHERE id = ${message!.id}`,
    );
    expect(await runOutboxBatch(fixture.deps())).toMatchObject({ claimed: 1, done: 1 });
    expect(fixture.sink.received).toHaveLength(0);
    expect((await outboxRows(ctx.db))[0]!.payload).toEqual({ expiresInMinutes: 30 });
  });

  it('the worker loop drains the outbox and, once stopped, takes nothing more', async () => {
    const ids = await sixMessages();
    const worker = startOutboxWorker(fixture.deps(), { intervalMs: 20, limit: 4 });
    for (let waited = 0; fixture.sink.received.length < ids.length && waited < 10_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();
    expect(fixture.sink.received).toHaveLength(6);
    const citizen = await fixture.citizen();
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'account.email_code', payload: { code: '515151', expiresInMinutes: 30 } },
      {
        now: ctx.clock.now(),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fixture.sink.received).toHaveLength(6);
    expect((await outboxRows(ctx.db)).at(-1)!.status).toBe('pending');
  });
});
