import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, signIn, type TestContext } from '../../test/harness.ts';
import { bookDay, counterId, makeAgents, makeCounters, post, staffUrl, type TicketJson } from './floor.test-support.ts';

// 08:15 in Paris on Wednesday 2 December, then a little later for each arrival.
const at = (minutes: number) => new Date(Date.parse('2026-12-02T07:15:00Z') + minutes * 60_000);

describe.each(engines)('calling the next ticket on %s', (engine) => {
  let ctx: TestContext;
  let legalization: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    legalization = ctx.ids.departments['PAR:legalization']!;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const callNext = (cookie: string, counter: string) =>
    post(ctx, staffUrl(ctx, `/counters/${counter}/call-next`), cookie);
  const ticketStep = (cookie: string, ticket: string, path: string, payload?: object) =>
    post(ctx, staffUrl(ctx, `/tickets/${ticket}/${path}`), cookie, payload);
  const waitingIn = (departmentId: string) =>
    countRows(ctx, 'tickets', sql`department_id = ${departmentId} AND status = 'waiting'`);

  it('calls priority first, then appointments by their time, then walk-ins by arrival; one at a time per counter', async () => {
    const [early, late] = await bookDay(ctx, { service: 'legalization', day: '2026-12-02', count: 2, firstTime: 2 });
    const admin = async () => signIn(ctx, 'admin.par@mawid.example');
    ctx.clock.set(at(0));
    const firstWalkIn = (
      await post(ctx, staffUrl(ctx, '/walk-ins'), await admin(), { serviceId: ctx.ids.services.copy })
    ).json() as TicketJson;
    ctx.clock.set(at(5));
    await post(ctx, staffUrl(ctx, '/check-ins'), await admin(), { reference: late!.reference });
    ctx.clock.set(at(10));
    await post(ctx, staffUrl(ctx, '/check-ins'), await admin(), { reference: early!.reference });
    ctx.clock.set(at(15));
    const elderly = (
      await post(ctx, staffUrl(ctx, '/walk-ins'), await admin(), {
        serviceId: ctx.ids.services.legalization,
        priority: 'elderly',
      })
    ).json() as TicketJson;

    const cookie = await admin();
    const counter = await counterId(ctx, legalization, '1');
    const notOpen = await callNext(cookie, counter);
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().code).toBe('COUNTER_NOT_YOURS');
    expect((await post(ctx, staffUrl(ctx, `/counters/${counter}/open`), cookie)).statusCode).toBe(200);

    const called: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await callNext(cookie, counter);
      expect(response.statusCode, response.body).toBe(200);
      const ticket = response.json();
      called.push(ticket.isWalkIn ? ticket.id : ticket.appointmentId);
      expect(ticket).toMatchObject({ status: 'called', counterId: counter, callCount: 1 });
      if (i === 0) {
        const busy = await callNext(cookie, counter);
        expect(busy.statusCode).toBe(409);
        expect(busy.json().code).toBe('COUNTER_BUSY');
      }
      if (ticket.appointmentId) {
        // The counter sees who it is and what to check; the appointment is called.
        const current = await ctx.app.inject({
          method: 'GET',
          url: staffUrl(ctx, `/counters/${counter}/ticket`),
          headers: { cookie },
        });
        expect(current.json().ticket).toMatchObject({
          id: ticket.id,
          counterLabel: '1',
          person: { familyNameLatin: expect.stringMatching(/^Citizen/) },
          appointment: { id: ticket.appointmentId },
          service: { id: ctx.ids.services.legalization },
          stamp: { state: 'none', number: null },
          fee: { isDue: true },
        });
        const [appointment] = await queryRows<{ status: string }>(
          ctx.db,
          sql`SELECT status FROM appointments WHERE id = ${ticket.appointmentId}`,
        );
        expect(appointment!.status).toBe('called');
        const done = await ticketStep(cookie, ticket.id, 'not-served', { reason: 'fee_not_paid' });
        expect(done.statusCode, done.body).toBe(200);
      } else {
        // A walk-in has no appointment: serving ends the ticket alone.
        expect((await ticketStep(cookie, ticket.id, 'serve')).json().status).toBe('served');
      }
    }
    expect(called).toEqual([elderly.id, early!.id, late!.id, firstWalkIn.id]);
    const empty = await callNext(cookie, counter);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('NO_TICKET_WAITING');
    expect(await countRows(ctx, 'audit_events', sql`action = 'ticket.called'`)).toBe(4);
    expect((await post(ctx, staffUrl(ctx, `/counters/${counter}/close`), cookie)).statusCode).toBe(200);
  });

  it('hands each ticket out once when 50 counters call at the same moment', async () => {
    ctx.clock.set(at(30));
    const agents = await makeAgents(ctx, 50, { departmentIds: [legalization] });
    const counters = await makeCounters(ctx, legalization, 50);
    for (const [i, agent] of agents.entries()) {
      const opened = await post(ctx, staffUrl(ctx, `/counters/${counters[i]}/open`), agent.cookie);
      expect(opened.statusCode, opened.body).toBe(200);
    }
    const desk = agents[0]!.cookie;
    for (let i = 0; i < 60; i++) {
      const given = await post(ctx, staffUrl(ctx, '/walk-ins'), desk, { serviceId: ctx.ids.services.copy });
      expect(given.statusCode).toBe(201);
    }
    expect(await waitingIn(legalization)).toBe(60);

    const responses = await Promise.all(agents.map((agent, i) => callNext(agent.cookie, counters[i]!)));
    expect(responses.map((r) => r.statusCode)).toEqual(agents.map(() => 200));
    const ids = responses.map((r) => r.json().id as string);
    expect(new Set(ids).size).toBe(50);
    const rows = await queryRows<{ id: string; counter_id: string; call_count: number }>(
      ctx.db,
      sql`SELECT id, counter_id, call_count FROM tickets WHERE department_id = ${legalization} AND status = 'called'`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.counter_id)).size).toBe(50);
    expect(rows.every((r) => Number(r.call_count) === 1)).toBe(true);
    expect(await waitingIn(legalization)).toBe(10);
    expect(
      await countRows(
        ctx,
        'audit_events',
        sql`action = 'ticket.called' AND entity_id IN (SELECT id::text FROM tickets WHERE department_id = ${legalization})`,
      ),
    ).toBe(54);

    // One counter asked five times at once calls one person.
    const [first] = agents;
    await ticketStep(first!.cookie, ids[0]!, 'serve');
    const again = await Promise.all(Array.from({ length: 5 }, () => callNext(first!.cookie, counters[0]!)));
    expect(again.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(again.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(4).fill('COUNTER_BUSY'));
    expect(await waitingIn(legalization)).toBe(9);
  });
});
