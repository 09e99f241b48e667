import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import {
  bookingBody,
  countRows,
  createTestContext,
  firstFreeSlot,
  makeCitizens,
  slotRow,
  type TestContext,
} from '../../test/harness.ts';

// The races that matter happen on PostgreSQL, where 24 connections interleave these statements.
// PGlite runs them too: it has one connection and serializes them, and the outcome must be the same.
describe.each(engines)('concurrent booking on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('lets exactly 3 of 200 citizens racing for a slot of capacity 3 in, and tells the other 197 it is full', async () => {
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    await ctx.db.execute(sql`UPDATE slots SET capacity = 3, planned_capacity = 3 WHERE id = ${slot.slotId}`);
    const citizens = await makeCitizens(ctx, 200);
    const bodies = await Promise.all(
      citizens.map((citizen) =>
        bookingBody(ctx, citizen.cookie, {
          consulateId: ctx.ids.consulates.PAR,
          serviceId: ctx.ids.services.passport,
          slotId: slot.slotId,
        }),
      ),
    );
    const responses = await Promise.all(
      citizens.map((citizen, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: { cookie: citizen.cookie },
          payload: bodies[i],
        }),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    const full = responses.filter((r) => r.statusCode === 409 && r.json().code === 'SLOT_FULL');
    expect(created).toHaveLength(3);
    expect(full).toHaveLength(197);
    expect(await countRows(ctx, 'appointments', sql`slot_id = ${slot.slotId} AND status = 'booked'`)).toBe(3);
    expect(await slotRow(ctx, slot.slotId)).toMatchObject({ booked: 3, capacity: 3 });
  });

  it('makes one appointment from 50 concurrent identical requests sharing one Idempotency-Key', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.legalization);
    const before = (await slotRow(ctx, slot.slotId)).booked;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: { cookie: citizen!.cookie, 'idempotency-key': 'one-tap-many-retries' },
          payload: {
            consulateId: ctx.ids.consulates.MTL,
            serviceId: ctx.ids.services.legalization,
            slotId: slot.slotId,
          },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await countRows(ctx, 'appointments', sql`account_id = ${citizen!.accountId}`)).toBe(1);
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(before + 1);
    expect(
      await countRows(
        ctx,
        'audit_events',
        sql`action = 'appointment.booked' AND entity_id = ${responses[0]!.json().id}`,
      ),
    ).toBe(1);
  });

  it('keeps every slot within capacity when many citizens move and book at once', async () => {
    const citizens = await makeCitizens(ctx, 60);
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/consulates/${ctx.ids.consulates.DXB}/services/${ctx.ids.services.passport}/availability?from=2026-12-02&to=2026-12-04`,
    });
    const slotIds: number[] = response
      .json()
      .days.flatMap((d: { times: { slotId: number }[] }) => d.times.map((t) => t.slotId))
      .slice(0, 4);
    const book = async (cookie: string, slotId: number) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: { cookie },
        payload: await bookingBody(ctx, cookie, {
          consulateId: ctx.ids.consulates.DXB,
          serviceId: ctx.ids.services.passport,
          slotId,
        }),
      });
    const first = await Promise.all(citizens.map((c, i) => book(c.cookie, slotIds[i % 2]!)));
    const booked = first.map((r, i) => ({ r, c: citizens[i]! })).filter(({ r }) => r.statusCode === 201);
    // Everyone holding a seat tries to move to slots 3 and 4 while the others try to book them.
    await Promise.all([
      ...booked.map(({ r, c }, i) =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${r.json().id}/move`,
          headers: { cookie: c.cookie },
          payload: { slotId: slotIds[2 + (i % 2)]! },
        }),
      ),
      ...first
        .map((r, i) => (r.statusCode === 201 ? null : book(citizens[i]!.cookie, slotIds[2 + (i % 2)]!)))
        .filter(Boolean),
    ]);
    for (const slotId of slotIds) {
      const row = await slotRow(ctx, slotId);
      const active = await countRows(
        ctx,
        'appointments',
        sql`slot_id = ${slotId} AND status IN ('booked', 'checked_in')`,
      );
      expect(row.booked).toBe(active);
      expect(row.booked).toBeLessThanOrEqual(row.capacity);
    }
  });
});
