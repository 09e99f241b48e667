import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, slotRow, type TestContext } from '../../test/harness.ts';
import { countNoShows, markNoShows } from './mark-no-shows.ts';
import { appointmentRow, type BookedAppointment, book, freeTimes } from './reception.test-support.ts';

const GRACE = 30;
const minutesAfter = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

describe.each(engines)('no-shows on %s', (engine) => {
  let ctx: TestContext;
  // On Wednesday 2 December in Paris: two at the first time (one will be checked in), three later.
  let missed: BookedAppointment;
  let arrived: BookedAppointment;
  let later: BookedAppointment;
  let missedPersonId: string;
  let missedAccountId: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    const citizens = await makeCitizens(ctx, 5);
    const times = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, {
      from: '2026-12-02',
      to: '2026-12-02',
    });
    const at = (slotId: number, cookie: string) =>
      book(ctx, cookie, { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.passport, slotId });
    missed = await at(times[0]!.slotId, citizens[0]!.cookie);
    arrived = await at(times[0]!.slotId, citizens[1]!.cookie);
    later = await at(times[3]!.slotId, citizens[2]!.cookie);
    // A backlog for the batch test: two more at the later time.
    await at(times[3]!.slotId, citizens[3]!.cookie);
    await at(times[3]!.slotId, citizens[4]!.cookie);
    missedPersonId = citizens[0]!.personId;
    missedAccountId = citizens[0]!.accountId;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const mark = () => markNoShows({ db: ctx.db, clock: ctx.clock, graceMinutes: GRACE });
  const noShowEvents = (appointmentId: string) =>
    countRows(ctx, 'audit_events', sql`action = 'appointment.no_show' AND entity_id = ${appointmentId}`);
  const noShowMessages = (appointmentId: string) =>
    countRows(
      ctx,
      'outbox_messages',
      sql`kind = 'appointment.no_show' AND payload->>'appointmentId' = ${appointmentId}`,
    );

  it('marks nothing before the grace period is over', async () => {
    ctx.clock.set(minutesAfter(missed.startsAt, GRACE));
    expect(await mark()).toBe(0);
    expect((await appointmentRow(ctx, missed.id)).status).toBe('booked');
  });

  it('marks only booked appointments past the grace period, with an audit event and a notification each', async () => {
    // The other person arrived and was checked in.
    ctx.clock.set(minutesAfter(missed.startsAt, -10));
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const checkIn = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/check-ins`,
      headers: { cookie: agent },
      payload: { reference: arrived.reference },
    });
    expect(checkIn.statusCode).toBe(200);

    ctx.clock.set(minutesAfter(missed.startsAt, GRACE + 1));
    const seats = (await slotRow(ctx, missed.slotId)).booked;
    expect(await mark()).toBe(1);

    expect((await appointmentRow(ctx, missed.id)).status).toBe('no_show');
    expect((await appointmentRow(ctx, arrived.id)).status).toBe('checked_in');
    expect((await appointmentRow(ctx, later.id)).status).toBe('booked');
    // The seat stays taken: the slot is in the past.
    expect((await slotRow(ctx, missed.slotId)).booked).toBe(seats);

    const [event] = await queryRows<{
      actor_account_id: string | null;
      consulate_id: string;
      before: unknown;
      after: unknown;
    }>(
      ctx.db,
      sql`SELECT actor_account_id, consulate_id, before, after FROM audit_events
          WHERE action = 'appointment.no_show' AND entity_id = ${missed.id}`,
    );
    expect(event).toMatchObject({
      actor_account_id: null,
      consulate_id: ctx.ids.consulates.PAR,
      before: { status: 'booked' },
      after: { status: 'no_show', graceMinutes: GRACE },
    });
    const [message] = await queryRows<{ account_id: string; status: string }>(
      ctx.db,
      sql`SELECT account_id, status FROM outbox_messages
          WHERE kind = 'appointment.no_show' AND payload->>'appointmentId' = ${missed.id}`,
    );
    expect(message).toEqual({ account_id: missedAccountId, status: 'pending' });
    expect(await noShowEvents(arrived.id)).toBe(0);
    expect(await noShowMessages(later.id)).toBe(0);
  });

  it('changes nothing when run again', async () => {
    const events = await countRows(ctx, 'audit_events');
    const messages = await countRows(ctx, 'outbox_messages');
    expect(await mark()).toBe(0);
    expect(await countRows(ctx, 'audit_events')).toBe(events);
    expect(await countRows(ctx, 'outbox_messages')).toBe(messages);
    expect(await noShowEvents(missed.id)).toBe(1);
    expect(await noShowMessages(missed.id)).toBe(1);
  });

  it('counts against the person’s record, and a no-show can no longer be checked in', async () => {
    expect(await countNoShows(ctx.db, missedPersonId)).toBe(1);
    const [arrivedPerson] = await queryRows<{ person_id: string }>(
      ctx.db,
      sql`SELECT person_id FROM appointments WHERE id = ${arrived.id}`,
    );
    expect(await countNoShows(ctx.db, arrivedPerson!.person_id)).toBe(0);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const late = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/check-ins`,
      headers: { cookie: admin },
      payload: { reference: missed.reference },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('APPOINTMENT_TRANSITION_REFUSED');
  });

  it('works through a backlog in batches', async () => {
    ctx.clock.set(minutesAfter(later.startsAt, GRACE + 1));
    const due = await countRows(
      ctx,
      'appointments',
      sql`status = 'booked' AND starts_at < ${minutesAfter(later.startsAt, 1)}`,
    );
    expect(due).toBe(3);
    expect(await markNoShows({ db: ctx.db, clock: ctx.clock, graceMinutes: GRACE, batchSize: 1 })).toBe(due);
    expect((await appointmentRow(ctx, later.id)).status).toBe('no_show');
    expect(
      await countRows(ctx, 'appointments', sql`status = 'booked' AND starts_at < ${minutesAfter(later.startsAt, 1)}`),
    ).toBe(0);
  });
});
