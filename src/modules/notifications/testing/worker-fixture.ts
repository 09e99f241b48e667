import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../platform/db.ts';
import { bookingBody, firstFreeSlot, makeCitizens, TEST_NOW, type TestContext } from '../../../test/harness.ts';
import { accounts, persons } from '../../accounts/accounts.tables.ts';
import { createEmailChannel, type EmailChannel } from '../email-channel.ts';
import { decodeEncodedWords, parseHeaders } from '../mail-headers.ts';
import { type BatchOptions, type Channels, type OutboxWorkerDeps, runOutboxBatch } from '../outbox-worker.ts';
import { DevSmsProvider } from '../sms-channel.ts';
import { parseMime, partsOfType } from './mime.ts';
import { type SmtpSink, type SunkMail, startSmtpSink } from './smtp-sink.ts';

export const PUBLIC_URL = 'https://rdv.mawid.example';

export interface ReadMail {
  messageId: string;
  subject: string;
  html: string;
  text: string;
  calendar?: { contentType: string; content: string };
}

export function readMail(mail: SunkMail): ReadMail {
  const root = parseMime(mail.raw);
  const calendar = partsOfType(root, 'text/calendar')[0];
  return {
    messageId: mail.messageId,
    subject: decodeEncodedWords(parseHeaders(mail.raw).get('subject') ?? ''),
    html: partsOfType(root, 'text/html')[0]?.body ?? '',
    text: partsOfType(root, 'text/plain')[0]?.body ?? '',
    calendar: calendar && { contentType: calendar.headers.get('content-type') ?? '', content: calendar.body },
  };
}

/** A real SMTP sink, an e-mail channel on it, the development SMS provider, and helpers to drive the worker. */
export async function workerFixture(ctx: TestContext) {
  const sink: SmtpSink = await startSmtpSink();
  const email: EmailChannel = createEmailChannel({
    smtpUrl: sink.url,
    from: 'Mawid <no-reply@mawid.example>',
    transport: { ignoreTLS: true, secure: false },
  });
  const channels: Channels = { email, sms: new DevSmsProvider(ctx.db) };
  const deps = (overrides: Partial<Channels> = {}): OutboxWorkerDeps => ({
    db: ctx.db,
    clock: ctx.clock,
    channels: { ...channels, ...overrides },
    publicUrl: PUBLIC_URL,
  });

  return {
    sink,
    email,
    deps,
    readMail,
    async reset() {
      await ctx.db.execute(sql`DELETE FROM deliveries`);
      await ctx.db.execute(sql`DELETE FROM outbox_messages`);
      await ctx.db.execute(sql`DELETE FROM dev_sms_messages`);
      sink.clear();
      ctx.clock.set(TEST_NOW);
    },
    async close() {
      await email.close();
      await sink.close();
    },
    /** A citizen with a language, and optionally a phone and an Arabic name. */
    async citizen(options: { locale?: 'ar' | 'fr' | 'en' | 'es'; phone?: string; arabicName?: [string, string] } = {}) {
      const [made] = await makeCitizens(ctx, 1);
      const citizen = made!;
      await ctx.db
        .update(accounts)
        .set({ locale: options.locale ?? 'fr', phone: options.phone ?? null })
        .where(eq(accounts.id, citizen.accountId));
      if (options.arabicName) {
        const [given, family] = options.arabicName;
        await ctx.db
          .update(persons)
          .set({ givenNameArabic: given, familyNameArabic: family })
          .where(eq(persons.id, citizen.personId));
      }
      const [account] = await ctx.db
        .select({ email: accounts.email })
        .from(accounts)
        .where(eq(accounts.id, citizen.accountId));
      return { ...citizen, email: account!.email };
    },
    /** Books through the API, as a citizen would; whatever the booking queued itself is set aside. */
    async book(citizen: { accountId: string; cookie: string }, consulate: 'PAR' | 'MTL' | 'DXB' = 'PAR') {
      const consulateId = ctx.ids.consulates[consulate];
      const serviceId = ctx.ids.services.legalization;
      const slot = await firstFreeSlot(ctx, consulateId, serviceId);
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: { cookie: citizen.cookie },
        payload: await bookingBody(ctx, citizen.cookie, { consulateId, serviceId, slotId: slot.slotId }),
      });
      if (response.statusCode !== 201) throw new Error(`booking failed: ${response.statusCode} ${response.body}`);
      await ctx.db.execute(sql`DELETE FROM outbox_messages WHERE account_id = ${citizen.accountId}`);
      return response.json() as { id: string; reference: string; startsAt: string };
    },
    /** Batches until nothing is due. */
    async drain(workerDeps: OutboxWorkerDeps = deps(), options: BatchOptions = {}) {
      for (let round = 0; round < 50; round++) {
        if ((await runOutboxBatch(workerDeps, options)).claimed === 0) return;
      }
      throw new Error('the outbox did not drain in 50 batches');
    },
    mailsTo(address: string): ReadMail[] {
      return sink.received.filter((mail) => mail.recipients.includes(address)).map(readMail);
    },
  };
}

export async function outboxRows(db: Db) {
  return queryRows<{
    id: number;
    kind: string;
    account_id: string;
    status: string;
    attempts: number;
    available_at: Date;
    locked_until: Date | null;
    last_error: string | null;
    payload: Record<string, unknown>;
  }>(
    db,
    sql`SELECT id, kind, account_id, status, attempts, available_at, locked_until, last_error, payload FROM outbox_messages ORDER BY id`,
  );
}

export async function deliveryRows(db: Db) {
  return queryRows<{
    outbox_id: number;
    channel: string;
    status: string;
    recipient: string;
    attempts: number;
    provider_message_id: string | null;
    error: string | null;
  }>(
    db,
    sql`SELECT outbox_id, channel, status, recipient, attempts, provider_message_id, error FROM deliveries ORDER BY outbox_id, channel`,
  );
}
