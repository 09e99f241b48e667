import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import {
  bookingBody,
  countRows,
  createTestContext,
  firstFreeSlot,
  makeCitizens,
  signIn,
  slotRow,
  type TestContext,
} from '../../test/harness.ts';
import { referencePattern } from './appointment-reference.ts';

describe.each(engines)('booking on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const book = async (cookie: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie, ...headers },
      payload:
        typeof payload.consulateId === 'string' && typeof payload.serviceId === 'string'
          ? await bookingBody(ctx, cookie, payload as Parameters<typeof bookingBody>[2])
          : payload,
    });

  it('books a free slot, takes one seat, returns a reference and local time, and audits it', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const before = await slotRow(ctx, slot.slotId);
    const response = await book(citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: slot.slotId,
    });
    expect(response.statusCode).toBe(201);
    const appointment = response.json();
    expect(appointment.reference).toMatch(referencePattern);
    expect(appointment.reference.startsWith('PAR-')).toBe(true);
    expect(appointment.timeZone).toBe('Europe/Paris');
    expect(appointment.utcOffset).toBe('+01:00');
    expect(appointment.startsAt).toBe(slot.startsAt);
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(before.booked + 1);
    expect(
      await countRows(ctx, 'audit_events', sql`action = 'appointment.booked' AND entity_id = ${appointment.id}`),
    ).toBe(1);

    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/appointments',
      headers: { cookie: citizen!.cookie },
    });
    expect(list.json().appointments.map((a: { id: string }) => a.id)).toEqual([appointment.id]);
  });

  it('refuses a second active appointment for the same person, service and consulate', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.legalization);
    const payload = {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.legalization,
      slotId: slot.slotId,
    };
    expect((await book(citizen!.cookie, payload)).statusCode).toBe(201);
    const seats = (await slotRow(ctx, slot.slotId)).booked;
    const second = await book(citizen!.cookie, payload);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ACTIVE_APPOINTMENT_EXISTS');
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(seats);
    // Another service at the same consulate is fine.
    const copySlot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.copy);
    const other = await book(citizen!.cookie, {
      ...payload,
      serviceId: ctx.ids.services.copy,
      slotId: copySlot.slotId,
    });
    expect(other.statusCode).toBe(201);
  });

  it('answers SLOT_FULL once every seat is taken, and availability stops showing the slot', async () => {
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.DXB, ctx.ids.services.passport);
    const { capacity, booked } = await slotRow(ctx, slot.slotId);
    const citizens = await makeCitizens(ctx, capacity - booked + 1);
    const payload = { consulateId: ctx.ids.consulates.DXB, serviceId: ctx.ids.services.passport, slotId: slot.slotId };
    const codes: number[] = [];
    for (const citizen of citizens) codes.push((await book(citizen.cookie, payload)).statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(capacity - booked);
    const last = await book(citizens.at(-1)!.cookie, payload);
    expect(last.json().code).toBe('SLOT_FULL');
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(capacity);
    const next = await firstFreeSlot(ctx, ctx.ids.consulates.DXB, ctx.ids.services.passport);
    expect(next.slotId).not.toBe(slot.slotId);
  });

  it('refuses slots inside the minimum notice, of another department, or unknown', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    // The test clock stands at 08:00 UTC on 2026-12-01; notice is 120 minutes.
    const [soon] = await ctx.db
      .execute(sql`SELECT id FROM slots
        WHERE department_id = ${ctx.ids.departments['PAR:passport']!}
          AND starts_at > '2026-12-01T08:00:00Z' AND starts_at < '2026-12-01T10:00:00Z' ORDER BY starts_at LIMIT 1`)
      .then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    expect(soon).toBeDefined();
    const tooSoon = await book(citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: Number(soon!.id),
    });
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().code).toBe('SLOT_TOO_SOON');

    const legalizationSlot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.legalization);
    const wrongDepartment = await book(citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: legalizationSlot.slotId,
    });
    expect(wrongDepartment.json().code).toBe('SLOT_NOT_FOUND');

    const unknown = await book(citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: 999_999_999,
    });
    expect(unknown.statusCode).toBe(404);
    expect(await countRows(ctx, 'appointments', sql`account_id = ${citizen!.accountId}`)).toBe(0);
  });

  it('rejects malformed input with the fields at fault and changes nothing', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const before = await countRows(ctx, 'appointments');
    const response = await book(citizen!.cookie, { consulateId: 'PAR', serviceId: 42, slotId: -1 });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.consulateId',
      'body.serviceId',
      'body.slotId',
    ]);
    const unknownConsulate = await book(citizen!.cookie, {
      consulateId: '00000000-0000-4000-8000-000000000000',
      serviceId: ctx.ids.services.passport,
      slotId: 1,
    });
    expect(unknownConsulate.statusCode).toBe(404);
    expect(unknownConsulate.json().code).toBe('CONSULATE_NOT_FOUND');
    expect(await countRows(ctx, 'appointments')).toBe(before);
  });

  it('books a service that needs verification only from the person’s accepted request', async () => {
    const [citizen, other] = await makeCitizens(ctx, 2);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const seatsBefore = (await slotRow(ctx, slot.slotId)).booked;
    const bare = { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.passport, slotId: slot.slotId };
    const withoutRequest = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: citizen!.cookie },
      payload: bare,
    });
    expect(withoutRequest.statusCode).toBe(422);
    expect(withoutRequest.json().code).toBe('REQUEST_REQUIRED');
    const { requestId } = await bookingBody(ctx, citizen!.cookie, bare);
    await ctx.db.execute(sql`UPDATE requests SET status = 'submitted' WHERE id = ${requestId!}`);
    const notAccepted = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: citizen!.cookie },
      payload: { ...bare, requestId },
    });
    expect(notAccepted.json().code).toBe('REQUEST_NOT_ACCEPTED');
    await ctx.db.execute(sql`UPDATE requests SET status = 'accepted' WHERE id = ${requestId!}`);
    const someoneElses = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: other!.cookie },
      payload: { ...bare, requestId },
    });
    expect(someoneElses.statusCode).toBe(404);
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(seatsBefore);
    const booked = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: citizen!.cookie },
      payload: { ...bare, requestId },
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json().requestId).toBe(requestId);
  });

  it('opens an accepted request with the appointment for a service without verification; the request follows it', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.copy);
    const payload = { consulateId: ctx.ids.consulates.MTL, serviceId: ctx.ids.services.copy, slotId: slot.slotId };
    const first = await book(citizen!.cookie, payload);
    expect(first.statusCode).toBe(201);
    const requestId = first.json().requestId;
    expect(
      await countRows(ctx, 'requests', sql`id = ${requestId} AND status = 'accepted' AND origin = 'direct_booking'`),
    ).toBe(1);
    const again = await book(citizen!.cookie, payload);
    expect(again.json().code).toBe('ACTIVE_APPOINTMENT_EXISTS');
    expect(again.json().reference).toBe(first.json().reference);
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${first.json().id}/cancel`,
      headers: { cookie: citizen!.cookie },
    });
    expect(cancelled.statusCode).toBe(200);
    // The request opened by the booking went with it: no accepted request without an appointment.
    expect(await countRows(ctx, 'requests', sql`id = ${requestId} AND status = 'withdrawn'`)).toBe(1);
    const rebooked = await book(citizen!.cookie, payload);
    expect(rebooked.statusCode).toBe(201);
    expect(rebooked.json().requestId).not.toBe(requestId);
    expect(await countRows(ctx, 'requests', sql`account_id = ${citizen!.accountId} AND status = 'accepted'`)).toBe(1);
  });

  it('requires a signed-in citizen', async () => {
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.passport, slotId: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const byAgent = await book(agent, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: slot.slotId,
    });
    expect(byAgent.statusCode).toBe(403);
  });

  it('replays a retried booking with the same Idempotency-Key, and refuses the key for another body', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.passport);
    const payload = { consulateId: ctx.ids.consulates.MTL, serviceId: ctx.ids.services.passport, slotId: slot.slotId };
    const first = await book(citizen!.cookie, payload, { 'idempotency-key': 'retry-1' });
    const again = await book(citizen!.cookie, payload, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countRows(ctx, 'appointments', sql`account_id = ${citizen!.accountId}`)).toBe(1);
    const misuse = await book(
      citizen!.cookie,
      { ...payload, serviceId: ctx.ids.services.copy },
      { 'idempotency-key': 'retry-1' },
    );
    expect(misuse.statusCode).toBe(422);
    expect(misuse.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const badKey = await book(citizen!.cookie, payload, { 'idempotency-key': 'spaces are not allowed' });
    expect(badKey.statusCode).toBe(400);
  });
});
