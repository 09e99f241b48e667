import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, TEST_NOW, type TestContext } from '../../test/harness.ts';
import { paidStamp } from '../payments/stamps.test-support.ts';
import { extractPdfText } from './convocation-pdf.test-support.ts';
import { bookDay, get, post, staffUrl, type TicketJson } from './floor.test-support.ts';
import { freeTimes, nameInBothScripts } from './reception.test-support.ts';

// Paris mornings (UTC+1): 08:15 on Wednesday 2 and Thursday 3 December.
const WEDNESDAY = '2026-12-02T07:15:00Z';
const THURSDAY = '2026-12-03T07:15:00Z';

describe.each(engines)('the desk: tickets at check-in and for walk-ins on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterEach(() => ctx.clock.set(new Date(TEST_NOW)));
  afterAll(async () => {
    await ctx.app.close();
  });

  const checkIn = (cookie: string, payload: object) => post(ctx, staffUrl(ctx, '/check-ins'), cookie, payload);
  const walkIn = (cookie: string, payload: object) => post(ctx, staffUrl(ctx, '/walk-ins'), cookie, payload);

  it('numbers tickets per department and local day: P-001, P-002, L-001, and P-001 again the next day', async () => {
    const wednesday = await bookDay(ctx, { service: 'passport', day: '2026-12-02', count: 2 });
    const [thursday] = await bookDay(ctx, { service: 'passport', day: '2026-12-03', count: 1 });
    ctx.clock.set(WEDNESDAY);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const first = await checkIn(admin, { reference: wednesday[0]!.reference });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: wednesday[0]!.id, status: 'checked_in' });
    const ticket = first.json().ticket as TicketJson;
    expect(ticket).toMatchObject({
      code: 'P-001',
      number: 1,
      localDate: '2026-12-02',
      appointmentId: wednesday[0]!.id,
      status: 'waiting',
      priority: null,
      departmentId: ctx.ids.departments['PAR:passport'],
    });
    // Queued at the appointment's time, not the arrival's: it orders the calls.
    expect(ticket.queuedAt).toBe(new Date(wednesday[0]!.startsAt).toISOString());
    const second = await checkIn(admin, { reference: wednesday[1]!.reference, priority: 'pregnant' });
    expect(second.json().ticket).toMatchObject({ code: 'P-002', priority: 'pregnant' });
    const legal = await walkIn(admin, { serviceId: ctx.ids.services.legalization });
    expect(legal.statusCode, legal.body).toBe(201);
    expect(legal.json()).toMatchObject({ code: 'L-001', isWalkIn: true, appointmentId: null });
    expect(await countRows(ctx, 'audit_events', sql`action = 'ticket.issued' AND entity_id = ${ticket.id}`)).toBe(1);

    ctx.clock.set(THURSDAY);
    const nextDay = await checkIn(await signIn(ctx, 'admin.par@mawid.example'), { reference: thursday!.reference });
    expect(nextDay.json().ticket).toMatchObject({ code: 'P-001', localDate: '2026-12-03' });
  });

  it('gives a walk-in a ticket queued at arrival, with the name given, only for a service that takes walk-ins', async () => {
    ctx.clock.set(WEDNESDAY);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const refused = await walkIn(admin, { serviceId: ctx.ids.services.passport, name: 'Karim' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('WALK_IN_NOT_ACCEPTED');
    const before = await countRows(ctx, 'tickets');
    const given = await walkIn(admin, { serviceId: ctx.ids.services.copy, name: ' Karim B. ', priority: 'elderly' });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({
      isWalkIn: true,
      walkInName: 'Karim B.',
      priority: 'elderly',
      serviceId: ctx.ids.services.copy,
      departmentId: ctx.ids.departments['PAR:legalization'],
      queuedAt: new Date(WEDNESDAY).toISOString(),
    });
    expect(await countRows(ctx, 'tickets')).toBe(before + 1);
    // The Paris agent works in passports only: the legalization desk is not theirs.
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const outside = await walkIn(agent, { serviceId: ctx.ids.services.copy });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('SERVICE_NOT_OFFERED');
    expect((await walkIn(admin, { serviceId: ctx.ids.services.copy, priority: 'vip' })).statusCode).toBe(400);
  });

  it('shows the desk who arrives, for what, with which documents and whether the fee is paid', async () => {
    ctx.clock.set(new Date(TEST_NOW));
    const [citizen] = await makeCitizens(ctx, 1);
    const stamp = await paidStamp(ctx, { accountId: citizen!.accountId });
    await nameInBothScripts(ctx, stamp.personId, {
      givenNameLatin: 'Amina',
      familyNameLatin: 'Benali',
      givenNameArabic: 'أمينة',
      familyNameArabic: 'بنعلي',
    });
    const [time] = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, {
      from: '2026-12-02',
      to: '2026-12-02',
    });
    const booked = await post(ctx, '/api/v1/appointments', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: time!.slotId,
      personId: stamp.personId,
      requestId: stamp.requestId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const lookUp = (cookie: string) =>
      post(ctx, staffUrl(ctx, '/arrivals/look-up'), cookie, { reference: booked.json().reference });

    const early = await lookUp(await signIn(ctx, 'agent.par@mawid.example'));
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json()).toMatchObject({ isToday: false, canCheckIn: false, ticket: null });

    ctx.clock.set(WEDNESDAY);
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const seen = await lookUp(agent);
    expect(seen.json()).toMatchObject({
      appointment: { id: booked.json().id, status: 'booked' },
      person: {
        givenNameLatin: 'Amina',
        familyNameLatin: 'Benali',
        givenNameArabic: 'أمينة',
        familyNameArabic: 'بنعلي',
      },
      service: { id: ctx.ids.services.passport, code: 'passport_adult_new' },
      department: { id: ctx.ids.departments['PAR:passport'], ticketPrefix: 'P' },
      fee: { isDue: true, currency: 'EUR' },
      request: { id: stamp.requestId },
      stamp: { state: 'valid', number: stamp.number },
      isToday: true,
      canCheckIn: true,
      ticket: null,
    });
    expect(seen.json().requiredDocuments).toContain('id_photos_biometric');
    // Looking changes nothing; checking in gives the ticket the desk then sees.
    expect(
      (
        await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM appointments WHERE id = ${booked.json().id}`)
      )[0]!.status,
    ).toBe('booked');
    expect((await checkIn(agent, { reference: booked.json().reference })).statusCode).toBe(200);
    expect((await post(ctx, `/api/v1/staff/stamps/${stamp.number}/consume`, agent, {})).statusCode).toBe(200);
    const after = await lookUp(agent);
    expect(after.json()).toMatchObject({
      canCheckIn: false,
      stamp: { state: 'consumed' },
      ticket: { status: 'waiting' },
    });
    const unknown = await post(ctx, staffUrl(ctx, '/arrivals/look-up'), agent, { reference: 'PAR-2222-2222' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('APPOINTMENT_NOT_FOUND');
  });

  it('prints the ticket: code, department and date, in French and Arabic', async () => {
    ctx.clock.set(WEDNESDAY);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const ticket = (await walkIn(admin, { serviceId: ctx.ids.services.legalization })).json() as TicketJson;
    const response = await get(ctx, staffUrl(ctx, `/tickets/${ticket.id}/ticket.pdf`), admin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await extractPdfText(response.rawPayload);
    expect(text).toContain(ticket.code);
    expect(text).toContain('légalisations');
    expect(text).toContain('2 décembre 2026');
    expect(text).toContain('08:15');
    expect(text).toContain('Sans rendez-vous');
    expect(text).toMatch(/[\u0600-\u06ff]/);
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    expect((await get(ctx, staffUrl(ctx, `/tickets/${ticket.id}/ticket.pdf`), agent)).statusCode).toBe(404);
  });

  it('counts the people inside per department against the waiting room’s capacity', async () => {
    ctx.clock.set(WEDNESDAY);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const occupancy = async (cookie: string) => (await get(ctx, staffUrl(ctx, '/occupancy'), cookie)).json();
    const [waiting] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM tickets WHERE consulate_id = ${ctx.ids.consulates.PAR}
          AND local_date = '2026-12-02' AND status IN ('waiting', 'called')`,
    );
    // Room for one more person.
    const capacity = waiting!.n + 1;
    await ctx.db.execute(
      sql`UPDATE consulates SET waiting_room_capacity = ${capacity} WHERE id = ${ctx.ids.consulates.PAR}`,
    );
    const before = await occupancy(admin);
    const legalization = () =>
      before.departments.find((d: { id: string }) => d.id === ctx.ids.departments['PAR:legalization']);
    expect(before).toMatchObject({ capacity, inside: waiting!.n, isFull: false });
    await walkIn(admin, { serviceId: ctx.ids.services.legalization });
    const after = await occupancy(admin);
    expect(after.inside).toBe(before.inside + 1);
    expect(
      after.departments.find((d: { id: string }) => d.id === ctx.ids.departments['PAR:legalization']).waiting,
    ).toBe(legalization().waiting + 1);
    expect(after.isFull).toBe(true);
    // Tomorrow's room is empty.
    ctx.clock.set(THURSDAY);
    const tomorrow = await occupancy(await signIn(ctx, 'admin.par@mawid.example'));
    expect(
      tomorrow.departments.find((d: { id: string }) => d.id === ctx.ids.departments['PAR:legalization']).inside,
    ).toBe(0);
    // An agent sees their departments' lines, and the whole room's total.
    const agentView = await occupancy(await signIn(ctx, 'agent.par@mawid.example'));
    expect(agentView.departments.map((d: { id: string }) => d.id)).toEqual([ctx.ids.departments['PAR:passport']]);
  });
});
