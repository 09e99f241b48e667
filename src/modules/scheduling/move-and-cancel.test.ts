import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import {
  bookingBody,
  countRows,
  createTestContext,
  makeCitizens,
  slotRow,
  type TestContext,
} from '../../test/harness.ts';

describe.each(engines)('moving and cancelling on %s', (engine) => {
  let ctx: TestContext;
  let freeSlots: { slotId: number; startsAt: string; free: number }[];
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.passport}/availability?from=2026-12-07&to=2026-12-20`,
    });
    freeSlots = response.json().days.flatMap((d: { times: unknown[] }) => d.times);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, payload });
  async function bookFor(cookie: string, slotId: number) {
    const response = await inject(
      'POST',
      '/api/v1/appointments',
      cookie,
      await bookingBody(ctx, cookie, {
        consulateId: ctx.ids.consulates.PAR,
        serviceId: ctx.ids.services.passport,
        slotId,
      }),
    );
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; slotId: number; reference: string };
  }

  it('moves an appointment: the new seat is taken, the old one freed, the reference kept, the move audited', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const [from, to] = [freeSlots[0]!, freeSlots[5]!];
    const appointment = await bookFor(citizen!.cookie, from.slotId);
    const [fromBefore, toBefore] = [await slotRow(ctx, from.slotId), await slotRow(ctx, to.slotId)];
    const moved = await inject('POST', `/api/v1/appointments/${appointment.id}/move`, citizen!.cookie, {
      slotId: to.slotId,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      id: appointment.id,
      reference: appointment.reference,
      slotId: to.slotId,
      startsAt: to.startsAt,
    });
    expect((await slotRow(ctx, from.slotId)).booked).toBe(fromBefore.booked - 1);
    expect((await slotRow(ctx, to.slotId)).booked).toBe(toBefore.booked + 1);
    const [event] = await ctx.db
      .execute(
        sql`SELECT before, after FROM audit_events WHERE action = 'appointment.moved' AND entity_id = ${appointment.id}`,
      )
      .then((r) => (r as unknown as { rows: { before: { slotId: number }; after: { slotId: number } }[] }).rows);
    expect(Number(event!.before.slotId)).toBe(from.slotId);
    expect(Number(event!.after.slotId)).toBe(to.slotId);
  });

  it('leaves the appointment where it was when the new slot is full', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const appointment = await bookFor(citizen!.cookie, freeSlots[1]!.slotId);
    const target = freeSlots[6]!.slotId;
    await ctx.db.execute(sql`UPDATE slots SET capacity = booked, planned_capacity = booked WHERE id = ${target}`);
    const before = [await slotRow(ctx, freeSlots[1]!.slotId), await slotRow(ctx, target)];
    const moved = await inject('POST', `/api/v1/appointments/${appointment.id}/move`, citizen!.cookie, {
      slotId: target,
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('SLOT_FULL');
    expect([await slotRow(ctx, freeSlots[1]!.slotId), await slotRow(ctx, target)]).toEqual(before);
    const current = await inject('GET', `/api/v1/appointments/${appointment.id}`, citizen!.cookie);
    expect(current.json().slotId).toBe(freeSlots[1]!.slotId);
  });

  it('cancels, frees the seat, refuses a second cancel, and lets the person book again', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = freeSlots[2]!;
    const appointment = await bookFor(citizen!.cookie, slot.slotId);
    const booked = (await slotRow(ctx, slot.slotId)).booked;
    const cancelled = await inject('POST', `/api/v1/appointments/${appointment.id}/cancel`, citizen!.cookie);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled_by_citizen');
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(booked - 1);
    const again = await inject('POST', `/api/v1/appointments/${appointment.id}/cancel`, citizen!.cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPOINTMENT_TRANSITION_REFUSED');
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(booked - 1);
    expect(
      await countRows(ctx, 'audit_events', sql`action = 'appointment.cancelled' AND entity_id = ${appointment.id}`),
    ).toBe(1);
    await bookFor(citizen!.cookie, slot.slotId);
  });

  it('refuses to move or cancel online after the cut-off, and changes nothing', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = freeSlots[3]!;
    const appointment = await bookFor(citizen!.cookie, slot.slotId);
    const booked = (await slotRow(ctx, slot.slotId)).booked;
    const saved = ctx.clock.now();
    // The cut-off is 24 hours: stand 23 hours before the appointment.
    ctx.clock.set(new Date(new Date(slot.startsAt).getTime() - 23 * 3_600_000));
    try {
      // Days later, the first session has expired: the citizen signs in again.
      expect((await inject('GET', '/api/v1/appointments', citizen!.cookie)).statusCode).toBe(401);
      const session = await ctx.deps.sessions.create(citizen!.accountId);
      const cookie = `mawid_session=${session.token}`;
      const cancel = await inject('POST', `/api/v1/appointments/${appointment.id}/cancel`, cookie);
      expect(cancel.statusCode).toBe(422);
      expect(cancel.json().code).toBe('CANCELLATION_TOO_LATE');
      const move = await inject('POST', `/api/v1/appointments/${appointment.id}/move`, cookie, {
        slotId: freeSlots.at(-1)!.slotId,
      });
      expect(move.json().code).toBe('CANCELLATION_TOO_LATE');
    } finally {
      ctx.clock.set(saved);
    }
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(booked);
  });

  it('answers 404 for someone else’s appointment on every route and changes nothing', async () => {
    const [owner, stranger] = await makeCitizens(ctx, 2);
    const appointment = await bookFor(owner!.cookie, freeSlots[4]!.slotId);
    const booked = (await slotRow(ctx, freeSlots[4]!.slotId)).booked;
    const attempts = await Promise.all([
      inject('GET', `/api/v1/appointments/${appointment.id}`, stranger!.cookie),
      inject('POST', `/api/v1/appointments/${appointment.id}/cancel`, stranger!.cookie),
      inject('POST', `/api/v1/appointments/${appointment.id}/move`, stranger!.cookie, { slotId: freeSlots[7]!.slotId }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.statusCode).toBe(404);
      expect(attempt.json().code).toBe('APPOINTMENT_NOT_FOUND');
    }
    expect((await slotRow(ctx, freeSlots[4]!.slotId)).booked).toBe(booked);
    const list = await inject('GET', '/api/v1/appointments', stranger!.cookie);
    expect(list.json().appointments).toEqual([]);
    const malformed = await inject('POST', '/api/v1/appointments/not-a-uuid/cancel', owner!.cookie);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields[0].path).toBe('params.appointmentId');
  });

  it('refuses to move an appointment to the slot it already holds', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const appointment = await bookFor(citizen!.cookie, freeSlots[8]!.slotId);
    const response = await inject('POST', `/api/v1/appointments/${appointment.id}/move`, citizen!.cookie, {
      slotId: freeSlots[8]!.slotId,
    });
    expect(response.json().code).toBe('SAME_SLOT');
  });
});
