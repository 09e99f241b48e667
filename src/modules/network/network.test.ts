import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import ar from '../../platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import fr from '../../platform/i18n/messages/fr.json' with { type: 'json' };
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, slotRow, type TestContext } from '../../test/harness.ts';
import { testNetwork } from '../../test/test-network.ts';
import { demoFee } from './demo/seed-demo.ts';

type Time = { slotId: number; time: string; startsAt: string; utcOffset: string; free: number };
type Day = { date: string; times: Time[] };
type Availability = { consulateId: string; serviceId: string; timeZone: string; from: string; to: string; days: Day[] };

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

describe.each(engines)('the public network API on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

  async function availability(consulateId: string, serviceId: string, from: string, to: string): Promise<Availability> {
    const response = await get(
      `/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${from}&to=${to}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Availability;
  }

  describe('consulates and services', () => {
    it('lists the three consulates, each with its time zone and currency', async () => {
      const response = await get('/api/v1/consulates');
      expect(response.statusCode).toBe(200);
      const { consulates } = response.json() as {
        consulates: {
          id: string;
          code: string;
          timeZone: string;
          currency: string;
          country: string;
          name: { ar: string; fr: string };
        }[];
      };
      expect(consulates).toHaveLength(3);
      const byCode = Object.fromEntries(consulates.map((c) => [c.code, c]));
      expect(byCode.PAR).toMatchObject({
        id: ctx.ids.consulates.PAR,
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        country: 'FR',
      });
      expect(byCode.MTL).toMatchObject({
        id: ctx.ids.consulates.MTL,
        timeZone: 'America/Toronto',
        currency: 'CAD',
        country: 'CA',
      });
      expect(byCode.DXB).toMatchObject({
        id: ctx.ids.consulates.DXB,
        timeZone: 'Asia/Dubai',
        currency: 'AED',
        country: 'AE',
      });
      for (const consulate of consulates) {
        expect(consulate.name.ar.length).toBeGreaterThan(0);
        expect(consulate.name.fr.length).toBeGreaterThan(0);
      }
      // Ordered by host country, then city.
      expect(consulates.map((c) => c.country)).toEqual(['AE', 'CA', 'FR']);
    });

    it('returns one consulate by its id, exactly as the list shows it', async () => {
      const list = (await get('/api/v1/consulates')).json() as { consulates: { id: string }[] };
      const response = await get(`/api/v1/consulates/${ctx.ids.consulates.MTL}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(list.consulates.find((c) => c.id === ctx.ids.consulates.MTL));
      expect(response.json()).toMatchObject({ code: 'MTL', city: expect.any(String), address: expect.any(String) });
    });

    it('answers 404 CONSULATE_NOT_FOUND as a problem for a well-formed but unknown consulate id', async () => {
      const response = await get(`/api/v1/consulates/${UNKNOWN_UUID}`);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'CONSULATE_NOT_FOUND',
        status: 404,
        type: 'urn:mawid:problem:consulate-not-found',
        instance: `/api/v1/consulates/${UNKNOWN_UUID}`,
      });
      const services = await get(`/api/v1/consulates/${UNKNOWN_UUID}/services`);
      expect(services.statusCode).toBe(404);
      expect(services.json().code).toBe('CONSULATE_NOT_FOUND');
    });

    it('answers 400 VALIDATION_FAILED naming the parameter when the consulate id is not a UUID', async () => {
      for (const url of ['/api/v1/consulates/PAR', '/api/v1/consulates/PAR/services']) {
        const response = await get(url);
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const problem = response.json();
        expect(problem.code).toBe('VALIDATION_FAILED');
        expect(problem.fields).toEqual([{ path: 'params.consulateId', message: 'must be a UUID' }]);
      }
    });

    it('lists the services a consulate offers with an integer fee in its currency, documents and duration', async () => {
      const network = testNetwork();
      for (const [code, currency] of [
        ['PAR', 'EUR'],
        ['MTL', 'CAD'],
        ['DXB', 'AED'],
      ] as const) {
        const response = await get(`/api/v1/consulates/${ctx.ids.consulates[code]}/services`);
        expect(response.statusCode).toBe(200);
        const { services } = response.json() as {
          services: {
            id: string;
            code: string;
            departmentId: string;
            durationMinutes: number;
            requiredDocuments: string[];
            fee: { amountMinor: number; currency: string; isDemoValue: boolean };
            horizonDays: number;
            minNoticeMinutes: number;
          }[];
        };
        expect(services.map((s) => s.code).sort()).toEqual([
          'certified_copy',
          'passport_adult_new',
          'passport_minor',
          'signature_legalization',
        ]);
        const demoConsulate = network.consulates.find((c) => c.code === code)!;
        for (const service of services) {
          const demo = network.services.find((s) => s.code === service.code)!;
          expect(Number.isInteger(service.fee.amountMinor)).toBe(true);
          expect(service.fee).toEqual({
            amountMinor: demoFee(demo.demoFeeMadMinor, demoConsulate),
            currency,
            isDemoValue: true,
          });
          expect(service.requiredDocuments).toEqual(demo.requiredDocuments);
          expect(service.requiredDocuments.length).toBeGreaterThan(0);
          expect(service.durationMinutes).toBe(demo.durationMinutes);
          expect(service.horizonDays).toBe(30);
          expect(service.minNoticeMinutes).toBe(120);
          expect(service.departmentId).toBe(ctx.ids.departments[`${code}:${demo.departmentKind}`]);
        }
      }
      const paris = (await get(`/api/v1/consulates/${ctx.ids.consulates.PAR}/services`)).json() as {
        services: {
          code: string;
          fee: { amountMinor: number };
          durationMinutes: number;
          requiredDocuments: string[];
          minAgeYears: number | null;
          maxAgeYears: number | null;
        }[];
      };
      const passport = paris.services.find((s) => s.code === 'passport_adult_new')!;
      expect(passport).toMatchObject({ minAgeYears: 18, maxAgeYears: null });
      expect(paris.services.find((s) => s.code === 'passport_minor')).toMatchObject({
        minAgeYears: null,
        maxAgeYears: 17,
      });
      // 500 MAD at the demo rate of 0.092 EUR: 46 euros, in cents.
      expect(passport.fee.amountMinor).toBe(4600);
      expect(passport.durationMinutes).toBe(20);
      expect(passport.requiredDocuments).toContain('birth_certificate_full_copy');
      // The stamp is paid after acceptance: never a document to upload.
      expect(passport.requiredDocuments).not.toContain('fee_stamp_receipt');
    });

    it('lists the national catalogue without fees', async () => {
      const response = await get('/api/v1/services');
      expect(response.statusCode).toBe(200);
      const { services } = response.json() as { services: Record<string, unknown>[] };
      expect(services.map((s) => s.id).sort()).toEqual(Object.values(ctx.ids.services).sort());
      for (const service of services) {
        expect(service).not.toHaveProperty('fee');
        expect(service).toMatchObject({
          departmentKind: expect.stringMatching(/^(passport|legalization)$/),
          durationMinutes: expect.any(Number),
          requiresVerification: expect.any(Boolean),
        });
      }
    });
  });

  describe('operations, documentation and errors', () => {
    it('answers /healthz with ok and /readyz with the database engine', async () => {
      const health = await get('/healthz');
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await get('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', database: engine });
    });

    it('publishes an OpenAPI 3.1 document that contains the routes and the problem schema', async () => {
      const response = await get('/api/docs/json');
      expect(response.statusCode).toBe(200);
      const document = response.json() as {
        openapi: string;
        info: { title: string };
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: Record<string, unknown> };
      };
      expect(document.openapi).toBe('3.1.0');
      expect(document.info.title).toBe('Mawid API');
      for (const path of [
        '/api/v1/consulates',
        '/api/v1/consulates/{consulateId}',
        '/api/v1/consulates/{consulateId}/services',
        '/api/v1/services',
        '/api/v1/consulates/{consulateId}/services/{serviceId}/availability',
        '/api/v1/auth/register',
        '/api/v1/auth/sign-in',
        '/api/v1/me',
        '/api/v1/admin/consulates/{consulateId}/departments/{departmentId}/opening-hours',
        '/api/v1/admin/consulates/{consulateId}/closures/{closureId}',
      ]) {
        expect(document.paths, path).toHaveProperty([path]);
      }
      expect(Object.keys(document.paths['/api/v1/admin/consulates/{consulateId}/closures']!).sort()).toEqual([
        'get',
        'post',
      ]);
      expect(document.components.schemas).toHaveProperty('Problem');
      expect(document.components.schemas).toHaveProperty('Consulate');
    });

    it('answers an unknown route with a 404 ROUTE_NOT_FOUND problem', async () => {
      const response = await get('/api/v1/no-such-thing?x=1');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.json()).toEqual({
        type: 'urn:mawid:problem:route-not-found',
        title: fr['error.ROUTE_NOT_FOUND'],
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        detail: 'No route GET /api/v1/no-such-thing?x=1.',
        instance: '/api/v1/no-such-thing?x=1',
      });
    });

    it('translates the problem title into the language the caller accepts', async () => {
      const arabic = await get('/api/v1/nowhere', { 'accept-language': 'ar' });
      expect(arabic.json().title).toBe(ar['error.ROUTE_NOT_FOUND']);
      expect(arabic.json().title).toMatch(/[\u0600-\u06FF]/);
      expect(arabic.json().code).toBe('ROUTE_NOT_FOUND');
      const english = await get(`/api/v1/consulates/${UNKNOWN_UUID}`, { 'accept-language': 'en-GB,en;q=0.8' });
      expect(english.json().title).toBe(en['error.CONSULATE_NOT_FOUND']);
      const unsupported = await get('/api/v1/nowhere', { 'accept-language': 'de-DE' });
      expect(unsupported.json().title).toBe(fr['error.ROUTE_NOT_FOUND']);
    });
  });

  describe('availability', () => {
    const paris = () => ({ consulate: ctx.ids.consulates.PAR, passport: ctx.ids.services.passport });

    it('gives local dates and times, with the UTC instant and +01:00 for Paris in December', async () => {
      const body = await availability(paris().consulate, paris().passport, '2026-12-01', '2026-12-31');
      expect(body.timeZone).toBe('Europe/Paris');
      expect(body.days.length).toBeGreaterThan(15);
      for (const day of body.days) {
        expect(day.times.length).toBeGreaterThan(0);
        for (const time of day.times) {
          expect(time.utcOffset).toBe('+01:00');
          const local = DateTime.fromISO(time.startsAt, { zone: 'utc' }).setZone('Europe/Paris');
          expect(local.toISODate()).toBe(day.date);
          expect(local.toFormat('HH:mm')).toBe(time.time);
          expect(time.free).toBeGreaterThan(0);
        }
      }
      // Weekday morning: 08:30 local is 07:30 UTC.
      const tuesday = body.days.find((d) => d.date === '2026-12-08')!;
      expect(tuesday.times[0]).toMatchObject({ time: '08:30', startsAt: '2026-12-08T07:30:00.000Z', free: 4 });
      expect(tuesday.times.map((t) => t.time)).toEqual([
        '08:30',
        '08:50',
        '09:10',
        '09:30',
        '09:50',
        '10:10',
        '10:30',
        '10:50',
        '11:10',
        '11:30',
        '11:50',
        '12:10',
        '14:00',
        '14:20',
        '14:40',
        '15:00',
        '15:20',
        '15:40',
      ]);
    });

    it('gives -05:00 for Montréal in December and keeps to its weekday hours', async () => {
      const body = await availability(ctx.ids.consulates.MTL, ctx.ids.services.passport, '2026-12-02', '2026-12-31');
      expect(body.timeZone).toBe('America/Toronto');
      const wednesday = body.days.find((d) => d.date === '2026-12-02')!;
      expect(wednesday.times[0]).toMatchObject({
        time: '09:00',
        startsAt: '2026-12-02T14:00:00.000Z',
        utcOffset: '-05:00',
      });
      for (const day of body.days) {
        for (const time of day.times) {
          expect(time.utcOffset).toBe('-05:00');
          expect((time.time >= '09:00' && time.time < '12:00') || (time.time >= '13:30' && time.time < '15:30')).toBe(
            true,
          );
        }
      }
    });

    it('offers nothing inside the 120-minute notice, though slots exist there', async () => {
      const now = ctx.clock.now();
      const earliest = new Date(now.getTime() + 120 * 60_000);
      const [inside] = await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM slots WHERE department_id = ${ctx.ids.departments['PAR:passport']!}
            AND status = 'open' AND booked < capacity AND starts_at > ${now} AND starts_at < ${earliest}`,
      );
      expect(inside!.n).toBeGreaterThan(0);
      const body = await availability(paris().consulate, paris().passport, '2026-12-01', '2026-12-01');
      const times = body.days.flatMap((d) => d.times);
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) expect(new Date(time.startsAt).getTime()).toBeGreaterThanOrEqual(earliest.getTime());
      // 08:00Z is 09:00 in Paris; with two hours' notice, 11:10 is the first slot of the morning.
      expect(times[0]!.time).toBe('11:10');
    });

    it('offers nothing beyond the 30-day horizon, even where slots exist', async () => {
      const body = await availability(paris().consulate, paris().passport, '2026-12-01', '2027-02-28');
      expect(body.days.at(-1)!.date <= '2026-12-31').toBe(true);
      expect(body.days.some((d) => d.date === '2026-12-31')).toBe(true);

      // A shorter horizon for one service of a department cuts its availability, not the slots.
      const hq = await signIn(ctx, 'hq@mawid.example');
      const shorten = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.legalization}`,
        headers: { cookie: hq },
        payload: { horizonDays: 10 },
      });
      expect(shorten.statusCode).toBe(200);
      try {
        const legalization = await availability(
          paris().consulate,
          ctx.ids.services.legalization,
          '2026-12-01',
          '2026-12-31',
        );
        expect(legalization.days.at(-1)!.date).toBe('2026-12-11');
        const copy = await availability(paris().consulate, ctx.ids.services.copy, '2026-12-01', '2026-12-31');
        expect(copy.days.at(-1)!.date).toBe('2026-12-31');
      } finally {
        const restore = await ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.legalization}`,
          headers: { cookie: hq },
          payload: { horizonDays: 30 },
        });
        expect(restore.statusCode).toBe(200);
      }
    });

    it('offers nothing on host-country holidays: Christmas in Paris and Montréal, National Day in Dubai', async () => {
      const closed = await queryRows<{ country: string; date: string }>(
        ctx.db,
        sql`SELECT country, date FROM closures WHERE scope = 'host_country'
            AND date BETWEEN '2026-12-01' AND '2026-12-31' ORDER BY country, date`,
      );
      expect(closed.map((c) => `${c.country} ${c.date}`)).toEqual([
        'AE 2026-12-01',
        'AE 2026-12-02',
        'AE 2026-12-03',
        'CA 2026-12-25',
        'FR 2026-12-25',
      ]);
      const par = (await availability(paris().consulate, paris().passport, '2026-12-01', '2026-12-31')).days.map(
        (d) => d.date,
      );
      expect(par).not.toContain('2026-12-25');
      expect(par).toContain('2026-12-24');
      expect(par).toContain('2026-12-28');
      const mtl = (
        await availability(ctx.ids.consulates.MTL, ctx.ids.services.passport, '2026-12-01', '2026-12-31')
      ).days.map((d) => d.date);
      expect(mtl).not.toContain('2026-12-25');
      expect(mtl).toContain('2026-12-24');
      const dxb = (
        await availability(ctx.ids.consulates.DXB, ctx.ids.services.passport, '2026-12-01', '2026-12-31')
      ).days.map((d) => d.date);
      expect(dxb).not.toContain('2026-12-02');
      expect(dxb).not.toContain('2026-12-03');
      expect(dxb[0]).toBe('2026-12-04');
      // No slot at all is materialized on those dates.
      const [dxbSlots] = await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM slots WHERE department_id = ${ctx.ids.departments['DXB:passport']!}
            AND status = 'open' AND (starts_at AT TIME ZONE 'Asia/Dubai')::date IN ('2026-12-02', '2026-12-03')`,
      );
      expect(dxbSlots!.n).toBe(0);
    });

    it('offers nothing on national holidays once the horizon reaches them (1 and 11 January)', async () => {
      const national = await queryRows<{ m: number; d: number }>(
        ctx.db,
        sql`SELECT recurring_month AS m, recurring_day AS d FROM closures WHERE scope = 'national' AND recurring_month = 1 ORDER BY d`,
      );
      expect(national.map((h) => h.d)).toEqual([1, 11, 14]);
      const hq = await signIn(ctx, 'hq@mawid.example');
      const patch = (horizonDays: number) =>
        ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.passport}`,
          headers: { cookie: hq },
          payload: { horizonDays },
        });
      expect((await patch(45)).statusCode).toBe(200);
      try {
        const days = (await availability(paris().consulate, paris().passport, '2026-12-28', '2027-01-20')).days.map(
          (d) => d.date,
        );
        expect(days).not.toContain('2027-01-01'); // New Year: national (and French)
        expect(days).not.toContain('2027-01-11'); // Proclamation of Independence: national only, a Monday
        expect(days).not.toContain('2027-01-14'); // Amazigh New Year: national only, a Thursday
        expect(days).toContain('2027-01-04');
        expect(days).toContain('2027-01-12');
        expect(days).toContain('2027-01-15');
        expect(days.at(-1)).toBe('2027-01-15');
      } finally {
        expect((await patch(30)).statusCode).toBe(200);
      }
      // Back to 30 days: the slots materialized for January stay in the table but are not offered.
      const [january] = await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM slots WHERE department_id = ${ctx.ids.departments['PAR:passport']!}
            AND status = 'open' AND starts_at >= '2027-01-04T00:00:00Z'`,
      );
      expect(january!.n).toBeGreaterThan(0);
      const after = await availability(paris().consulate, paris().passport, '2026-12-28', '2027-01-20');
      expect(after.days.at(-1)!.date).toBe('2026-12-31');
    });

    it('offers nothing on weekend days the consulate is closed, and Saturday mornings in Paris', async () => {
      const par = await availability(paris().consulate, paris().passport, '2026-12-01', '2026-12-31');
      const weekday = (date: string) => DateTime.fromISO(date).weekday;
      expect(par.days.some((d) => weekday(d.date) === 7)).toBe(false);
      const saturday = par.days.find((d) => d.date === '2026-12-05')!;
      expect(saturday.times.map((t) => t.time)).toEqual([
        '09:00',
        '09:20',
        '09:40',
        '10:00',
        '10:20',
        '10:40',
        '11:00',
        '11:20',
        '11:40',
      ]);
      expect(saturday.times.every((t) => t.free === 3)).toBe(true);
      for (const code of ['MTL', 'DXB'] as const) {
        const body = await availability(
          ctx.ids.consulates[code],
          ctx.ids.services.passport,
          '2026-12-01',
          '2026-12-31',
        );
        expect(body.days.length).toBeGreaterThan(10);
        expect(body.days.filter((d) => weekday(d.date) >= 6)).toEqual([]);
      }
      // Dubai has no afternoon on Fridays.
      const dxb = await availability(ctx.ids.consulates.DXB, ctx.ids.services.passport, '2026-12-04', '2026-12-04');
      expect(dxb.days[0]!.times.at(-1)!.time).toBe('12:10');
    });

    it('stops offering a slot once every seat is booked', async () => {
      const { consulates, services } = ctx.ids;
      const before = await availability(consulates.MTL, services.legalization, '2026-12-07', '2026-12-07');
      const target = before.days[0]!.times[0]!;
      const { capacity, booked } = await slotRow(ctx, target.slotId);
      expect(target.free).toBe(capacity - booked);
      const citizens = await makeCitizens(ctx, capacity - booked);
      for (const citizen of citizens) {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: { cookie: citizen.cookie },
          payload: { consulateId: consulates.MTL, serviceId: services.legalization, slotId: target.slotId },
        });
        expect(response.statusCode, response.body).toBe(201);
      }
      expect((await slotRow(ctx, target.slotId)).booked).toBe(capacity);
      const after = await availability(consulates.MTL, services.legalization, '2026-12-07', '2026-12-07');
      const slotIds = after.days.flatMap((d) => d.times.map((t) => t.slotId));
      expect(slotIds).not.toContain(target.slotId);
      expect(slotIds).toEqual(before.days[0]!.times.slice(1).map((t) => t.slotId));
    });

    it('refuses a range of five years with 400 DATE_RANGE_TOO_LONG', async () => {
      const response = await get(
        `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.passport}/availability?from=2026-12-01&to=2031-12-01`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'DATE_RANGE_TOO_LONG', max: 92 });
      const longest = await get(
        `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.passport}/availability?from=2026-12-01&to=2027-03-02`,
      );
      expect(longest.statusCode).toBe(200);
      const oneTooMany = await get(
        `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.passport}/availability?from=2026-12-01&to=2027-03-03`,
      );
      expect(oneTooMany.json().code).toBe('DATE_RANGE_TOO_LONG');
    });

    it('refuses `to` before `from`, and malformed dates, with 400 VALIDATION_FAILED naming the field', async () => {
      const base = `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.passport}/availability`;
      const reversed = await get(`${base}?from=2026-12-10&to=2026-12-09`);
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().code).toBe('VALIDATION_FAILED');
      expect(reversed.json().fields.map((f: { path: string }) => f.path)).toEqual(['querystring.to']);
      const malformed = await get(`${base}?from=10/12/2026&to=2026-12-31`);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().fields.map((f: { path: string }) => f.path)).toEqual(['querystring.from']);
      const missing = await get(base);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().code).toBe('VALIDATION_FAILED');
    });

    it('answers 404 SERVICE_NOT_OFFERED for an unknown service and CONSULATE_NOT_FOUND for an unknown consulate', async () => {
      const unknownService = await get(
        `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${UNKNOWN_UUID}/availability?from=2026-12-01&to=2026-12-31`,
      );
      expect(unknownService.statusCode).toBe(404);
      expect(unknownService.json().code).toBe('SERVICE_NOT_OFFERED');
      const unknownConsulate = await get(
        `/api/v1/consulates/${UNKNOWN_UUID}/services/${ctx.ids.services.passport}/availability?from=2026-12-01&to=2026-12-31`,
      );
      expect(unknownConsulate.statusCode).toBe(404);
      expect(unknownConsulate.json().code).toBe('CONSULATE_NOT_FOUND');
    });

    it('answers an empty list of days for a range entirely in the past', async () => {
      const body = await availability(ctx.ids.consulates.PAR, ctx.ids.services.passport, '2026-11-01', '2026-11-30');
      expect(body.days).toEqual([]);
      expect(await countRows(ctx, 'slots', sql`starts_at < '2026-12-01T08:00:00Z'`)).toBe(0);
    });
  });
});
