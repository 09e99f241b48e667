import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { messageIdOf } from './email-channel.ts';
import { notify } from './notify.ts';
import { runOutboxBatch } from './outbox-worker.ts';
import { deliveryRows, outboxRows, PUBLIC_URL, workerFixture } from './testing/worker-fixture.ts';

describe.each(engines)('notification delivery on %s', (engine) => {
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

  const now = () => ({ now: ctx.clock.now() });
  const smsTo = (phone: string) =>
    queryRows<{ body: string }>(ctx.db, sql`SELECT body FROM dev_sms_messages WHERE "to" = ${phone} ORDER BY id`);

  it('e-mails the confirmation code in the account’s language, right to left in Arabic, then erases the code', async () => {
    const french = await fixture.citizen({ locale: 'fr', phone: '+33612345678' });
    const arabic = await fixture.citizen({ locale: 'ar' });
    await notify(
      ctx.db,
      french.accountId,
      { kind: 'account.email_code', payload: { code: '482913', expiresInMinutes: 15 } },
      now(),
    );
    await notify(
      ctx.db,
      arabic.accountId,
      { kind: 'account.email_code', payload: { code: '775310', expiresInMinutes: 15 } },
      now(),
    );

    const result = await runOutboxBatch(fixture.deps());
    expect(result).toMatchObject({ claimed: 2, done: 2 });

    const [frenchMail] = fixture.mailsTo(french.email);
    expect(frenchMail!.subject).toBe('Votre code de confirmation Mawid');
    expect(frenchMail!.html).toContain('482913');
    expect(frenchMail!.html).toContain('<html lang="fr" dir="ltr">');
    expect(frenchMail!.text).toContain('valable 15 minutes');
    const [arabicMail] = fixture.mailsTo(arabic.email);
    expect(arabicMail!.subject).toBe('رمز تأكيد حسابك على منصة موعد');
    expect(arabicMail!.html).toContain('dir="rtl"');
    expect(arabicMail!.html).toContain('775310');
    expect(arabicMail!.text).toContain('صالح لمدة 15 دقيقة');

    const rows = await outboxRows(ctx.db);
    expect(rows.map((row) => row.status)).toEqual(['done', 'done']);
    for (const row of rows) expect(row.payload).toEqual({ expiresInMinutes: 15 });
    expect(frenchMail!.messageId).toBe(messageIdOf(rows[0]!.id));
    // A code goes to the e-mail address only, even when a phone is known.
    expect((await deliveryRows(ctx.db)).map((d) => d.channel)).toEqual(['email', 'email']);
    expect(await smsTo('+33612345678')).toEqual([]);
  });

  it('tells a booking by e-mail with its calendar file and by SMS, with a receipt per channel', async () => {
    const citizen = await fixture.citizen({ locale: 'en', phone: '+14385550123' });
    const appointment = await fixture.book(citizen, 'MTL');
    await ctx.db.transaction((tx) =>
      notify(tx, citizen.accountId, { kind: 'appointment.booked', payload: { appointmentId: appointment.id } }, now()),
    );
    await fixture.drain();

    const mails = fixture.mailsTo(citizen.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(/^Appointment confirmed: .+ \(Montreal time\)$/);
    expect(mail.html).toContain(`${PUBLIC_URL}/api/v1/appointments/${appointment.id}/convocation.pdf`);
    expect(mail.text).toContain(appointment.reference);
    expect(mail.calendar!.contentType).toMatch(/^text\/calendar; charset=utf-8; method=PUBLISH/);
    const ics = mail.calendar!.content.replace(/\r\n /g, '');
    expect(ics).toContain('METHOD:PUBLISH\r\n');
    expect(ics).toContain(`UID:${appointment.id}@mawid\r\n`);
    const utc = new Date(appointment.startsAt).toISOString().replace(/[-:]/g, '').replace('.000Z', 'Z');
    expect(ics).toContain(`DTSTART:${utc}\r\n`);
    // The event lasts as long as the service, not as long as the slot it starts in.
    const [service] = await queryRows<{ duration_minutes: number }>(
      ctx.db,
      sql`SELECT s.duration_minutes FROM services s JOIN appointments a ON a.service_id = s.id WHERE a.id = ${appointment.id}`,
    );
    const end = new Date(new Date(appointment.startsAt).getTime() + service!.duration_minutes * 60_000);
    expect(ics).toContain(`DTEND:${end.toISOString().replace(/[-:]/g, '').replace('.000Z', 'Z')}\r\n`);

    const sms = await smsTo('+14385550123');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain(appointment.reference);
    expect(sms[0]!.body).toContain('Montreal time');

    const [message] = await outboxRows(ctx.db);
    expect(message!.status).toBe('done');
    expect(await deliveryRows(ctx.db)).toEqual([
      expect.objectContaining({
        outbox_id: message!.id,
        channel: 'email',
        status: 'sent',
        recipient: citizen.email,
        attempts: 1,
        provider_message_id: messageIdOf(message!.id),
      }),
      expect.objectContaining({
        outbox_id: message!.id,
        channel: 'sms',
        status: 'sent',
        recipient: '+14385550123',
        attempts: 1,
        provider_message_id: expect.stringMatching(/^dev-sms-\d+$/),
      }),
    ]);
  });

  it('tells request decisions: the booking link once accepted, the translated reason when more is needed', async () => {
    const citizen = await fixture.citizen({ locale: 'fr', arabicName: ['أمينة', 'الإدريسي'] });
    const [request] = await queryRows<{ id: string; reference: string }>(
      ctx.db,
      sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status)
          SELECT ${`PAR-D-${randomUUID().slice(0, 4).toUpperCase()}-TEST`}, c.consulate_id, c.service_id, c.department_id,
                 ${citizen.personId}, ${citizen.accountId}, 'accepted'
          FROM consulate_services c WHERE c.consulate_id = ${ctx.ids.consulates.PAR} AND c.service_id = ${ctx.ids.services.passport}
          RETURNING id, reference`,
    );
    await notify(ctx.db, citizen.accountId, { kind: 'request.accepted', payload: { requestId: request!.id } }, now());
    await notify(
      ctx.db,
      citizen.accountId,
      {
        kind: 'request.more_info',
        payload: { requestId: request!.id, reasonCode: 'document_expired', note: 'Passeport <expiré> en 2019' },
      },
      now(),
    );
    await fixture.drain();

    const mails = fixture.mailsTo(citizen.email);
    const accepted = mails.find((mail) => mail.subject.includes('acceptée'))!;
    expect(accepted.subject).toBe(`Demande ${request!.reference} acceptée : choisissez votre rendez-vous`);
    expect(accepted.html).toContain(`href="${PUBLIC_URL}/requests/${request!.id}/book"`);
    expect(accepted.text).toContain('Personne concernée : Test Citizen 0');
    const moreInfo = mails.find((mail) => mail.subject.includes('informations complémentaires'))!;
    expect(moreInfo.text).toContain('Motif : Document expiré');
    expect(moreInfo.html).toContain('Passeport &lt;expiré&gt; en 2019');
    expect(mails).toHaveLength(2);
  });

  it('sends the reminder once per appointment time, with its calendar file; a moved appointment gets a new one', async () => {
    const citizen = await fixture.citizen({ locale: 'es' });
    const appointment = await fixture.book(citizen);
    const { enqueueReminders } = await import('./reminders.ts');
    // 30 hours before the appointment: inside the 48-hour window.
    ctx.clock.set(new Date(new Date(appointment.startsAt).getTime() - 30 * 3_600_000));
    const ours = sql`payload->>'appointmentId' = ${appointment.id}`;
    const count = async () =>
      (await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM outbox_messages WHERE ${ours}`))[0]!.n;
    await enqueueReminders({ db: ctx.db, clock: ctx.clock });
    expect(await count()).toBe(1);
    expect((await enqueueReminders({ db: ctx.db, clock: ctx.clock })).enqueued).toBe(0);
    expect(await count()).toBe(1);

    await fixture.drain();
    const [reminder] = fixture.mailsTo(citizen.email);
    expect(reminder!.subject).toMatch(/^Recordatorio: cita el /);
    expect(reminder!.calendar!.content).toContain('METHOD:PUBLISH');
    expect(reminder!.calendar!.content).toContain(`UID:${appointment.id}@mawid`);

    // The appointment moves an hour later (as a move would): a new reminder is due for the new time.
    await ctx.db.execute(
      sql`UPDATE appointments SET starts_at = starts_at + interval '1 hour' WHERE id = ${appointment.id}`,
    );
    await enqueueReminders({ db: ctx.db, clock: ctx.clock });
    expect(await count()).toBe(2);
    // Then it moves again before the worker runs: the reminder queued for the previous time is not sent.
    await ctx.db.execute(
      sql`UPDATE appointments SET starts_at = starts_at + interval '1 hour' WHERE id = ${appointment.id}`,
    );
    await enqueueReminders({ db: ctx.db, clock: ctx.clock });
    await fixture.drain();
    expect(fixture.mailsTo(citizen.email)).toHaveLength(2);
    const skipped = (await outboxRows(ctx.db)).filter((row) => row.last_error?.startsWith('not sent'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.status).toBe('done');
  });

  it('retries with backoff while the server refuses, then delivers once', async () => {
    const citizen = await fixture.citizen();
    fixture.sink.refuse(2, 'RCPT');
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'account.password_reset_code', payload: { code: '130577', expiresInMinutes: 30 } },
      now(),
    );
    const start = ctx.clock.now().getTime();

    expect(await runOutboxBatch(fixture.deps())).toMatchObject({ claimed: 1, retried: 1 });
    let [message] = await outboxRows(ctx.db);
    expect(message).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(new Date(message!.available_at).getTime()).toBe(start + 60_000);
    expect(message!.last_error).toContain('451');
    expect((await deliveryRows(ctx.db))[0]).toMatchObject({ status: 'failed', attempts: 1 });

    // Not due yet: nothing is claimed.
    expect((await runOutboxBatch(fixture.deps())).claimed).toBe(0);
    ctx.clock.advanceMinutes(1);
    expect(await runOutboxBatch(fixture.deps())).toMatchObject({ claimed: 1, retried: 1 });
    [message] = await outboxRows(ctx.db);
    expect(new Date(message!.available_at).getTime()).toBe(start + 3 * 60_000);
    ctx.clock.advanceMinutes(2);
    expect(await runOutboxBatch(fixture.deps())).toMatchObject({ claimed: 1, done: 1 });

    expect(fixture.mailsTo(citizen.email)).toHaveLength(1);
    expect(await deliveryRows(ctx.db)).toEqual([expect.objectContaining({ status: 'sent', attempts: 3, error: null })]);
    [message] = await outboxRows(ctx.db);
    expect(message).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('retries a message refused after its data, and gives up after the last attempt', async () => {
    const citizen = await fixture.citizen();
    fixture.sink.refuse(1, 'DATA');
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'account.email_code', payload: { code: '111111', expiresInMinutes: 60 } },
      now(),
    );
    await runOutboxBatch(fixture.deps());
    ctx.clock.advanceMinutes(1);
    await runOutboxBatch(fixture.deps());
    expect(fixture.mailsTo(citizen.email)).toHaveLength(1);

    await fixture.reset();
    fixture.sink.refuse(100, 'RCPT');
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'account.email_code', payload: { code: '222222', expiresInMinutes: 60 } },
      now(),
    );
    for (const wait of [0, 1, 2]) {
      ctx.clock.advanceMinutes(wait);
      await runOutboxBatch(fixture.deps(), { maxAttempts: 3 });
    }
    const [message] = await outboxRows(ctx.db);
    expect(message).toMatchObject({ status: 'dead', attempts: 3 });
    // Given up: the code leaves the outbox too.
    expect(message!.payload).toEqual({ expiresInMinutes: 60 });
    ctx.clock.advanceMinutes(60);
    expect((await runOutboxBatch(fixture.deps())).claimed).toBe(0);
  });

  it('gives up at once on a permanent refusal, on facts that no longer exist, and on an expired code', async () => {
    const citizen = await fixture.citizen();
    const appointment = await fixture.book(citizen);
    fixture.sink.refuse(1, 'RCPT', 550);
    await notify(ctx.db, citizen.accountId, { kind: 'request.received', payload: { requestId: randomUUID() } }, now());
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'appointment.booked', payload: { appointmentId: randomUUID() } },
      now(),
    );
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'account.email_code', payload: { code: '333333', expiresInMinutes: 10 } },
      now(),
    );
    ctx.clock.advanceMinutes(11);
    await notify(
      ctx.db,
      citizen.accountId,
      { kind: 'appointment.booked', payload: { appointmentId: appointment.id } },
      now(),
    );

    expect(await runOutboxBatch(fixture.deps())).toMatchObject({ claimed: 4, dead: 4 });
    const rows = await outboxRows(ctx.db);
    expect(rows.map((row) => row.status)).toEqual(['dead', 'dead', 'dead', 'dead']);
    expect(rows[0]!.last_error).toMatch(/^request .+ no longer exists$/);
    expect(rows[1]!.last_error).toMatch(/^appointment .+ no longer exists$/);
    expect(rows[2]!.last_error).toContain('expired');
    expect(rows[2]!.payload).toEqual({ expiresInMinutes: 10 });
    expect(rows[3]!.last_error).toContain('SMTP 550');
    expect(fixture.mailsTo(citizen.email)).toHaveLength(0);
  });

  it('two workers draining at the same time deliver each message once', async () => {
    const citizens = await Promise.all(Array.from({ length: 4 }, () => fixture.citizen({ phone: '+33700000000' })));
    for (let i = 0; i < 24; i++) {
      const citizen = citizens[i % citizens.length]!;
      const appointmentId = i < 4 ? (await fixture.book(citizen)).id : undefined;
      await notify(
        ctx.db,
        citizen.accountId,
        appointmentId
          ? { kind: 'appointment.booked', payload: { appointmentId } }
          : { kind: 'account.email_code', payload: { code: String(100000 + i), expiresInMinutes: 15 } },
        now(),
      );
    }
    const [first, second] = [fixture.deps(), fixture.deps()];
    await Promise.all([fixture.drain(first, { limit: 3 }), fixture.drain(second, { limit: 3 })]);

    const ids = fixture.sink.received.map((mail) => mail.messageId);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    const rows = await outboxRows(ctx.db);
    expect(rows.every((row) => row.status === 'done')).toBe(true);
    expect(new Set(ids)).toEqual(new Set(rows.map((row) => messageIdOf(row.id))));
    const receipts = await deliveryRows(ctx.db);
    expect(receipts).toHaveLength(24 + 4);
    expect(receipts.every((receipt) => receipt.status === 'sent' && receipt.attempts === 1)).toBe(true);
    expect(await smsTo('+33700000000')).toHaveLength(4);
  });
});
