import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, TEST_NOW, type TestContext } from '../../test/harness.ts';
import { paidStamp } from '../payments/stamps.test-support.ts';
import { closeOpenDays } from './close-open-days.ts';
import { freeTimes, freshCookie } from './reception.test-support.ts';

const DAY = { from: '2026-12-02', to: '2026-12-02' };
// 08:15 in Paris on the day of the appointments.
const ON_THE_DAY = '2026-12-02T07:15:00Z';
// 01:00 in Paris the next night: the day is over there.
const NEXT_NIGHT = '2026-12-03T00:00:00Z';

describe.each(engines)('the counter and the end of the day on %s', (engine) => {
  let ctx: TestContext;
  let times: { slotId: number }[];
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    times = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, DAY);
  });
  afterEach(() => ctx.clock.set(new Date(TEST_NOW)));
  afterAll(async () => {
    await ctx.app.close();
  });

  const post = (url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
  const step = (cookie: string, appointmentId: string, path: string, payload?: object) =>
    post(`/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/appointments/${appointmentId}/${path}`, cookie, payload);
  const statusOf = async (table: 'appointments' | 'requests', id: string) =>
    (await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM ${sql.raw(table)} WHERE id = ${id}`))[0]!
      .status;

  /** A paid passport request booked on 2 December, checked in that morning by the Paris agent. */
  async function checkedIn(slotIndex: number) {
    ctx.clock.set(new Date(TEST_NOW));
    const [citizen] = await makeCitizens(ctx, 1);
    const stamp = await paidStamp(ctx, { accountId: citizen!.accountId });
    const booked = await post('/api/v1/appointments', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: times[slotIndex]!.slotId,
      personId: stamp.personId,
      requestId: stamp.requestId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    ctx.clock.set(new Date(ON_THE_DAY));
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const arrived = await post(`/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/check-ins`, agent, {
      reference: booked.json().reference,
    });
    expect(arrived.statusCode, arrived.body).toBe(200);
    return { agent, stamp, citizen: citizen!, appointmentId: booked.json().id as string };
  }

  it('calls, then serves once the stamp is consumed: the request is completed and the service can be booked again', async () => {
    const { agent, stamp, citizen, appointmentId } = await checkedIn(0);
    const tooEarly = await step(agent, appointmentId, 'serve');
    expect(tooEarly.json()).toMatchObject({ code: 'APPOINTMENT_TRANSITION_REFUSED', from: 'checked_in', to: 'served' });
    const called = await step(agent, appointmentId, 'call');
    expect(called.json()).toMatchObject({ status: 'called' });
    const unpaid = await step(agent, appointmentId, 'serve');
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().code).toBe('FEE_NOT_SETTLED');
    expect(await statusOf('appointments', appointmentId)).toBe('called');
    expect((await post(`/api/v1/staff/stamps/${stamp.number}/consume`, agent, {})).statusCode).toBe(200);
    const served = await step(agent, appointmentId, 'serve');
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json()).toMatchObject({ status: 'served', notServedReason: null });
    expect(await statusOf('requests', stamp.requestId)).toBe('completed');
    expect(
      await countRows(
        ctx,
        'audit_events',
        sql`entity_id IN (${appointmentId}, ${stamp.requestId}::text)
        AND action IN ('appointment.called', 'appointment.served', 'request.completed')`,
      ),
    ).toBe(3);
    expect((await step(agent, appointmentId, 'serve')).json().code).toBe('APPOINTMENT_TRANSITION_REFUSED');
    // The active-appointment index no longer holds the person: a new request books again.
    ctx.clock.set(new Date(TEST_NOW));
    const [request] = await queryRows<{ id: string }>(
      ctx.db,
      sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status, decided_at)
          SELECT 'PAR-D-AGN-' || substr(md5(random()::text), 1, 4), consulate_id, service_id, department_id, person_id,
                 account_id, 'accepted', now()
          FROM requests WHERE id = ${stamp.requestId} RETURNING id`,
    );
    const again = await post('/api/v1/appointments', await freshCookie(ctx, citizen.accountId), {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: times[5]!.slotId,
      personId: stamp.personId,
      requestId: request!.id,
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('ends with "not served" and a reason, and sends the request back for a new appointment', async () => {
    const { agent, stamp, citizen, appointmentId } = await checkedIn(1);
    await step(agent, appointmentId, 'call');
    const vague = await step(agent, appointmentId, 'not-served', { reason: 'other' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().fields).toEqual([expect.objectContaining({ path: 'body.note' })]);
    const stranger = await signIn(ctx, 'agent.dxb@mawid.example');
    expect(
      (
        await post(
          `/api/v1/staff/consulates/${ctx.ids.consulates.DXB}/appointments/${appointmentId}/not-served`,
          stranger,
          { reason: 'documents_missing' },
        )
      ).statusCode,
    ).toBe(404);
    const notServed = await step(agent, appointmentId, 'not-served', {
      reason: 'documents_missing',
      note: 'Bring the full copy of the birth certificate.',
    });
    expect(notServed.statusCode, notServed.body).toBe(200);
    expect(notServed.json()).toMatchObject({ status: 'not_served', notServedReason: 'documents_missing' });
    expect(await statusOf('requests', stamp.requestId)).toBe('accepted');
    expect(
      await countRows(
        ctx,
        'outbox_messages',
        sql`kind = 'appointment.not_served' AND account_id = ${citizen.accountId}`,
      ),
    ).toBe(1);
    // The same request books a new appointment.
    ctx.clock.set(new Date(TEST_NOW));
    const rebooked = await post('/api/v1/appointments', await freshCookie(ctx, citizen.accountId), {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: times[6]!.slotId,
      personId: stamp.personId,
      requestId: stamp.requestId,
    });
    expect(rebooked.statusCode, rebooked.body).toBe(201);
  });

  it('sends a called person back to the waiting room, and marks one who never comes absent', async () => {
    const { agent, stamp, appointmentId } = await checkedIn(2);
    await step(agent, appointmentId, 'call');
    expect((await step(agent, appointmentId, 'back-to-waiting')).json().status).toBe('checked_in');
    await step(agent, appointmentId, 'call');
    const absent = await step(agent, appointmentId, 'absent');
    expect(absent.json().status).toBe('no_show');
    expect(await statusOf('requests', stamp.requestId)).toBe('accepted');
    // A body is refused on steps that take none.
    expect((await step(agent, appointmentId, 'call', [1, 2])).statusCode).toBe(400);
  });

  it('closes, after the consulate’s day, what it left open: not served, "day closed", audited, once', async () => {
    const first = await checkedIn(3);
    const second = await checkedIn(4);
    await step(second.agent, second.appointmentId, 'call');
    // Still the same day in Paris: nothing to close.
    ctx.clock.set(new Date('2026-12-02T22:30:00Z'));
    expect(await closeOpenDays({ db: ctx.db, clock: ctx.clock })).toBe(0);
    ctx.clock.set(new Date(NEXT_NIGHT));
    expect(await closeOpenDays({ db: ctx.db, clock: ctx.clock, batchSize: 1 })).toBe(2);
    for (const { appointmentId, stamp } of [first, second]) {
      const [row] = await queryRows<{ status: string; not_served_reason: string; ended_at: Date | null }>(
        ctx.db,
        sql`SELECT status, not_served_reason, ended_at FROM appointments WHERE id = ${appointmentId}`,
      );
      expect(row).toMatchObject({ status: 'not_served', not_served_reason: 'day_closed' });
      expect(row!.ended_at).not.toBeNull();
      expect(await statusOf('requests', stamp.requestId)).toBe('accepted');
      const [event] = await queryRows<{ actor_account_id: string | null; reason: string }>(
        ctx.db,
        sql`SELECT actor_account_id, reason FROM audit_events WHERE entity_id = ${appointmentId} AND action = 'appointment.not_served'`,
      );
      expect(event).toEqual({ actor_account_id: null, reason: 'day_closed' });
    }
    expect(await closeOpenDays({ db: ctx.db, clock: ctx.clock })).toBe(0);
  });
});
