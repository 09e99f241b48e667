import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { createTestContext, signIn, type TestContext } from '../../test/harness.ts';
import { counterId } from './floor.test-support.ts';

const ON_THE_DAY = '2026-12-02T07:15:00Z';
const ANY_UUID = '00000000-0000-4000-8000-000000000001';

describe.each(engines)('who may use the reception floor on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    ctx.clock.set(ON_THE_DAY);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  /** Every new route of the floor, with a body it would accept from the right caller. */
  function routes(counter: string) {
    const staff = `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}`;
    const admin = `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}`;
    const ticket = `${staff}/tickets/${ANY_UUID}`;
    return [
      { method: 'POST', url: `${staff}/arrivals/look-up`, payload: { reference: 'PAR-2222-2222' } },
      { method: 'POST', url: `${staff}/walk-ins`, payload: { serviceId: ctx.ids.services.copy } },
      { method: 'GET', url: `${ticket}/ticket.pdf` },
      { method: 'GET', url: `${staff}/occupancy` },
      { method: 'GET', url: `${staff}/counters` },
      { method: 'POST', url: `${staff}/counters/${counter}/open` },
      { method: 'POST', url: `${staff}/counters/${counter}/close` },
      { method: 'POST', url: `${staff}/counters/${counter}/call-next` },
      { method: 'GET', url: `${staff}/counters/${counter}/ticket` },
      { method: 'POST', url: `${ticket}/recall` },
      { method: 'POST', url: `${ticket}/back-to-waiting` },
      { method: 'POST', url: `${ticket}/absent` },
      { method: 'POST', url: `${ticket}/serve` },
      { method: 'POST', url: `${ticket}/not-served`, payload: { reason: 'documents_missing' } },
      { method: 'POST', url: `${ticket}/transfer`, payload: { departmentId: ANY_UUID } },
      { method: 'POST', url: `${admin}/screen-tokens`, payload: { label: 'Hall' } },
      { method: 'GET', url: `${admin}/screen-tokens` },
      { method: 'DELETE', url: `${admin}/screen-tokens/${ANY_UUID}` },
    ] as const;
  }

  it('answers 404 to staff of another consulate, as if it did not exist', async () => {
    const counter = await counterId(ctx, ctx.ids.departments['PAR:passport']!, '1');
    for (const email of ['agent.dxb@mawid.example', 'admin.dxb@mawid.example', 'admin.mtl@mawid.example']) {
      const cookie = await signIn(ctx, email);
      for (const route of routes(counter)) {
        // Screen tokens are the admin's: an agent of another consulate is refused by role first.
        if (email.startsWith('agent') && route.url.includes('/admin/')) continue;
        const response = await ctx.app.inject({ ...route, headers: { cookie } });
        expect([route.method, route.url, email, response.statusCode]).toEqual([route.method, route.url, email, 404]);
        expect(response.json().code).toBe('CONSULATE_NOT_FOUND');
      }
    }
  });

  it('answers 403 to roles that never work the floor, and 401 without a session', async () => {
    const counter = await counterId(ctx, ctx.ids.departments['PAR:passport']!, '1');
    const callers = [
      await signIn(ctx, 'amina.benali@example.org'),
      await signIn(ctx, 'callcenter@mawid.example'),
      await signIn(ctx, 'hq@mawid.example'),
      await signIn(ctx, 'treasury@mawid.example'),
    ];
    for (const cookie of callers) {
      for (const route of routes(counter)) {
        const response = await ctx.app.inject({ ...route, headers: { cookie } });
        expect([route.method, route.url, response.statusCode]).toEqual([route.method, route.url, 403]);
        expect(response.json().code).toBe('FORBIDDEN');
      }
    }
    // Screen tokens are the consulate admin's alone.
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    for (const route of routes(counter).filter((r) => r.url.includes('/admin/'))) {
      expect((await ctx.app.inject({ ...route, headers: { cookie: agent } })).statusCode).toBe(403);
    }
    for (const route of routes(counter)) {
      expect((await ctx.app.inject({ ...route })).statusCode).toBe(401);
    }
  });
});
