import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { engines } from '../../test/databases.ts';
import {
  countRows,
  createTestContext,
  firstFreeSlot,
  makeCitizens,
  slotRow,
  type TestContext,
} from '../../test/harness.ts';
import { acceptedRequest } from '../payments/payments.testkit.ts';
import { withdrawRequest } from '../requests/withdraw-request.ts';
import { loadOffer } from './availability.ts';
import { bookAppointment } from './book-appointment.ts';

describe.each(engines)('what a booking follows and refuses on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  // A string payload is sent as raw JSON text (a bare number, say).
  const post = (url: string, cookie: string, payload?: object | string) =>
    ctx.app.inject({
      method: 'POST',
      url,
      headers: { cookie, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
      ...(payload === undefined ? {} : { payload }),
    });
  const bookCopy = async (cookie: string, consulate: 'PAR' | 'MTL') => {
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates[consulate], ctx.ids.services.copy);
    return post('/api/v1/appointments', cookie, {
      consulateId: ctx.ids.consulates[consulate],
      serviceId: ctx.ids.services.copy,
      slotId: slot.slotId,
    });
  };
  const requestStatus = async (id: string) =>
    (await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM requests WHERE id = ${id}`))[0]!.status;

  it('withdraws the request a direct booking opened when the appointment is cancelled; booking elsewhere then works', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const first = await bookCopy(citizen!.cookie, 'MTL');
    expect(first.statusCode).toBe(201);
    const cancelled = await post(`/api/v1/appointments/${first.json().id}/cancel`, citizen!.cookie, {
      reason: 'I moved to Paris',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(await requestStatus(first.json().requestId)).toBe('withdrawn');
    const [event] = await queryRows<{ reason: string }>(
      ctx.db,
      sql`SELECT reason FROM audit_events WHERE action = 'appointment.cancelled' AND entity_id = ${first.json().id}`,
    );
    expect(event!.reason).toBe('I moved to Paris');
    expect(
      await countRows(ctx, 'audit_events', sql`action = 'request.withdrawn' AND entity_id = ${first.json().requestId}`),
    ).toBe(1);
    const elsewhere = await bookCopy(citizen!.cookie, 'PAR');
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it('keeps a request the citizen opened, bookable at its consulate, and names it when it blocks a booking elsewhere', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const opened = await post('/api/v1/requests', citizen!.cookie, {
      consulateId: ctx.ids.consulates.MTL,
      serviceId: ctx.ids.services.copy,
    });
    expect(opened.json()).toMatchObject({ status: 'accepted' });
    const here = await bookCopy(citizen!.cookie, 'MTL');
    expect(here.json().requestId).toBe(opened.json().id);
    await post(`/api/v1/appointments/${here.json().id}/cancel`, citizen!.cookie);
    expect(await requestStatus(opened.json().id)).toBe('accepted');
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.copy);
    const seatsBefore = await slotRow(ctx, slot.slotId);
    const elsewhere = await bookCopy(citizen!.cookie, 'PAR');
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({
      code: 'OPEN_REQUEST_EXISTS',
      requestId: opened.json().id,
      reference: opened.json().reference,
      consulateId: ctx.ids.consulates.MTL,
    });
    expect(await slotRow(ctx, slot.slotId)).toEqual(seatsBefore);
    expect(await countRows(ctx, 'requests', sql`account_id = ${citizen!.accountId}`)).toBe(1);
    expect((await bookCopy(citizen!.cookie, 'MTL')).statusCode).toBe(201);
  });

  it('refuses every booking, request and payment of an account whose e-mail is not confirmed, and takes no seat', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!, { consulate: 'MTL', service: 'legalization' });
    await ctx.db.execute(sql`UPDATE accounts SET email_verified_at = NULL WHERE id = ${citizen!.accountId}`);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.copy);
    const before = await slotRow(ctx, slot.slotId);
    const booking = await bookCopy(citizen!.cookie, 'MTL');
    expect(booking.statusCode).toBe(403);
    expect(booking.json().code).toBe('EMAIL_NOT_CONFIRMED');
    expect(await slotRow(ctx, slot.slotId)).toEqual(before);
    const request = await post('/api/v1/requests', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.legalization,
    });
    expect(request.json().code).toBe('EMAIL_NOT_CONFIRMED');
    const payment = await post(`/api/v1/requests/${requestId}/payments`, citizen!.cookie, {});
    expect(payment.json().code).toBe('EMAIL_NOT_CONFIRMED');
    expect(await countRows(ctx, 'requests', sql`account_id = ${citizen!.accountId}`)).toBe(1);
    expect(await countRows(ctx, 'payments', sql`request_id = ${requestId}`)).toBe(0);
  });

  it('decides "this service needs an accepted request" in the booking statement, whatever the offer read beside it says', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const before = await slotRow(ctx, slot.slotId);
    const stale = {
      ...(await loadOffer(ctx.db, ctx.ids.consulates.PAR, ctx.ids.services.passport)),
      requiresVerification: false,
    };
    const refusal = await bookAppointment(
      { db: ctx.db, clock: ctx.clock, offer: stale },
      {
        actor: { accountId: citizen!.accountId },
        ownerAccountId: citizen!.accountId,
        personId: citizen!.personId,
        consulateId: ctx.ids.consulates.PAR,
        serviceId: ctx.ids.services.passport,
        slotId: slot.slotId,
      },
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('REQUEST_REQUIRED');
    expect(await slotRow(ctx, slot.slotId)).toEqual(before);
    expect(await countRows(ctx, 'requests', sql`account_id = ${citizen!.accountId}`)).toBe(0);
  });

  it('checks the age on the appointment’s date: a minor’s passport not after the 18th birthday', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    // Turns 18 on Thursday 10 December 2026.
    const [teen] = await queryRows<{ id: string }>(
      ctx.db,
      sql`INSERT INTO persons (account_id, relation, given_name_latin, family_name_latin, birth_date)
          VALUES (${citizen!.accountId}, 'child', 'Nour', 'Test', '2008-12-10') RETURNING id`,
    );
    const requestId = await acceptedRequest(
      ctx,
      { accountId: citizen!.accountId, personId: teen!.id },
      { service: 'passport' },
    );
    await ctx.db.execute(
      sql`UPDATE requests SET service_id = ${ctx.ids.services.passportMinor} WHERE id = ${requestId}`,
    );
    const book = async (from: string) => {
      const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passportMinor, { from, to: from });
      return post('/api/v1/appointments', citizen!.cookie, {
        consulateId: ctx.ids.consulates.PAR,
        serviceId: ctx.ids.services.passportMinor,
        slotId: slot.slotId,
        personId: teen!.id,
        requestId,
      });
    };
    const late = await book('2026-12-14');
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'too_old', maxAgeYears: 17 });
    const inTime = await book('2026-12-09');
    expect(inTime.statusCode, inTime.body).toBe(201);
    const later = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passportMinor, {
      from: '2026-12-15',
      to: '2026-12-15',
    });
    const moved = await post(`/api/v1/appointments/${inTime.json().id}/move`, citizen!.cookie, {
      slotId: later.slotId,
    });
    expect(moved.json().code).toBe('NOT_ELIGIBLE');
  });

  it('refuses a body on cancel other than an optional reason, and changes nothing', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const booked = await bookCopy(citizen!.cookie, 'PAR');
    for (const body of [[1, 2], '7', { reason: 'ok', extra: true }, { reason: 'bell\u0007' }]) {
      const response = await post(`/api/v1/appointments/${booked.json().id}/cancel`, citizen!.cookie, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const [row] = await queryRows<{ status: string }>(
      ctx.db,
      sql`SELECT status FROM appointments WHERE id = ${booked.json().id}`,
    );
    expect(row!.status).toBe('booked');
  });

  it('never leaves a booked appointment on a withdrawn request, whichever of the two comes first', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!, { consulate: 'DXB', service: 'passport' });
    await withdrawRequest({ db: ctx.db, now: ctx.clock.now() }, { accountId: citizen!.accountId, requestId });
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.DXB, ctx.ids.services.passport);
    const late = await post('/api/v1/appointments', citizen!.cookie, {
      consulateId: ctx.ids.consulates.DXB,
      serviceId: ctx.ids.services.passport,
      slotId: slot.slotId,
      requestId,
    });
    expect(late.json()).toMatchObject({ code: 'REQUEST_NOT_ACCEPTED', requestStatus: 'withdrawn' });
  });

  // Only PostgreSQL has a second connection to run one path while the other's transaction is open
  // (PGlite serializes everything on its one connection).
  if (engine === 'postgres') {
    const settle = <T>(promise: Promise<T>) => {
      const state = { isSettled: false };
      const settled = promise.then(
        (value) => {
          state.isSettled = true;
          return value;
        },
        (error: unknown) => {
          state.isSettled = true;
          return error;
        },
      );
      return { state, settled };
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

    it('makes a booking that starts while a withdrawal of its request is in flight wait for it, then refuse', async () => {
      const [citizen] = await makeCitizens(ctx, 1);
      const requestId = await acceptedRequest(ctx, citizen!, { consulate: 'MTL', service: 'passport' });
      const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.passport);
      const seatsBefore = await slotRow(ctx, slot.slotId);
      let booking: ReturnType<typeof settle> | undefined;
      await ctx.db.transaction(async (tx) => {
        await withdrawRequest({ db: tx, now: ctx.clock.now() }, { accountId: citizen!.accountId, requestId });
        booking = settle(
          post('/api/v1/appointments', citizen!.cookie, {
            consulateId: ctx.ids.consulates.MTL,
            serviceId: ctx.ids.services.passport,
            slotId: slot.slotId,
            requestId,
          }),
        );
        await pause();
        expect(booking.state.isSettled).toBe(false);
      });
      const answer = (await booking!.settled) as { statusCode: number; json(): { code: string } };
      expect(answer.statusCode).toBe(409);
      expect(answer.json().code).toBe('REQUEST_NOT_ACCEPTED');
      expect(await countRows(ctx, 'appointments', sql`request_id = ${requestId}`)).toBe(0);
      expect(await slotRow(ctx, slot.slotId)).toEqual(seatsBefore);
    });

    it('makes a withdrawal that starts while a booking of the request is in flight wait for it, then refuse', async () => {
      const [citizen] = await makeCitizens(ctx, 1);
      const requestId = await acceptedRequest(ctx, citizen!, { consulate: 'MTL', service: 'passport' });
      const slot = await firstFreeSlot(ctx, ctx.ids.consulates.MTL, ctx.ids.services.passport);
      let withdrawal: ReturnType<typeof settle> | undefined;
      await ctx.db.transaction(async (tx) => {
        await bookAppointment(
          { db: tx, clock: ctx.clock },
          {
            actor: { accountId: citizen!.accountId },
            ownerAccountId: citizen!.accountId,
            personId: citizen!.personId,
            consulateId: ctx.ids.consulates.MTL,
            serviceId: ctx.ids.services.passport,
            slotId: slot.slotId,
            requestId,
          },
        );
        withdrawal = settle(
          withdrawRequest({ db: ctx.db, now: ctx.clock.now() }, { accountId: citizen!.accountId, requestId }),
        );
        await pause();
        expect(withdrawal.state.isSettled).toBe(false);
      });
      const outcome = await withdrawal!.settled;
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('REQUEST_HAS_APPOINTMENT');
      expect(await requestStatus(requestId)).toBe('accepted');
    });
  }
});
