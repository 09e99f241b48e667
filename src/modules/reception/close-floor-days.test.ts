import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, signIn, type TestContext } from '../../test/harness.ts';
import { closeFloorDays } from './close-floor-days.ts';
import { closeOpenDays } from './close-open-days.ts';
import { bookDay, counterId, post, staffUrl, type TicketJson } from './floor.test-support.ts';

// 08:15 in Paris on Wednesday 2 December; 01:00 the next night (the day is over there); Thursday morning.
const ON_THE_DAY = '2026-12-02T07:15:00Z';
const NEXT_NIGHT = '2026-12-03T00:00:00Z';

describe.each(engines)('the close of the day on the floor on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('ends what the day left open: appointments and tickets not served, counters closed, audited, once', async () => {
    const [waiting, calling] = await bookDay(ctx, { service: 'passport', day: '2026-12-02', count: 2 });
    const [tomorrow] = await bookDay(ctx, { service: 'passport', day: '2026-12-03', count: 1 });
    ctx.clock.set(ON_THE_DAY);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const checkIn = async (reference: string) =>
      (await post(ctx, staffUrl(ctx, '/check-ins'), admin, { reference })).json().ticket as TicketJson;
    const left = await checkIn(waiting!.reference);
    const atCounter = await checkIn(calling!.reference);
    const walkIn = (await post(ctx, staffUrl(ctx, '/walk-ins'), admin, { serviceId: ctx.ids.services.copy })).json();
    const counter = await counterId(ctx, ctx.ids.departments['PAR:passport']!, '1');
    await post(ctx, staffUrl(ctx, `/counters/${counter}/open`), admin);
    // Priority makes the second arrival the one called, so one ticket is waiting and one called.
    await ctx.db.execute(sql`UPDATE tickets SET priority = 'disabled' WHERE id = ${atCounter.id}`);
    const called = await post(ctx, staffUrl(ctx, `/counters/${counter}/call-next`), admin);
    expect(called.json().id).toBe(atCounter.id);

    // Still the same day in Paris: nothing to close.
    ctx.clock.set('2026-12-02T22:30:00Z');
    expect(await closeFloorDays({ db: ctx.db, clock: ctx.clock })).toEqual({ tickets: 0, counters: 0 });
    expect(await closeOpenDays({ db: ctx.db, clock: ctx.clock })).toBe(0);

    ctx.clock.set(NEXT_NIGHT);
    expect(await closeOpenDays({ db: ctx.db, clock: ctx.clock, batchSize: 1 })).toBe(2);
    expect(await closeFloorDays({ db: ctx.db, clock: ctx.clock, batchSize: 2 })).toEqual({ tickets: 3, counters: 1 });
    for (const id of [left.id, atCounter.id, walkIn.id]) {
      const [row] = await queryRows<{ status: string; ended_at: Date | null }>(
        ctx.db,
        sql`SELECT status, ended_at FROM tickets WHERE id = ${id}`,
      );
      expect(row!.status).toBe('not_served');
      expect(row!.ended_at).not.toBeNull();
      const [event] = await queryRows<{ actor_account_id: string | null; reason: string }>(
        ctx.db,
        sql`SELECT actor_account_id, reason FROM audit_events WHERE entity_id = ${id} AND action = 'ticket.not_served'`,
      );
      expect(event).toEqual({ actor_account_id: null, reason: 'day_closed' });
    }
    for (const { id } of [waiting!, calling!]) {
      const [row] = await queryRows<{ status: string; not_served_reason: string }>(
        ctx.db,
        sql`SELECT status, not_served_reason FROM appointments WHERE id = ${id}`,
      );
      expect(row).toEqual({ status: 'not_served', not_served_reason: 'day_closed' });
    }
    const [freed] = await queryRows<{ agent_id: string | null }>(
      ctx.db,
      sql`SELECT agent_id FROM counters WHERE id = ${counter}`,
    );
    expect(freed!.agent_id).toBeNull();
    expect(await countRows(ctx, 'audit_events', sql`action = 'counter.closed' AND reason = 'day_closed'`)).toBe(1);
    expect(await closeFloorDays({ db: ctx.db, clock: ctx.clock })).toEqual({ tickets: 0, counters: 0 });
    expect(await closeOpenDays({ db: ctx.db, clock: ctx.clock })).toBe(0);

    // The new day's tickets are left alone.
    ctx.clock.set('2026-12-03T07:15:00Z');
    const today = await post(ctx, staffUrl(ctx, '/check-ins'), await signIn(ctx, 'admin.par@mawid.example'), {
      reference: tomorrow!.reference,
    });
    expect(today.json().ticket.code).toBe('P-001');
    expect(await closeFloorDays({ db: ctx.db, clock: ctx.clock })).toEqual({ tickets: 0, counters: 0 });
  });
});
