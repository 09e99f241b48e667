import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { signConvocationToken } from './convocation-token.ts';
import {
  accountIdOf,
  appointmentRow,
  type BookedAppointment,
  book,
  freeTimes,
  freshCookie,
  tamper,
  tokenFromConvocation,
} from './reception.test-support.ts';

const DAY = { from: '2026-12-02', to: '2026-12-02' };
// 08:15 in Paris on the day of the appointments (they start at 08:30).
const ON_THE_DAY = '2026-12-02T07:15:00Z';

describe.each(engines)('checking arrivals in on %s', (engine) => {
  let ctx: TestContext;
  const passport: { appointment: BookedAppointment; cookie: string; accountId: string }[] = [];
  let legalization: BookedAppointment;
  let agentId: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agentId = await accountIdOf(ctx, 'agent.par@mawid.example');
    // Six passport appointments on Wednesday 2 December in Paris, and one for a legalization,
    // a department the Paris agent does not serve.
    const citizens = await makeCitizens(ctx, 7);
    const [first] = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, DAY);
    const times = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, DAY);
    for (const [i, citizen] of citizens.slice(0, 6).entries()) {
      const slotId = (i < 2 ? first : times[i])!.slotId;
      const appointment = await book(ctx, citizen.cookie, {
        consulateId: ctx.ids.consulates.PAR,
        serviceId: ctx.ids.services.passport,
        slotId,
      });
      passport.push({ appointment, cookie: citizen.cookie, accountId: citizen.accountId });
    }
    const [legal] = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.legalization, DAY);
    legalization = await book(ctx, citizens[6]!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.legalization,
      slotId: legal!.slotId,
    });
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const checkIn = (
    cookie: string | undefined,
    payload: Record<string, unknown>,
    consulateId = ctx.ids.consulates.PAR,
  ) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/consulates/${consulateId}/check-ins`,
      headers: cookie ? { cookie } : {},
      payload,
    });
  const checkInEvents = (appointmentId: string) =>
    countRows(ctx, 'audit_events', sql`action = 'appointment.checked_in' AND entity_id = ${appointmentId}`);

  it('refuses a check-in on another day than the appointment’s', async () => {
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const { appointment } = passport[0]!;
    const response = await checkIn(agent, { reference: appointment.reference });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('CHECK_IN_NOT_TODAY');
    expect((await appointmentRow(ctx, appointment.id)).status).toBe('booked');
  });

  it('checks an arrival in by the convocation’s QR code, once', async () => {
    const { appointment, cookie } = passport[0]!;
    // The citizen downloads the convocation the day before; the QR code is read from the PDF.
    const token = await tokenFromConvocation(ctx, cookie, appointment.id);
    ctx.clock.set(ON_THE_DAY);
    // Sessions last 12 hours: staff sign in on the day.
    const agent = await signIn(ctx, 'agent.par@mawid.example');

    const response = await checkIn(agent, { token });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: appointment.id,
      status: 'checked_in',
      reference: appointment.reference,
    });
    const row = await appointmentRow(ctx, appointment.id);
    expect(row.status).toBe('checked_in');
    expect(new Date(row.checked_in_at!).toISOString()).toBe(new Date(ON_THE_DAY).toISOString());
    expect(row.checked_in_by).toBe(agentId);
    const [event] = await queryRows<{
      actor_account_id: string;
      consulate_id: string;
      before: unknown;
      after: unknown;
    }>(
      ctx.db,
      sql`SELECT actor_account_id, consulate_id, before, after FROM audit_events
          WHERE action = 'appointment.checked_in' AND entity_id = ${appointment.id}`,
    );
    expect(event).toMatchObject({
      actor_account_id: agentId,
      consulate_id: ctx.ids.consulates.PAR,
      before: { status: 'booked' },
      after: { status: 'checked_in', by: 'token' },
    });

    for (const again of [{ token }, { reference: appointment.reference }]) {
      const second = await checkIn(agent, again);
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('ALREADY_CHECKED_IN');
    }
    expect(await checkInEvents(appointment.id)).toBe(1);
  });

  it('checks an arrival in by its reference, typed in any case', async () => {
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const { appointment } = passport[1]!;
    const response = await checkIn(agent, { reference: ` ${appointment.reference.toLowerCase()} ` });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('checked_in');
    expect(await checkInEvents(appointment.id)).toBe(1);
  });

  it('refuses a tampered token, or one signed with another key', async () => {
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const { appointment } = passport[2]!;
    const claims = {
      appointmentId: appointment.id,
      reference: appointment.reference,
      consulateCode: 'PAR',
      startsAt: appointment.startsAt,
    };
    const genuine = signConvocationToken(ctx.deps.keys.signingPrivateKey, claims);
    const foreign = signConvocationToken(generateKeyPairSync('ed25519').privateKey, claims);
    for (const token of [tamper(genuine), foreign, 'not-a-token']) {
      const response = await checkIn(agent, { token });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('CONVOCATION_TOKEN_INVALID');
    }
    expect((await appointmentRow(ctx, appointment.id)).status).toBe('booked');
  });

  it('checks in once when two agents scan the same code at the same moment', async () => {
    const [agent, admin] = [await signIn(ctx, 'agent.par@mawid.example'), await signIn(ctx, 'admin.par@mawid.example')];
    const { appointment } = passport[2]!;
    const token = signConvocationToken(ctx.deps.keys.signingPrivateKey, {
      appointmentId: appointment.id,
      reference: appointment.reference,
      consulateCode: 'PAR',
      startsAt: appointment.startsAt,
    });
    const responses = await Promise.all([checkIn(agent, { token }), checkIn(admin, { token })]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json().code).toBe('ALREADY_CHECKED_IN');
    expect(await checkInEvents(appointment.id)).toBe(1);
  });

  it('answers 404 to an agent of another consulate, and changes nothing', async () => {
    const dubai = await signIn(ctx, 'agent.dxb@mawid.example');
    const { appointment } = passport[3]!;
    const token = signConvocationToken(ctx.deps.keys.signingPrivateKey, {
      appointmentId: appointment.id,
      reference: appointment.reference,
      consulateCode: 'PAR',
      startsAt: appointment.startsAt,
    });
    for (const payload of [{ token }, { reference: appointment.reference }, { token: 'not-a-token' }]) {
      const response = await checkIn(dubai, payload);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('CONSULATE_NOT_FOUND');
    }
    // Through their own consulate's route, the Paris appointment does not exist either.
    const own = await checkIn(dubai, { reference: appointment.reference }, ctx.ids.consulates.DXB);
    expect(own.statusCode).toBe(404);
    expect(own.json().code).toBe('APPOINTMENT_NOT_FOUND');
    expect((await appointmentRow(ctx, appointment.id)).status).toBe('booked');
    expect(await checkInEvents(appointment.id)).toBe(0);
  });

  it('refuses citizens and network roles, and callers without a session', async () => {
    const { appointment, accountId } = passport[3]!;
    const citizen = await freshCookie(ctx, accountId);
    for (const caller of [
      citizen,
      await signIn(ctx, 'hq@mawid.example'),
      await signIn(ctx, 'callcenter@mawid.example'),
    ]) {
      const response = await checkIn(caller, { reference: appointment.reference });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    expect((await checkIn(undefined, { reference: appointment.reference })).statusCode).toBe(401);
    expect((await appointmentRow(ctx, appointment.id)).status).toBe('booked');
  });

  it('lets an agent check in only in their departments, and the consulate admin in all', async () => {
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const refused = await checkIn(agent, { reference: legalization.reference });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('APPOINTMENT_NOT_FOUND');
    expect((await appointmentRow(ctx, legalization.id)).status).toBe('booked');
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const accepted = await checkIn(admin, { reference: legalization.reference });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('checked_in');
  });

  it('refuses a cancelled appointment', async () => {
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const { appointment } = passport[4]!;
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/appointments/${appointment.id}/cancel`,
      headers: { cookie: admin },
      payload: { reason: 'Counter closed' },
    });
    expect(cancelled.statusCode).toBe(200);
    const response = await checkIn(admin, { reference: appointment.reference });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('APPOINTMENT_TRANSITION_REFUSED');
    expect((await appointmentRow(ctx, appointment.id)).status).toBe('cancelled_by_consulate');
  });

  it('answers 404 for an unknown reference and 400 for a malformed body', async () => {
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    const unknown = await checkIn(agent, { reference: 'PAR-2222-2222' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('APPOINTMENT_NOT_FOUND');
    const { appointment } = passport[5]!;
    for (const payload of [{}, { reference: appointment.reference, token: 'x' }, { reference: 'PAR 22;--' }]) {
      const response = await checkIn(agent, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await appointmentRow(ctx, appointment.id)).status).toBe('booked');
  });
});
