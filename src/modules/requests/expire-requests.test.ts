import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, firstFreeSlot, makeCitizens, type TestContext } from '../../test/harness.ts';
import { acceptedRequest } from '../payments/payments.testkit.ts';
import { expireIdleRequests } from './expire-requests.ts';

const days = { draft: 30, moreInfo: 60, accepted: 180 };

describe.each(engines)('idle requests expire on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('ends drafts, unanswered "more information" and unbooked accepted requests left idle, once, and tells the citizen', async () => {
    const citizens = await makeCitizens(ctx, 7);
    const now = ctx.clock.now().getTime();
    const ago = (d: number) => new Date(now - d * 86_400_000);
    const made: Record<string, string> = {};
    const cases: [string, string, number][] = [
      ['oldDraft', 'draft', 31],
      ['freshDraft', 'draft', 29],
      ['oldMoreInfo', 'more_info_requested', 61],
      ['oldAccepted', 'accepted', 181],
      ['bookedAccepted', 'accepted', 181],
      ['oldSubmitted', 'submitted', 400],
      ['freshAccepted', 'accepted', 179],
    ];
    for (const [i, [name, status, age]] of cases.entries()) {
      const id = await acceptedRequest(ctx, citizens[i]!, { consulate: 'MTL', service: 'legalization', status });
      await ctx.db.execute(sql`UPDATE requests SET updated_at = ${ago(age)} WHERE id = ${id}`);
      made[name] = id;
    }
    // An accepted request whose appointment is still to come is not idle.
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.legalization);
    const booked = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: citizens[4]!.cookie },
      payload: {
        consulateId: ctx.ids.consulates.MTL,
        serviceId: ctx.ids.services.legalization,
        slotId: slot.slotId,
        requestId: made.bookedAccepted,
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    await ctx.db.execute(sql`UPDATE requests SET updated_at = ${ago(181)} WHERE id = ${made.bookedAccepted!}`);

    expect(await expireIdleRequests({ db: ctx.db, clock: ctx.clock, days, batchSize: 2 })).toBe(3);
    const statuses = Object.fromEntries(
      await Promise.all(
        Object.entries(made).map(async ([name, id]) => {
          const [row] = await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM requests WHERE id = ${id}`);
          return [name, row!.status] as const;
        }),
      ),
    );
    expect(statuses).toEqual({
      oldDraft: 'expired',
      freshDraft: 'draft',
      oldMoreInfo: 'expired',
      oldAccepted: 'expired',
      bookedAccepted: 'accepted',
      oldSubmitted: 'submitted',
      freshAccepted: 'accepted',
    });
    const expiredIds = [made.oldDraft!, made.oldMoreInfo!, made.oldAccepted!];
    const inList = sql.join(
      expiredIds.map((id) => sql`${id}`),
      sql`, `,
    );
    expect(await countRows(ctx, 'audit_events', sql`action = 'request.expired' AND entity_id IN (${inList})`)).toBe(3);
    expect(
      await countRows(ctx, 'outbox_messages', sql`kind = 'request.expired' AND payload->>'requestId' IN (${inList})`),
    ).toBe(3);
    expect(await expireIdleRequests({ db: ctx.db, clock: ctx.clock, days })).toBe(0);
    // The person may open a new request for the service again.
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { cookie: citizens[0]!.cookie },
      payload: { consulateId: ctx.ids.consulates.MTL, serviceId: ctx.ids.services.legalization },
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});
