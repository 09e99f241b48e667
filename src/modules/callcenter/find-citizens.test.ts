import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { acceptedRequest, type Citizen, citizenOf, freeSlots } from './callcenter.testkit.ts';

type Found = {
  searchedBy: string[];
  nextCursor: string | null;
  citizens: { accountId: string; email: string; matchedBy: string[]; persons: { id: string; isMatch: boolean }[] }[];
};

describe.each(engines)('the call center finds citizens on %s', (engine) => {
  let ctx: TestContext;
  let agent: string;
  let youssef: Citizen;
  let amina: Citizen;
  let request: { id: string; reference: string };
  let appointmentReference: string;
  let stampNumber: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agent = await signIn(ctx, 'callcenter@mawid.example');
    youssef = await citizenOf(ctx, 'youssef.elidrissi@example.org');
    amina = await citizenOf(ctx, 'amina.benali@example.org');
    await ctx.db.execute(sql`UPDATE accounts SET phone = '+33612345678' WHERE id = ${youssef.accountId}`);
    await ctx.db.execute(
      sql`UPDATE persons SET cnie_number = 'BE123456', passport_number = 'AB1234567',
                             consular_registration_number = '20261201'
          WHERE id = ${youssef.personId}`,
    );
    request = await acceptedRequest(ctx, amina);
    const [slot] = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const booked = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/callcenter/citizens/${amina.accountId}/appointments`,
      headers: { cookie: agent },
      payload: { requestId: request.id, slotId: slot!.slotId, reason: 'No internet at home' },
    });
    expect(booked.statusCode).toBe(201);
    appointmentReference = booked.json().reference;
    const paid = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${request.id}/counter-payments`,
      headers: { cookie: await signIn(ctx, 'agent.par@mawid.example') },
      payload: { terminalReference: 'TPE-0001', authorizationCode: 'A1B2C3' },
    });
    expect(paid.statusCode).toBe(201);
    const [stamp] = await queryRows<{ number: string }>(
      ctx.db,
      sql`SELECT number FROM stamps WHERE request_id = ${request.id}`,
    );
    stampNumber = stamp!.number;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const search = async (q: string, extra: object = {}, cookie = agent) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/callcenter/citizens/search',
      headers: { cookie },
      payload: { q, ...extra },
    });
    return response;
  };
  const found = async (q: string, extra: object = {}): Promise<Found> => {
    const response = await search(q, extra);
    expect(response.statusCode).toBe(200);
    return response.json() as Found;
  };
  const only = (result: Found) => {
    expect(result.citizens).toHaveLength(1);
    return result.citizens[0]!;
  };

  it('finds by e-mail, whatever its case', async () => {
    const result = await found('YOUSSEF.ElIdrissi@example.org');
    expect(result.searchedBy).toEqual(['email']);
    expect(only(result)).toMatchObject({ accountId: youssef.accountId, matchedBy: ['email'] });
  });

  it('finds by phone, typed with spaces and a 00 prefix', async () => {
    const citizen = only(await found('0033 6 12 34 56 78'));
    expect(citizen).toMatchObject({ accountId: youssef.accountId, matchedBy: ['phone'] });
  });

  it('finds «يوسف الإدريسي» by his Arabic name typed without diacritics, and says which person', async () => {
    const citizen = only(await found('يوسف الادريسي'));
    expect(citizen).toMatchObject({ accountId: youssef.accountId, matchedBy: ['name'] });
    expect(citizen.persons.find((p) => p.id === youssef.personId)?.isMatch).toBe(true);
  });

  it('finds by a part of a Latin name, accents and case aside', async () => {
    expect(only(await found('élidris')).accountId).toBe(youssef.accountId);
    expect(only(await found('AMIN bénal')).accountId).toBe(amina.accountId);
    expect((await found('Nobody Atall')).citizens).toEqual([]);
  });

  it('finds by CNIE, passport and consular registration number, and never answers with them', async () => {
    for (const [typed, key] of [
      ['be123456', 'cnie'],
      ['AB 1234567', 'passport'],
      ['20261201', 'consular_registration'],
    ] as const) {
      const response = await search(typed);
      expect(response.statusCode).toBe(200);
      expect(only(response.json() as Found)).toMatchObject({ accountId: youssef.accountId, matchedBy: [key] });
      expect(response.body).not.toMatch(/BE123456|AB1234567|20261201/);
    }
  });

  it('finds by request, appointment and stamp reference', async () => {
    const byRequest = only(await found(request.reference.toLowerCase().replaceAll('-', '')));
    expect(byRequest).toMatchObject({ accountId: amina.accountId, matchedBy: ['request_reference'] });
    expect(byRequest.persons.find((p) => p.id === amina.personId)?.isMatch).toBe(true);
    expect(only(await found(appointmentReference))).toMatchObject({
      accountId: amina.accountId,
      matchedBy: ['appointment_reference'],
    });
    const grouped = stampNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(only(await found(grouped))).toMatchObject({ accountId: amina.accountId, matchedBy: ['stamp_number'] });
  });

  it('pages through many matches in a stable order', async () => {
    await makeCitizens(ctx, 5);
    const first = await found('test citizen', { limit: 2 });
    expect(first.citizens).toHaveLength(2);
    expect(first.nextCursor).toBe(first.citizens[1]!.accountId);
    const seen = first.citizens.map((c) => c.accountId);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await found('test citizen', { limit: 2, after: cursor });
      seen.push(...next.citizens.map((c) => c.accountId));
      cursor = next.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual(seen);
  });

  it('finds citizens only, never staff', async () => {
    expect((await found('callcenter@mawid.example')).citizens).toEqual([]);
  });

  it('refuses a search of less than two characters', async () => {
    const response = await search('a');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('describes every call-center route in the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const base = '/api/v1/callcenter/citizens';
    const appointment = `${base}/{accountId}/appointments/{appointmentId}`;
    for (const [path, method] of [
      [`${base}/search`, 'post'],
      [`${base}/{accountId}`, 'get'],
      [`${base}/{accountId}/messages`, 'get'],
      [`${base}/{accountId}/appointments`, 'get'],
      [`${base}/{accountId}/appointments`, 'post'],
      [`${appointment}/move`, 'post'],
      [`${appointment}/cancel`, 'post'],
      [`${appointment}/convocation/resend`, 'post'],
    ] as const) {
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it('is for call-center agents only', async () => {
    for (const email of ['agent.par@mawid.example', 'hq@mawid.example', 'amina.benali@example.org']) {
      const response = await search('Amina', {}, await signIn(ctx, email));
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/callcenter/citizens/search',
      payload: { q: 'Amina' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
