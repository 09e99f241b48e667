import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, TEST_NOW, type TestContext } from '../../test/harness.ts';
import { paidStamp } from '../payments/stamps.test-support.ts';
import { counterId, get, makeAgents, post, staffUrl, type TicketJson } from './floor.test-support.ts';
import { freeTimes } from './reception.test-support.ts';

const DAY = { from: '2026-12-02', to: '2026-12-02' };
// 08:15 in Paris on the day of the appointments.
const ON_THE_DAY = '2026-12-02T07:15:00Z';

describe.each(engines)('at the counter on %s', (engine) => {
  let ctx: TestContext;
  let times: { slotId: number }[];
  let passportCounter: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    times = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, DAY);
    passportCounter = await counterId(ctx, ctx.ids.departments['PAR:passport']!, '3');
  });
  afterEach(() => ctx.clock.set(new Date(TEST_NOW)));
  afterAll(async () => {
    await ctx.app.close();
  });

  const ticketStep = (cookie: string, ticket: string, path: string, payload?: object) =>
    post(ctx, staffUrl(ctx, `/tickets/${ticket}/${path}`), cookie, payload);
  const statusOf = async (table: 'appointments' | 'requests' | 'tickets', id: string) =>
    (await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM ${sql.raw(table)} WHERE id = ${id}`))[0]!
      .status;

  /**
   * A paid passport request booked on 2 December, checked in that morning by the Paris agent, who
   * is at counter 3 of passports and calls it (no one else waits there).
   */
  async function called(slotIndex: number) {
    ctx.clock.set(new Date(TEST_NOW));
    const [citizen] = await makeCitizens(ctx, 1);
    const stamp = await paidStamp(ctx, { accountId: citizen!.accountId });
    const booked = await post(ctx, '/api/v1/appointments', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: times[slotIndex]!.slotId,
      personId: stamp.personId,
      requestId: stamp.requestId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    ctx.clock.set(new Date(ON_THE_DAY));
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const arrived = await post(ctx, staffUrl(ctx, '/check-ins'), agent, { reference: booked.json().reference });
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect((await post(ctx, staffUrl(ctx, `/counters/${passportCounter}/open`), agent)).statusCode).toBe(200);
    const call = await post(ctx, staffUrl(ctx, `/counters/${passportCounter}/call-next`), agent);
    expect(call.statusCode, call.body).toBe(200);
    const ticket = call.json() as TicketJson;
    expect(ticket.appointmentId).toBe(booked.json().id);
    return { agent, stamp, citizen: citizen!, appointmentId: booked.json().id as string, ticket };
  }

  it('opens a counter (leaving the one held before), refuses one another agent is at, and closes it', async () => {
    ctx.clock.set(new Date(ON_THE_DAY));
    const passport = ctx.ids.departments['PAR:passport']!;
    const [one, two] = [await counterId(ctx, passport, '1'), await counterId(ctx, passport, '2')];
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const agentId = (await ctx.deps.sessions.resolve(agent.split('=')[1]!))!.accountId;
    const opened = await post(ctx, staffUrl(ctx, `/counters/${one}/open`), agent);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ id: one, label: '1', agent: { id: agentId }, calledTicket: null });
    expect((await post(ctx, staffUrl(ctx, `/counters/${two}/open`), agent)).json().agent.id).toBe(agentId);
    const list = (await get(ctx, staffUrl(ctx, '/counters'), agent)).json().counters as {
      id: string;
      agent: { id: string } | null;
      department: { id: string };
    }[];
    expect(list.find((c) => c.id === one)!.agent).toBeNull();
    expect(list.find((c) => c.id === two)!.agent!.id).toBe(agentId);
    // The agent sees their department's counters only; the admin every one.
    expect(new Set(list.map((c) => c.department.id))).toEqual(new Set([passport]));
    const all = (await get(ctx, staffUrl(ctx, '/counters'), await signIn(ctx, 'admin.par@mawid.example'))).json();
    expect(all.counters.length).toBeGreaterThan(list.length);

    const [colleague] = await makeAgents(ctx, 1, { departmentIds: [passport] });
    const taken = await post(ctx, staffUrl(ctx, `/counters/${two}/open`), colleague!.cookie);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('COUNTER_OCCUPIED');
    const notTheirs = await post(ctx, staffUrl(ctx, `/counters/${two}/close`), colleague!.cookie);
    expect(notTheirs.json().code).toBe('COUNTER_NOT_YOURS');
    const legal = await counterId(ctx, ctx.ids.departments['PAR:legalization']!, '1');
    expect((await post(ctx, staffUrl(ctx, `/counters/${legal}/open`), agent)).json().code).toBe('COUNTER_NOT_FOUND');
    const closed = await post(ctx, staffUrl(ctx, `/counters/${two}/close`), agent);
    expect(closed.json()).toMatchObject({ agent: null, openedAt: null });
    expect(await countRows(ctx, 'audit_events', sql`entity_type = 'counter' AND actor_account_id = ${agentId}`)).toBe(
      4,
    );
  });

  it('recalls, refuses "absent" before the second call, then marks the person absent: a no-show', async () => {
    const { agent, stamp, appointmentId, ticket } = await called(0);
    const early = await ticketStep(agent, ticket.id, 'absent');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'TICKET_NOT_CALLED_ENOUGH', callCount: 1, required: 2 });
    const recalled = await ticketStep(agent, ticket.id, 'recall');
    expect(recalled.json()).toMatchObject({ status: 'called', callCount: 2, counterId: passportCounter });
    const absent = await ticketStep(agent, ticket.id, 'absent');
    expect(absent.statusCode, absent.body).toBe(200);
    expect(absent.json()).toMatchObject({ status: 'absent', endedAt: expect.any(String) });
    expect(await statusOf('appointments', appointmentId)).toBe('no_show');
    expect(await statusOf('requests', stamp.requestId)).toBe('accepted');
    expect((await ticketStep(agent, ticket.id, 'recall')).json().code).toBe('TICKET_TRANSITION_REFUSED');
    expect(
      await countRows(
        ctx,
        'audit_events',
        sql`entity_id = ${ticket.id} AND action IN ('ticket.recalled', 'ticket.absent')`,
      ),
    ).toBe(2);
  });

  it('sends a called person back to the waiting room, to be called again from the first call', async () => {
    const { agent, appointmentId, ticket } = await called(1);
    const back = await ticketStep(agent, ticket.id, 'back-to-waiting');
    expect(back.json()).toMatchObject({ status: 'waiting', counterId: null });
    expect(await statusOf('appointments', appointmentId)).toBe('checked_in');
    const current = await get(ctx, staffUrl(ctx, `/counters/${passportCounter}/ticket`), agent);
    expect(current.json()).toEqual({ ticket: null });
    const again = await post(ctx, staffUrl(ctx, `/counters/${passportCounter}/call-next`), agent);
    expect(again.json()).toMatchObject({ id: ticket.id, callCount: 1 });
    expect(await statusOf('appointments', appointmentId)).toBe('called');
    await ticketStep(agent, ticket.id, 'not-served', { reason: 'documents_missing' });
  });

  it('serves once the stamp is consumed: the request is completed', async () => {
    const { agent, stamp, appointmentId, ticket } = await called(2);
    const current = await get(ctx, staffUrl(ctx, `/counters/${passportCounter}/ticket`), agent);
    expect(current.json().ticket).toMatchObject({
      id: ticket.id,
      request: { id: stamp.requestId },
      stamp: { state: 'valid', number: stamp.number },
    });
    const unpaid = await ticketStep(agent, ticket.id, 'serve');
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().code).toBe('FEE_NOT_SETTLED');
    expect(await statusOf('tickets', ticket.id)).toBe('called');
    expect((await post(ctx, `/api/v1/staff/stamps/${stamp.number}/consume`, agent, {})).statusCode).toBe(200);
    const served = await ticketStep(agent, ticket.id, 'serve');
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().status).toBe('served');
    expect(await statusOf('appointments', appointmentId)).toBe('served');
    expect(await statusOf('requests', stamp.requestId)).toBe('completed');
  });

  it('ends with "not served" and a reason: the request goes back for a new appointment', async () => {
    const { agent, stamp, citizen, appointmentId, ticket } = await called(3);
    const vague = await ticketStep(agent, ticket.id, 'not-served', { reason: 'other' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().fields).toEqual([expect.objectContaining({ path: 'body.note' })]);
    const done = await ticketStep(agent, ticket.id, 'not-served', {
      reason: 'documents_missing',
      note: 'Bring the full copy of the birth certificate.',
    });
    expect(done.json().status).toBe('not_served');
    expect(await statusOf('appointments', appointmentId)).toBe('not_served');
    expect(await statusOf('requests', stamp.requestId)).toBe('accepted');
    expect(
      await countRows(
        ctx,
        'outbox_messages',
        sql`kind = 'appointment.not_served' AND account_id = ${citizen.accountId}`,
      ),
    ).toBe(1);
  });

  it('transfers a person to another department, keeping their place in time', async () => {
    const { agent, appointmentId, ticket } = await called(4);
    const legalization = ctx.ids.departments['PAR:legalization']!;
    const same = await ticketStep(agent, ticket.id, 'transfer', { departmentId: ctx.ids.departments['PAR:passport'] });
    expect(same.json().code).toBe('TRANSFER_SAME_DEPARTMENT');
    const moved = await ticketStep(agent, ticket.id, 'transfer', { departmentId: legalization });
    expect(moved.statusCode, moved.body).toBe(200);
    const { transferred, issued } = moved.json() as { transferred: TicketJson; issued: TicketJson };
    expect(transferred).toMatchObject({ id: ticket.id, status: 'transferred' });
    expect(issued).toMatchObject({
      departmentId: legalization,
      status: 'waiting',
      appointmentId,
      transferredFrom: ticket.id,
      queuedAt: ticket.queuedAt,
    });
    expect(issued.code).toMatch(/^L-\d{3}$/);
    expect(await statusOf('appointments', appointmentId)).toBe('checked_in');
    // The other department calls it (here its admin), and the appointment follows.
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const counter = await counterId(ctx, legalization, '2');
    await post(ctx, staffUrl(ctx, `/counters/${counter}/open`), admin);
    const there = await post(ctx, staffUrl(ctx, `/counters/${counter}/call-next`), admin);
    expect(there.json()).toMatchObject({ id: issued.id, departmentId: legalization });
    const seen = await get(ctx, staffUrl(ctx, `/counters/${counter}/ticket`), admin);
    expect(seen.json().ticket).toMatchObject({
      id: issued.id,
      department: { id: legalization },
      appointment: { id: appointmentId },
    });
    expect(await statusOf('appointments', appointmentId)).toBe('called');
  });
});
