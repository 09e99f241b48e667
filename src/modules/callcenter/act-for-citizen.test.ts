import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, signIn, TEST_NOW, type TestContext } from '../../test/harness.ts';
import {
  acceptedRequest,
  accountIdOf,
  auditEventsOf,
  type Citizen,
  citizenOf,
  freeSlots,
} from './callcenter.testkit.ts';

describe.each(engines)('the call center acts for a citizen on %s', (engine) => {
  let ctx: TestContext;
  let agent: string;
  let agentId: string;
  let amina: Citizen;
  let youssef: Citizen;
  let request: { id: string; reference: string };
  let slots: { slotId: number; startsAt: string }[];
  let appointmentId: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agent = await signIn(ctx, 'callcenter@mawid.example');
    agentId = await accountIdOf(ctx, 'callcenter@mawid.example');
    amina = await citizenOf(ctx, 'amina.benali@example.org');
    youssef = await citizenOf(ctx, 'youssef.elidrissi@example.org');
    request = await acceptedRequest(ctx, amina);
    slots = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const post = (url: string, payload: object, cookie = agent, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/callcenter/citizens/${url}`,
      headers: { cookie, ...headers },
      payload,
    });
  const reason = 'The citizen called: no internet access at home';

  it('books a passport from the citizen’s accepted request, audited on their behalf with the reason', async () => {
    const response = await post(`${amina.accountId}/appointments`, {
      requestId: request.id,
      slotId: slots[0]!.slotId,
      reason,
    });
    expect(response.statusCode).toBe(201);
    const appointment = response.json();
    appointmentId = appointment.id;
    expect(appointment).toMatchObject({
      requestId: request.id,
      personId: amina.personId,
      serviceId: ctx.ids.services.passport,
      status: 'booked',
      bookedByCallCenterAt: new Date(TEST_NOW).toISOString(),
    });
    const [event] = await auditEventsOf(ctx, appointmentId, 'appointment.booked');
    expect(event).toMatchObject({ actor_account_id: agentId, on_behalf_of_account_id: amina.accountId, reason });
    const [row] = await queryRows<{ booked_by: string; account_id: string }>(
      ctx.db,
      sql`SELECT booked_by, account_id FROM appointments WHERE id = ${appointmentId}`,
    );
    expect(row).toEqual({ booked_by: agentId, account_id: amina.accountId });
    // The citizen's own view says the call center booked it, and when.
    const own = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/${appointmentId}`,
      headers: { cookie: await signIn(ctx, 'amina.benali@example.org') },
    });
    expect(own.json().bookedByCallCenterAt).toBe(new Date(TEST_NOW).toISOString());
  });

  it('records the citizen as the booker of their own booking', async () => {
    const [slot] = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.copy);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: await signIn(ctx, 'youssef.elidrissi@example.org') },
      payload: { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.copy, slotId: slot!.slotId },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().bookedByCallCenterAt).toBeNull();
    expect(
      await countRows(ctx, 'appointments', sql`id = ${response.json().id} AND booked_by = ${youssef.accountId}`),
    ).toBe(1);
  });

  it('refuses to act without a reason, and changes nothing', async () => {
    const before = await countRows(ctx, 'appointments');
    for (const body of [{}, { reason: '' }, { reason: 'ok' }]) {
      const response = await post(`${amina.accountId}/appointments`, {
        requestId: request.id,
        slotId: slots[1]!.slotId,
        ...body,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().fields.map((f: { path: string }) => f.path)).toContain('body.reason');
    }
    const move = await post(`${amina.accountId}/appointments/${appointmentId}/move`, { slotId: slots[1]!.slotId });
    expect(move.statusCode).toBe(400);
    const cancel = await post(`${amina.accountId}/appointments/${appointmentId}/cancel`, {});
    expect(cancel.statusCode).toBe(400);
    expect(await countRows(ctx, 'appointments')).toBe(before);
  });

  it('refuses a booking that names neither a request nor a service', async () => {
    const response = await post(`${amina.accountId}/appointments`, { slotId: slots[1]!.slotId, reason });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((f: { path: string }) => f.path)).toContain('body.requestId');
  });

  it('books a service needing no verification directly, for the account holder by default', async () => {
    const [slot] = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.legalization);
    const response = await post(`${amina.accountId}/appointments`, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.legalization,
      slotId: slot!.slotId,
      reason,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ personId: amina.personId, bookedByCallCenterAt: expect.any(String) });
  });

  it('books once per Idempotency-Key', async () => {
    const [slot] = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.copy);
    const body = {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.copy,
      slotId: slot!.slotId,
      reason,
    };
    const key = { 'idempotency-key': 'callcenter-booking-1' };
    const first = await post(`${amina.accountId}/appointments`, body, agent, key);
    const again = await post(`${amina.accountId}/appointments`, body, agent, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('moves with the reason, audited on the citizen’s behalf', async () => {
    const response = await post(`${amina.accountId}/appointments/${appointmentId}/move`, {
      slotId: slots[3]!.slotId,
      reason,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: appointmentId, slotId: slots[3]!.slotId });
    const [event] = await auditEventsOf(ctx, appointmentId, 'appointment.moved');
    expect(event).toMatchObject({ actor_account_id: agentId, on_behalf_of_account_id: amina.accountId, reason });
  });

  it('resends the convocation: the booked message queued again, audited', async () => {
    const queued = () =>
      countRows(
        ctx,
        'outbox_messages',
        sql`kind = 'appointment.booked' AND payload->>'appointmentId' = ${appointmentId}`,
      );
    const before = await queued();
    const response = await post(`${amina.accountId}/appointments/${appointmentId}/convocation/resend`, { reason });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      appointmentId,
      kind: 'appointment.booked',
      queuedAt: new Date(TEST_NOW).toISOString(),
    });
    expect(await queued()).toBe(before + 1);
    const [event] = await auditEventsOf(ctx, appointmentId, 'appointment.convocation_resent');
    expect(event).toMatchObject({ actor_account_id: agentId, on_behalf_of_account_id: amina.accountId, reason });
    const silent = await post(`${amina.accountId}/appointments/${appointmentId}/convocation/resend`, {});
    expect(silent.statusCode).toBe(400);
  });

  it('lists the messages sent, with each channel’s receipt and never a code', async () => {
    const [message] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM outbox_messages WHERE account_id = ${amina.accountId} AND kind = 'appointment.booked' ORDER BY id LIMIT 1`,
    );
    await ctx.db.execute(
      sql`INSERT INTO deliveries (outbox_id, channel, status, recipient, created_at, sent_at)
          VALUES (${message!.id}, 'email', 'sent', 'amina.benali@example.org', ${ctx.clock.now()}, ${ctx.clock.now()})`,
    );
    await ctx.db.execute(
      sql`INSERT INTO outbox_messages (kind, account_id, payload, available_at, created_at)
          VALUES ('account.email_code', ${amina.accountId}, '{"code":"918273","expiresInMinutes":15}', ${ctx.clock.now()}, ${ctx.clock.now()})`,
    );
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/callcenter/citizens/${amina.accountId}/messages?limit=50`,
      headers: { cookie: agent },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('918273');
    const { messages } = response.json() as { messages: { id: number; kind: string; deliveries: object[] }[] };
    expect(messages[0]!.kind).toBe('account.email_code');
    const booked = messages.find((m) => m.id === Number(message!.id));
    expect(booked).toMatchObject({ kind: 'appointment.booked', appointmentId, status: 'pending' });
    expect(booked!.deliveries).toEqual([
      expect.objectContaining({ channel: 'email', status: 'sent', recipient: 'amina.benali@example.org' }),
    ]);
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/callcenter/citizens/${amina.accountId}/messages?limit=1`,
      headers: { cookie: agent },
    });
    expect(page.json().messages).toHaveLength(1);
    expect(page.json().nextCursor).toBe(messages[0]!.id);
  });

  it('cancels at the citizen’s request: cancelled by the citizen, the agent as the actor', async () => {
    const response = await post(`${amina.accountId}/appointments/${appointmentId}/cancel`, { reason });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('cancelled_by_citizen');
    const [event] = await auditEventsOf(ctx, appointmentId, 'appointment.cancelled');
    expect(event).toMatchObject({ actor_account_id: agentId, on_behalf_of_account_id: amina.accountId, reason });
    // The verified request stays accepted, bookable again; a cancelled appointment has no convocation.
    expect(await countRows(ctx, 'requests', sql`id = ${request.id} AND status = 'accepted'`)).toBe(1);
    const resend = await post(`${amina.accountId}/appointments/${appointmentId}/convocation/resend`, { reason });
    expect(resend.statusCode).toBe(409);
    expect(resend.json().code).toBe('CONVOCATION_UNAVAILABLE');
  });

  it('is held to the citizen’s cut-off', async () => {
    const [soon] = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, {
      from: '2026-12-01',
      to: '2026-12-01',
    });
    const booked = await post(`${amina.accountId}/appointments`, {
      requestId: request.id,
      slotId: soon!.slotId,
      reason,
    });
    expect(booked.statusCode).toBe(201);
    const id = booked.json().id;
    const move = await post(`${amina.accountId}/appointments/${id}/move`, { slotId: slots[5]!.slotId, reason });
    const cancel = await post(`${amina.accountId}/appointments/${id}/cancel`, { reason });
    for (const response of [move, cancel]) {
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('CANCELLATION_TOO_LATE');
    }
  });

  it('shows the citizen’s file, identity numbers included, and audits the view without them', async () => {
    await ctx.db.execute(sql`UPDATE persons SET passport_number = 'AB1234567' WHERE id = ${amina.personId}`);
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/callcenter/citizens/${amina.accountId}`,
      headers: { cookie: agent },
    });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.account).toMatchObject({
      id: amina.accountId,
      email: 'amina.benali@example.org',
      isEmailConfirmed: true,
    });
    expect(page.persons[0]).toMatchObject({ id: amina.personId, passportNumber: 'AB1234567' });
    expect(page.requests.map((r: { id: string }) => r.id)).toContain(request.id);
    const cancelled = page.appointments.find((a: { id: string }) => a.id === appointmentId);
    expect(cancelled).toMatchObject({
      status: 'cancelled_by_citizen',
      bookedBy: { accountId: agentId, role: 'call_center_agent' },
    });
    expect(page.payments).toEqual([]);
    expect(page.stamps).toEqual([]);
    const [view] = await auditEventsOf(ctx, amina.accountId, 'citizen.viewed_by_call_center');
    expect(view).toMatchObject({ actor_account_id: agentId });
    expect(
      await countRows(ctx, 'audit_events', sql`concat(before::text, after::text, reason) LIKE '%AB1234567%'`),
    ).toBe(0);
  });

  it('acts for citizens only, and only on their own appointments', async () => {
    const hq = await accountIdOf(ctx, 'hq@mawid.example');
    const staff = await post(`${hq}/appointments/${appointmentId}/cancel`, { reason });
    expect(staff.statusCode).toBe(404);
    expect(staff.json().code).toBe('CITIZEN_NOT_FOUND');
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/callcenter/citizens/${hq}`,
      headers: { cookie: agent },
    });
    expect(page.json().code).toBe('CITIZEN_NOT_FOUND');
    const someoneElses = await post(`${youssef.accountId}/appointments/${appointmentId}/convocation/resend`, {
      reason,
    });
    expect(someoneElses.statusCode).toBe(404);
    expect(someoneElses.json().code).toBe('APPOINTMENT_NOT_FOUND');
  });

  it('is for call-center agents only', async () => {
    for (const email of ['agent.par@mawid.example', 'admin.par@mawid.example', 'amina.benali@example.org']) {
      const cookie = await signIn(ctx, email);
      const book = await post(
        `${amina.accountId}/appointments`,
        { requestId: request.id, slotId: slots[6]!.slotId, reason },
        cookie,
      );
      const page = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/callcenter/citizens/${amina.accountId}`,
        headers: { cookie },
      });
      const messages = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/callcenter/citizens/${amina.accountId}/messages`,
        headers: { cookie },
      });
      expect([book.statusCode, page.statusCode, messages.statusCode]).toEqual([403, 403, 403]);
    }
  });
});
