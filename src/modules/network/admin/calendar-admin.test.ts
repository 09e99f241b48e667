import { type SQL, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db.ts';
import { engines } from '../../../test/databases.ts';
import {
  bookingBody,
  countRows,
  createTestContext,
  makeCitizens,
  signIn,
  slotRow,
  type TestContext,
} from '../../../test/harness.ts';
import { materializeSlots } from '../../scheduling/index.ts';

type Time = { slotId: number; time: string; startsAt: string; utcOffset: string; free: number };
type Day = { date: string; times: Time[] };
type Conflict = {
  slotId: number;
  startsAt: string;
  reason: 'withdrawn' | 'over_capacity';
  booked: number;
  plannedCapacity: number;
  appointmentIds: string[];
};
type AuditRow = {
  actor_account_id: string | null;
  on_behalf_of_account_id: string | null;
  consulate_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
};

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const NAME = { ar: 'إغلاق استثنائي', fr: 'Fermeture exceptionnelle', en: 'Exceptional closure' };

const weekdays = (
  rule: { opensAt: string; closesAt: string; slotMinutes: number; capacity: number },
  days = [1, 2, 3, 4, 5],
) => days.map((weekday) => ({ weekday, validFrom: '2026-12-01', validTo: null, ...rule }));

describe.each(engines)('consulate calendar administration on %s', (engine) => {
  let ctx: TestContext;
  let cookies: Record<'adminPar' | 'adminDxb' | 'adminMtl' | 'agentPar' | 'hq' | 'callCenter' | 'citizen', string>;
  let accountIds: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    const [adminPar, adminDxb, adminMtl, agentPar, hq, callCenter, citizen] = await Promise.all([
      signIn(ctx, 'admin.par@mawid.example'),
      signIn(ctx, 'admin.dxb@mawid.example'),
      signIn(ctx, 'admin.mtl@mawid.example'),
      signIn(ctx, 'agent.par@mawid.example'),
      signIn(ctx, 'hq@mawid.example'),
      signIn(ctx, 'callcenter@mawid.example'),
      signIn(ctx, 'amina.benali@example.org'),
    ]);
    cookies = {
      adminPar: adminPar!,
      adminDxb: adminDxb!,
      adminMtl: adminMtl!,
      agentPar: agentPar!,
      hq: hq!,
      callCenter: callCenter!,
      citizen: citizen!,
    };
    const rows = await queryRows<{ id: string; email: string }>(ctx.db, sql`SELECT id, email FROM accounts`);
    accountIds = Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const adminUrl = (consulate: 'PAR' | 'MTL' | 'DXB', rest: string) =>
    `/api/v1/admin/consulates/${ctx.ids.consulates[consulate]}${rest}`;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function availability(
    consulate: 'PAR' | 'MTL' | 'DXB',
    service: 'passport' | 'legalization' | 'copy',
    from: string,
    to = from,
  ) {
    const response = await call(
      'GET',
      `/api/v1/consulates/${ctx.ids.consulates[consulate]}/services/${ctx.ids.services[service]}/availability?from=${from}&to=${to}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { days: Day[] }).days;
  }
  const timesOn = async (
    consulate: 'PAR' | 'MTL' | 'DXB',
    service: 'passport' | 'legalization' | 'copy',
    date: string,
  ) => (await availability(consulate, service, date)).find((d) => d.date === date)?.times ?? [];

  async function book(
    cookie: string,
    consulate: 'PAR' | 'MTL' | 'DXB',
    service: 'passport' | 'legalization' | 'copy',
    slotId: number,
  ) {
    const response = await call(
      'POST',
      '/api/v1/appointments',
      cookie,
      await bookingBody(ctx, cookie, {
        consulateId: ctx.ids.consulates[consulate],
        serviceId: ctx.ids.services[service],
        slotId,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; slotId: number; startsAt: string; departmentId: string };
  }

  async function lastAudit(action: string, entityId: string): Promise<AuditRow | undefined> {
    const rows = await queryRows<AuditRow>(
      ctx.db,
      sql`SELECT actor_account_id, on_behalf_of_account_id, consulate_id, reason, before, after FROM audit_events
          WHERE action = ${action} AND entity_id = ${entityId} ORDER BY id DESC LIMIT 1`,
    );
    return rows[0];
  }

  async function slotChecksum(where: SQL): Promise<{ n: number; sum: string }> {
    const [row] = await queryRows<{ n: number; sum: string | null }>(
      ctx.db,
      sql`SELECT count(*)::int AS n,
                 md5(string_agg(concat_ws(':', department_id, (extract(epoch FROM starts_at))::bigint, (extract(epoch FROM ends_at))::bigint,
                                          capacity, planned_capacity, booked, status), ',' ORDER BY department_id, starts_at)) AS sum
          FROM slots WHERE ${where}`,
    );
    return { n: row!.n, sum: row!.sum ?? '' };
  }

  async function hoursChecksum(): Promise<string> {
    const [row] = await queryRows<{ sum: string | null }>(
      ctx.db,
      sql`SELECT md5(string_agg(concat_ws(':', department_id, weekday, opens_at, closes_at, slot_minutes, capacity, valid_from, valid_to),
                                ',' ORDER BY department_id, weekday, opens_at)) AS sum FROM opening_hours`,
    );
    return row!.sum ?? '';
  }

  async function appointmentStatus(id: string): Promise<string | undefined> {
    const [row] = await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM appointments WHERE id = ${id}`);
    return row?.status;
  }

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
  }

  describe('reading', () => {
    it('shows PAR staff the departments with their weekly opening hours', async () => {
      for (const cookie of [cookies.adminPar, cookies.agentPar, cookies.hq]) {
        const response = await call('GET', adminUrl('PAR', '/departments'), cookie);
        expect(response.statusCode).toBe(200);
        const { departments } = response.json() as {
          departments: {
            id: string;
            kind: string;
            hours: { weekday: number; opensAt: string; closesAt: string; capacity: number; validTo: string | null }[];
          }[];
        };
        expect(departments.map((d) => d.kind)).toEqual(['legalization', 'passport']);
        expect(departments.map((d) => d.id)).toEqual([
          ctx.ids.departments['PAR:legalization'],
          ctx.ids.departments['PAR:passport'],
        ]);
        const passport = departments[1]!;
        expect(passport.hours).toHaveLength(11);
        expect(passport.hours[0]).toEqual({
          weekday: 1,
          opensAt: '08:30',
          closesAt: '12:30',
          slotMinutes: 20,
          capacity: 4,
          validFrom: '2026-12-01',
          validTo: null,
        });
        expect(passport.hours.filter((h) => h.weekday === 6)).toEqual([
          expect.objectContaining({ opensAt: '09:00', closesAt: '12:00', capacity: 3 }),
        ]);
      }
    });

    it('lists the closures that apply to the consulate: national, its host country’s, its own', async () => {
      const response = await call('GET', adminUrl('PAR', '/closures'), cookies.adminPar);
      expect(response.statusCode).toBe(200);
      const { closures } = response.json() as {
        closures: { scope: string; date: string | null; recurringMonth: number | null }[];
      };
      const [counts] = await queryRows<{ national: number; fr: number }>(
        ctx.db,
        sql`SELECT count(*) FILTER (WHERE scope = 'national')::int AS national,
                   count(*) FILTER (WHERE scope = 'host_country' AND country = 'FR')::int AS fr FROM closures`,
      );
      expect(counts!.national).toBeGreaterThan(0);
      expect(closures.filter((c) => c.scope === 'national')).toHaveLength(counts!.national);
      expect(closures.filter((c) => c.scope === 'host_country')).toHaveLength(counts!.fr);
      expect(closures).toContainEqual(expect.objectContaining({ scope: 'host_country', date: '2026-12-25' }));
      expect(closures).toContainEqual(expect.objectContaining({ scope: 'national', recurringMonth: 1, date: null }));
      // Canada's own holidays are not Paris's.
      const canadaOnly = await queryRows<{ date: string }>(
        ctx.db,
        sql`SELECT date FROM closures WHERE country = 'CA' AND date NOT IN (SELECT date FROM closures WHERE country = 'FR')`,
      );
      expect(canadaOnly.length).toBeGreaterThan(0);
      for (const { date } of canadaOnly) expect(closures.filter((c) => c.date === date)).toEqual([]);
    });
  });

  describe('opening hours', () => {
    let strandedId: string;
    let strandedSlotId: number;

    it('replaces the passport department’s hours: new times appear, old ones disappear, and it is audited', async () => {
      const department = ctx.ids.departments['PAR:passport']!;
      const before = await timesOn('PAR', 'passport', '2026-12-08');
      expect(before.map((t) => t.time)).toContain('08:30');
      const auditBefore = await countRows(ctx, 'audit_events');

      // A citizen holds the 08:30 slot of Tuesday 8 December, which the new hours no longer cover.
      const [citizen] = await makeCitizens(ctx, 1);
      const stranded = await book(citizen!.cookie, 'PAR', 'passport', before.find((t) => t.time === '08:30')!.slotId);
      strandedId = stranded.id;
      strandedSlotId = stranded.slotId;

      const hours = weekdays({ opensAt: '10:00', closesAt: '12:00', slotMinutes: 30, capacity: 2 });
      const response = await call(
        'PUT',
        adminUrl('PAR', `/departments/${department}/opening-hours`),
        cookies.adminPar,
        { hours },
      );
      expect(response.statusCode, response.body).toBe(200);
      const change = response.json() as { departmentIds: string[]; conflicts: Conflict[] };
      expect(change.departmentIds).toEqual([department]);
      expect(change.conflicts).toEqual([
        {
          slotId: stranded.slotId,
          startsAt: '2026-12-08T07:30:00.000Z',
          reason: 'withdrawn',
          booked: 1,
          plannedCapacity: 0,
          appointmentIds: [stranded.id],
        },
      ]);

      const after = await timesOn('PAR', 'passport', '2026-12-08');
      expect(after.map((t) => t.time)).toEqual(['10:00', '10:30', '11:00', '11:30']);
      expect(after.every((t) => t.free === 2 && t.utcOffset === '+01:00')).toBe(true);
      // No more Saturday mornings.
      expect(await timesOn('PAR', 'passport', '2026-12-05')).toEqual([]);
      // The other department keeps its hours.
      expect((await timesOn('PAR', 'legalization', '2026-12-08'))[0]!.time).toBe('08:30');

      expect(await countRows(ctx, 'opening_hours', sql`department_id = ${department}`)).toBe(5);
      expect(await countRows(ctx, 'audit_events')).toBe(auditBefore + 2); // the booking, the change
      const audit = await lastAudit('department.hours_set', department);
      expect(audit).toMatchObject({
        actor_account_id: accountIds['admin.par@mawid.example'],
        consulate_id: ctx.ids.consulates.PAR,
      });
      expect(audit!.after).toEqual(hours);
      const previous = audit!.before as { weekday: number; opensAt: string; capacity: number }[];
      expect(previous).toHaveLength(11);
      expect(previous).toContainEqual(
        expect.objectContaining({ weekday: 6, opensAt: expect.stringMatching(/^09:00/), capacity: 3 }),
      );
    });

    it('keeps an appointment whose slot the new hours withdrew, and lists it as a conflict', async () => {
      expect(await appointmentStatus(strandedId)).toBe('booked');
      expect(await slotRow(ctx, strandedSlotId)).toMatchObject({ status: 'withdrawn', booked: 1, planned_capacity: 0 });
      for (const cookie of [cookies.adminPar, cookies.agentPar, cookies.hq]) {
        const response = await call('GET', adminUrl('PAR', '/conflicts'), cookie);
        expect(response.statusCode).toBe(200);
        expect(response.json().conflicts).toEqual([
          expect.objectContaining({ slotId: strandedSlotId, reason: 'withdrawn', appointmentIds: [strandedId] }),
        ]);
      }
      // Another consulate's conflicts are its own.
      const mtl = await call('GET', adminUrl('MTL', '/conflicts'), cookies.adminMtl);
      expect(mtl.json().conflicts).toEqual([]);
      // The agent still sees it in the day list.
      const day = await call('GET', adminUrl('PAR', '/appointments?date=2026-12-08'), cookies.agentPar);
      expect(day.statusCode).toBe(200);
      expect(day.json().appointments.map((a: { id: string }) => a.id)).toContain(strandedId);
    });

    it('resolves the conflict when the consulate cancels the stranded appointment with a reason', async () => {
      const citizenAccount = (
        await queryRows<{ account_id: string }>(
          ctx.db,
          sql`SELECT account_id FROM appointments WHERE id = ${strandedId}`,
        )
      )[0]!.account_id;
      const response = await call('POST', adminUrl('PAR', `/appointments/${strandedId}/cancel`), cookies.adminPar, {
        reason: 'Passport desk now opens at 10:00',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id: strandedId, status: 'cancelled_by_consulate', localTime: '08:30' });
      expect((await slotRow(ctx, strandedSlotId)).booked).toBe(0);
      expect((await call('GET', adminUrl('PAR', '/conflicts'), cookies.adminPar)).json().conflicts).toEqual([]);
      const audit = await lastAudit('appointment.cancelled', strandedId);
      expect(audit).toEqual({
        actor_account_id: accountIds['admin.par@mawid.example'],
        on_behalf_of_account_id: citizenAccount,
        consulate_id: ctx.ids.consulates.PAR,
        reason: 'Passport desk now opens at 10:00',
        before: { status: 'booked' },
        after: { status: 'cancelled_by_consulate' },
      });
      const again = await call('POST', adminUrl('PAR', `/appointments/${strandedId}/cancel`), cookies.adminPar, {
        reason: 'Twice is once too many',
      });
      expectProblem(again, 409, 'APPOINTMENT_TRANSITION_REFUSED');
      expect((await slotRow(ctx, strandedSlotId)).booked).toBe(0);
    });

    it('changes nothing when materializeSlots runs twice, even after an hours change', async () => {
      const clock = ctx.clock;
      for (const key of ['PAR:passport', 'PAR:legalization', 'MTL:passport', 'DXB:legalization']) {
        const department = ctx.ids.departments[key]!;
        const where = sql`department_id = ${department}`;
        const initial = await slotChecksum(where);
        expect(initial.n).toBeGreaterThan(0);
        const first = await materializeSlots({ db: ctx.db, clock }, department);
        const afterFirst = await slotChecksum(where);
        const second = await materializeSlots({ db: ctx.db, clock }, department);
        const afterSecond = await slotChecksum(where);
        expect(afterFirst, key).toEqual(initial);
        expect(afterSecond, key).toEqual(initial);
        expect(first.generated).toBeGreaterThan(0);
        expect(second).toEqual(first);
      }
    });

    it('refuses invalid hours with 400 and the fields at fault, and changes nothing', async () => {
      const department = ctx.ids.departments['PAR:legalization']!;
      const url = adminUrl('PAR', `/departments/${department}/opening-hours`);
      const hoursBefore = await hoursChecksum();
      const slotsBefore = await slotChecksum(sql`TRUE`);
      const auditBefore = await countRows(ctx, 'audit_events');
      const good = {
        weekday: 1,
        opensAt: '09:00',
        closesAt: '12:00',
        slotMinutes: 20,
        capacity: 3,
        validFrom: '2026-12-01',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...good, opensAt: '12:00', closesAt: '09:00' }, 'body.hours.1.closesAt'],
        [{ ...good, weekday: 8 }, 'body.hours.1.weekday'],
        [{ ...good, slotMinutes: 0 }, 'body.hours.1.slotMinutes'],
        [{ ...good, opensAt: '07:60' }, 'body.hours.1.opensAt'],
        [{ ...good, capacity: -1 }, 'body.hours.1.capacity'],
        [{ ...good, validFrom: '2026-12-10', validTo: '2026-12-09' }, 'body.hours.1.validTo'],
      ];
      for (const [rule, path] of cases) {
        const response = await call('PUT', url, cookies.adminPar, { hours: [good, rule] });
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(
          response.json().fields.map((f: { path: string }) => f.path),
          path,
        ).toEqual([path]);
      }
      const several = await call('PUT', url, cookies.adminPar, {
        hours: [{ ...good, weekday: 0, slotMinutes: 0, opensAt: '13:00', closesAt: '12:00' }],
      });
      expectProblem(several, 400, 'VALIDATION_FAILED');
      expect(
        several
          .json()
          .fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['body.hours.0.closesAt', 'body.hours.0.slotMinutes', 'body.hours.0.weekday']);
      expect(await hoursChecksum()).toBe(hoursBefore);
      expect(await slotChecksum(sql`TRUE`)).toEqual(slotsBefore);
      expect(await countRows(ctx, 'audit_events')).toBe(auditBefore);
    });

    it('answers 404 DEPARTMENT_NOT_FOUND for a department of another consulate, and changes nothing', async () => {
      const hoursBefore = await hoursChecksum();
      const response = await call(
        'PUT',
        adminUrl('PAR', `/departments/${ctx.ids.departments['MTL:passport']}/opening-hours`),
        cookies.adminPar,
        { hours: weekdays({ opensAt: '10:00', closesAt: '11:00', slotMinutes: 30, capacity: 1 }) },
      );
      expectProblem(response, 404, 'DEPARTMENT_NOT_FOUND');
      expect(await hoursChecksum()).toBe(hoursBefore);
    });
  });

  describe('capacity', () => {
    let holders: { id: string }[];
    let slotId: number;

    it('keeps room for the bookings when capacity drops below them, and lists an over_capacity conflict', async () => {
      const department = ctx.ids.departments['MTL:legalization']!;
      const morning = await timesOn('MTL', 'legalization', '2026-12-09');
      const nine = morning.find((t) => t.time === '09:00')!;
      expect(nine.free).toBe(3);
      slotId = nine.slotId;
      const citizens = await makeCitizens(ctx, 2);
      holders = [];
      for (const citizen of citizens) holders.push(await book(citizen.cookie, 'MTL', 'legalization', slotId));

      const hours = [
        ...weekdays({ opensAt: '09:00', closesAt: '12:00', slotMinutes: 20, capacity: 1 }),
        ...weekdays({ opensAt: '13:30', closesAt: '15:30', slotMinutes: 20, capacity: 1 }),
      ];
      const response = await call(
        'PUT',
        adminUrl('MTL', `/departments/${department}/opening-hours`),
        cookies.adminMtl,
        { hours },
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().conflicts).toEqual([
        {
          slotId,
          startsAt: '2026-12-09T14:00:00.000Z',
          reason: 'over_capacity',
          booked: 2,
          plannedCapacity: 1,
          appointmentIds: holders.map((h) => h.id),
        },
      ]);
      const row = await slotRow(ctx, slotId);
      expect(row).toMatchObject({ booked: 2, planned_capacity: 1, status: 'open' });
      expect(row.capacity).toBeGreaterThanOrEqual(row.booked);
      for (const holder of holders) expect(await appointmentStatus(holder.id)).toBe('booked');

      const after = await timesOn('MTL', 'legalization', '2026-12-09');
      expect(after.map((t) => t.slotId)).not.toContain(slotId);
      expect(after.find((t) => t.time === '09:20')!.free).toBe(1);
      const listed = await call('GET', adminUrl('MTL', '/conflicts'), cookies.adminMtl);
      expect(listed.json().conflicts).toEqual([
        expect.objectContaining({ slotId, reason: 'over_capacity', booked: 2, plannedCapacity: 1 }),
      ]);
    });

    it('does not offer again a seat freed in an over-capacity slot beyond the planned capacity', async () => {
      const cancel = await call('POST', adminUrl('MTL', `/appointments/${holders[1]!.id}/cancel`), cookies.adminMtl, {
        reason: 'Only one counter that morning',
      });
      expect(cancel.statusCode, cancel.body).toBe(200);
      const row = await slotRow(ctx, slotId);
      expect(row.booked).toBe(1);
      expect(row.planned_capacity).toBe(1);
      expect((await call('GET', adminUrl('MTL', '/conflicts'), cookies.adminMtl)).json().conflicts).toEqual([]);
      // The consulate now plans one seat at 09:00 and one person holds it: the slot is full.
      const after = await timesOn('MTL', 'legalization', '2026-12-09');
      expect(after.map((t) => t.slotId)).not.toContain(slotId);
    });
  });

  describe('closures', () => {
    it('removes a closed date from availability and brings it back when the closure is deleted', async () => {
      const date = '2026-12-10';
      const legalizationBefore = await timesOn('PAR', 'legalization', date);
      const passportBefore = await timesOn('PAR', 'passport', date);
      expect(legalizationBefore.length).toBeGreaterThan(0);
      expect(passportBefore.length).toBeGreaterThan(0);

      const added = await call('POST', adminUrl('PAR', '/closures'), cookies.adminPar, { date, name: NAME });
      expect(added.statusCode, added.body).toBe(201);
      const body = added.json() as { closureId: string; departmentIds: string[]; conflicts: Conflict[] };
      expect(body.closureId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.departmentIds.sort()).toEqual(
        [ctx.ids.departments['PAR:legalization'], ctx.ids.departments['PAR:passport']].sort(),
      );
      expect(body.conflicts).toEqual([]);
      expect(await timesOn('PAR', 'legalization', date)).toEqual([]);
      expect(await timesOn('PAR', 'passport', date)).toEqual([]);
      expect((await timesOn('PAR', 'legalization', '2026-12-11')).length).toBeGreaterThan(0);
      expect(
        await countRows(
          ctx,
          'slots',
          sql`department_id IN (${ctx.ids.departments['PAR:legalization']!}, ${ctx.ids.departments['PAR:passport']!})
              AND (starts_at AT TIME ZONE 'Europe/Paris')::date = ${date} AND status = 'open'`,
        ),
      ).toBe(0);
      const listed = (await call('GET', adminUrl('PAR', '/closures'), cookies.adminPar)).json().closures;
      expect(listed).toContainEqual({
        id: body.closureId,
        scope: 'consulate',
        departmentId: null,
        date,
        recurringMonth: null,
        recurringDay: null,
        name: NAME,
      });
      expect(await lastAudit('closure.added', body.closureId)).toMatchObject({
        actor_account_id: accountIds['admin.par@mawid.example'],
        consulate_id: ctx.ids.consulates.PAR,
        before: null,
        after: { date, departmentId: null, name: NAME },
      });
      // Another consulate does not see it.
      const mtl = (await call('GET', adminUrl('MTL', '/closures'), cookies.adminMtl)).json().closures;
      expect(mtl.map((c: { id: string }) => c.id)).not.toContain(body.closureId);

      const removed = await call('DELETE', adminUrl('PAR', `/closures/${body.closureId}`), cookies.adminPar);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().departmentIds.sort()).toEqual(body.departmentIds.sort());
      expect(await timesOn('PAR', 'legalization', date)).toEqual(legalizationBefore);
      expect(await timesOn('PAR', 'passport', date)).toEqual(passportBefore);
      expect(await countRows(ctx, 'closures', sql`id = ${body.closureId}`)).toBe(0);
      expect(await lastAudit('closure.removed', body.closureId)).toMatchObject({
        actor_account_id: accountIds['admin.par@mawid.example'],
        before: { date, departmentId: null, name: NAME },
        after: null,
      });
      const again = await call('DELETE', adminUrl('PAR', `/closures/${body.closureId}`), cookies.adminPar);
      expectProblem(again, 404, 'CLOSURE_NOT_FOUND');
    });

    it('closes one department only, keeping its booked appointment as a conflict until reopened', async () => {
      const date = '2026-12-16';
      const department = ctx.ids.departments['PAR:legalization']!;
      const [citizen] = await makeCitizens(ctx, 1);
      const slot = (await timesOn('PAR', 'legalization', date))[0]!;
      const appointment = await book(citizen!.cookie, 'PAR', 'legalization', slot.slotId);

      const added = await call('POST', adminUrl('PAR', '/closures'), cookies.adminPar, {
        date,
        departmentId: department,
        name: NAME,
      });
      expect(added.statusCode, added.body).toBe(201);
      const body = added.json() as { closureId: string; departmentIds: string[]; conflicts: Conflict[] };
      expect(body.departmentIds).toEqual([department]);
      expect(body.conflicts).toEqual([
        {
          slotId: slot.slotId,
          startsAt: slot.startsAt,
          reason: 'withdrawn',
          booked: 1,
          plannedCapacity: 0,
          appointmentIds: [appointment.id],
        },
      ]);
      expect(await appointmentStatus(appointment.id)).toBe('booked');
      expect(await timesOn('PAR', 'legalization', date)).toEqual([]);
      expect(await timesOn('PAR', 'copy', date)).toEqual([]);
      expect((await timesOn('PAR', 'passport', date)).length).toBeGreaterThan(0);
      const conflicts = (await call('GET', adminUrl('PAR', '/conflicts'), cookies.adminPar)).json()
        .conflicts as Conflict[];
      expect(conflicts.map((c) => c.appointmentIds)).toContainEqual([appointment.id]);

      const removed = await call('DELETE', adminUrl('PAR', `/closures/${body.closureId}`), cookies.adminPar);
      expect(removed.statusCode).toBe(200);
      expect(removed.json()).toEqual({ departmentIds: [department], conflicts: [] });
      expect(await slotRow(ctx, slot.slotId)).toMatchObject({ status: 'open', booked: 1 });
      expect(await appointmentStatus(appointment.id)).toBe('booked');
      expect((await timesOn('PAR', 'legalization', date))[0]).toMatchObject({
        slotId: slot.slotId,
        free: slot.free - 1,
      });
    });

    it('refuses to delete a national or host-country holiday, or another consulate’s closure', async () => {
      const [national] = await queryRows<{ id: string }>(
        ctx.db,
        sql`SELECT id FROM closures WHERE scope = 'national' LIMIT 1`,
      );
      const [host] = await queryRows<{ id: string }>(
        ctx.db,
        sql`SELECT id FROM closures WHERE scope = 'host_country' AND country = 'FR' LIMIT 1`,
      );
      for (const id of [national!.id, host!.id]) {
        expectProblem(
          await call('DELETE', adminUrl('PAR', `/closures/${id}`), cookies.adminPar),
          404,
          'CLOSURE_NOT_FOUND',
        );
        expectProblem(await call('DELETE', adminUrl('PAR', `/closures/${id}`), cookies.hq), 404, 'CLOSURE_NOT_FOUND');
        expect(await countRows(ctx, 'closures', sql`id = ${id}`)).toBe(1);
      }
      const added = await call('POST', adminUrl('MTL', '/closures'), cookies.adminMtl, {
        date: '2026-12-30',
        name: NAME,
      });
      expect(added.statusCode).toBe(201);
      const mtlClosure = added.json().closureId as string;
      expectProblem(
        await call('DELETE', adminUrl('PAR', `/closures/${mtlClosure}`), cookies.adminPar),
        404,
        'CLOSURE_NOT_FOUND',
      );
      expect(await countRows(ctx, 'closures', sql`id = ${mtlClosure}`)).toBe(1);
      expect((await call('DELETE', adminUrl('MTL', `/closures/${mtlClosure}`), cookies.adminMtl)).statusCode).toBe(200);
    });

    it('refuses a closure of another consulate’s department or with an invalid body, and adds nothing', async () => {
      const before = await countRows(ctx, 'closures');
      const foreign = await call('POST', adminUrl('PAR', '/closures'), cookies.adminPar, {
        date: '2026-12-17',
        departmentId: ctx.ids.departments['DXB:passport'],
        name: NAME,
      });
      expectProblem(foreign, 404, 'DEPARTMENT_NOT_FOUND');
      const invalid = await call('POST', adminUrl('PAR', '/closures'), cookies.adminPar, {
        date: '2026-13-01',
        name: { ar: 'x', en: 'x' },
      });
      expectProblem(invalid, 400, 'VALIDATION_FAILED');
      expect(
        invalid
          .json()
          .fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['body.date', 'body.name.fr']);
      expect(await countRows(ctx, 'closures')).toBe(before);
    });
  });

  describe('the offer of a service', () => {
    it('changes the fee, which is then no longer a demo value, and audits before and after', async () => {
      const url = adminUrl('PAR', `/services/${ctx.ids.services.copy}`);
      const response = await call('PATCH', url, cookies.adminPar, { feeMinor: 1234 });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ departmentIds: [ctx.ids.departments['PAR:legalization']], conflicts: [] });
      const offered = (await call('GET', `/api/v1/consulates/${ctx.ids.consulates.PAR}/services`)).json().services as {
        id: string;
        fee: unknown;
      }[];
      expect(offered.find((s) => s.id === ctx.ids.services.copy)!.fee).toEqual({
        amountMinor: 1234,
        currency: 'EUR',
        isDemoValue: false,
      });
      const audit = await lastAudit('offer.updated', `${ctx.ids.consulates.PAR}:${ctx.ids.services.copy}`);
      expect(audit).toMatchObject({
        actor_account_id: accountIds['admin.par@mawid.example'],
        consulate_id: ctx.ids.consulates.PAR,
        before: { feeMinor: 100, isDemoFee: true },
        after: { feeMinor: 1234, isDemoFee: false },
      });
    });

    it('extends the calendar at once when the horizon grows', async () => {
      const url = adminUrl('DXB', `/services/${ctx.ids.services.passport}`);
      expect(await availability('DXB', 'passport', '2027-01-04', '2027-01-08')).toEqual([]);
      const response = await call('PATCH', url, cookies.adminDxb, { horizonDays: 40 });
      expect(response.statusCode, response.body).toBe(200);
      const january = await availability('DXB', 'passport', '2027-01-01', '2027-01-31');
      expect(january.map((d) => d.date)).toEqual([
        '2027-01-04',
        '2027-01-05',
        '2027-01-06',
        '2027-01-07',
        '2027-01-08',
      ]);
      expect(await lastAudit('offer.updated', `${ctx.ids.consulates.DXB}:${ctx.ids.services.passport}`)).toMatchObject({
        before: { horizonDays: 30 },
        after: { horizonDays: 40 },
      });
      // The other department's service keeps its own horizon.
      expect(await availability('DXB', 'legalization', '2027-01-04', '2027-01-08')).toEqual([]);
    });

    it('withdraws a disabled service from availability and the consulate’s list, and brings it back', async () => {
      const url = adminUrl('PAR', `/services/${ctx.ids.services.copy}`);
      const disabled = await call('PATCH', url, cookies.adminPar, { isEnabled: false });
      expect(disabled.statusCode).toBe(200);
      const answer = await call(
        'GET',
        `/api/v1/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.copy}/availability?from=2026-12-02&to=2026-12-31`,
      );
      expectProblem(answer, 404, 'SERVICE_NOT_OFFERED');
      const listed = (await call('GET', `/api/v1/consulates/${ctx.ids.consulates.PAR}/services`)).json().services as {
        id: string;
      }[];
      expect(listed.map((s) => s.id)).not.toContain(ctx.ids.services.copy);
      // The department's other service is untouched.
      expect((await availability('PAR', 'legalization', '2026-12-14')).length).toBe(1);
      const [citizen] = await makeCitizens(ctx, 1);
      const slot = (await timesOn('PAR', 'legalization', '2026-12-14'))[0]!;
      const refused = await call('POST', '/api/v1/appointments', citizen!.cookie, {
        consulateId: ctx.ids.consulates.PAR,
        serviceId: ctx.ids.services.copy,
        slotId: slot.slotId,
      });
      expectProblem(refused, 404, 'SERVICE_NOT_OFFERED');
      expect(await lastAudit('offer.updated', `${ctx.ids.consulates.PAR}:${ctx.ids.services.copy}`)).toMatchObject({
        before: { isEnabled: true },
        after: { isEnabled: false },
      });

      expect((await call('PATCH', url, cookies.adminPar, { isEnabled: true })).statusCode).toBe(200);
      expect((await timesOn('PAR', 'copy', '2026-12-14')).length).toBeGreaterThan(0);
    });

    it('refuses an empty or out-of-range change and an unknown service, changing nothing', async () => {
      const [before] = await queryRows<{ sum: string }>(
        ctx.db,
        sql`SELECT md5(string_agg(row(cs.*)::text, ',' ORDER BY consulate_id, service_id)) AS sum FROM consulate_services cs`,
      );
      const auditBefore = await countRows(ctx, 'audit_events');
      const url = adminUrl('PAR', `/services/${ctx.ids.services.passport}`);
      expectProblem(await call('PATCH', url, cookies.adminPar, {}), 400, 'VALIDATION_FAILED');
      const negative = await call('PATCH', url, cookies.adminPar, { feeMinor: -1, horizonDays: 400 });
      expectProblem(negative, 400, 'VALIDATION_FAILED');
      expect(
        negative
          .json()
          .fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['body.feeMinor', 'body.horizonDays']);
      expectProblem(await call('PATCH', url, cookies.adminPar, { feeMinor: 12.5 }), 400, 'VALIDATION_FAILED');
      expectProblem(
        await call('PATCH', adminUrl('PAR', `/services/${UNKNOWN_UUID}`), cookies.adminPar, { feeMinor: 1 }),
        404,
        'SERVICE_NOT_OFFERED',
      );
      const [after] = await queryRows<{ sum: string }>(
        ctx.db,
        sql`SELECT md5(string_agg(row(cs.*)::text, ',' ORDER BY consulate_id, service_id)) AS sum FROM consulate_services cs`,
      );
      expect(after!.sum).toBe(before!.sum);
      expect(await countRows(ctx, 'audit_events')).toBe(auditBefore);
    });
  });

  describe('appointments of the day and consulate cancellation', () => {
    it('lets a consular agent read the day list of their own departments only', async () => {
      const date = '2026-12-17';
      const [one, two] = await makeCitizens(ctx, 2);
      const passport = await book(one!.cookie, 'PAR', 'passport', (await timesOn('PAR', 'passport', date))[0]!.slotId);
      const legalization = await book(
        two!.cookie,
        'PAR',
        'legalization',
        (await timesOn('PAR', 'legalization', date))[0]!.slotId,
      );

      const byAgent = await call('GET', adminUrl('PAR', `/appointments?date=${date}`), cookies.agentPar);
      expect(byAgent.statusCode).toBe(200);
      // agent.par works in the passport department only (of the test network's departments).
      expect(byAgent.json().appointments.map((a: { id: string }) => a.id)).toEqual([passport.id]);
      expect(byAgent.json().appointments[0]).toMatchObject({
        localDate: date,
        timeZone: 'Europe/Paris',
        status: 'booked',
      });

      const byAdmin = await call('GET', adminUrl('PAR', `/appointments?date=${date}`), cookies.adminPar);
      expect(
        byAdmin
          .json()
          .appointments.map((a: { id: string }) => a.id)
          .sort(),
      ).toEqual([passport.id, legalization.id].sort());
      const byCallCenter = await call('GET', adminUrl('PAR', `/appointments?date=${date}`), cookies.callCenter);
      expect(byCallCenter.statusCode).toBe(200);
      expect(byCallCenter.json().appointments).toHaveLength(2);
      const otherDay = await call('GET', adminUrl('PAR', '/appointments?date=2026-12-18'), cookies.adminPar);
      expect(otherDay.json().appointments.map((a: { id: string }) => a.id)).not.toContain(passport.id);
      expectProblem(
        await call('GET', adminUrl('PAR', '/appointments?date=17/12/2026'), cookies.adminPar),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('does not let a consular agent change hours, closures, offers or cancel (403)', async () => {
      const hoursBefore = await hoursChecksum();
      const closuresBefore = await countRows(ctx, 'closures');
      const attempts = [
        call(
          'PUT',
          adminUrl('PAR', `/departments/${ctx.ids.departments['PAR:passport']}/opening-hours`),
          cookies.agentPar,
          {
            hours: weekdays({ opensAt: '08:00', closesAt: '09:00', slotMinutes: 20, capacity: 9 }),
          },
        ),
        call('POST', adminUrl('PAR', '/closures'), cookies.agentPar, { date: '2026-12-21', name: NAME }),
        call('PATCH', adminUrl('PAR', `/services/${ctx.ids.services.passport}`), cookies.agentPar, { feeMinor: 1 }),
        call('POST', adminUrl('PAR', `/appointments/${UNKNOWN_UUID}/cancel`), cookies.agentPar, {
          reason: 'Not mine to cancel',
        }),
      ];
      for (const response of await Promise.all(attempts)) expectProblem(response, 403, 'FORBIDDEN');
      expect(await hoursChecksum()).toBe(hoursBefore);
      expect(await countRows(ctx, 'closures')).toBe(closuresBefore);
    });

    it('frees the seat when the consulate cancels an appointment, and audits it on behalf of the citizen', async () => {
      const [citizen] = await makeCitizens(ctx, 1);
      const before = await timesOn('MTL', 'passport', '2026-12-15');
      const slot = before[0]!;
      const appointment = await book(citizen!.cookie, 'MTL', 'passport', slot.slotId);
      expect((await timesOn('MTL', 'passport', '2026-12-15'))[0]).toMatchObject({
        slotId: slot.slotId,
        free: slot.free - 1,
      });

      const response = await call('POST', adminUrl('MTL', `/appointments/${appointment.id}/cancel`), cookies.hq, {
        reason: 'Consul unavailable that morning',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        id: appointment.id,
        status: 'cancelled_by_consulate',
        utcOffset: '-05:00',
      });
      expect(await timesOn('MTL', 'passport', '2026-12-15')).toEqual(before);
      expect(await appointmentStatus(appointment.id)).toBe('cancelled_by_consulate');
      expect(await lastAudit('appointment.cancelled', appointment.id)).toMatchObject({
        actor_account_id: accountIds['hq@mawid.example'],
        on_behalf_of_account_id: citizen!.accountId,
        reason: 'Consul unavailable that morning',
        consulate_id: ctx.ids.consulates.MTL,
      });
      // The citizen sees the cancellation.
      const own = await call('GET', `/api/v1/appointments/${appointment.id}`, citizen!.cookie);
      expect(own.json().status).toBe('cancelled_by_consulate');
    });

    it('refuses a consulate cancellation without a reason, or of another consulate’s appointment', async () => {
      const [citizen] = await makeCitizens(ctx, 1);
      const appointment = await book(
        citizen!.cookie,
        'DXB',
        'legalization',
        (await timesOn('DXB', 'legalization', '2026-12-14'))[0]!.slotId,
      );
      const url = adminUrl('DXB', `/appointments/${appointment.id}/cancel`);
      const noReason = await call('POST', url, cookies.adminDxb, { reason: ' x ' });
      expectProblem(noReason, 400, 'VALIDATION_FAILED');
      expect(noReason.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.reason']);
      expectProblem(await call('POST', url, cookies.adminDxb, {}), 400, 'VALIDATION_FAILED');
      const wrongConsulate = await call(
        'POST',
        adminUrl('PAR', `/appointments/${appointment.id}/cancel`),
        cookies.adminPar,
        {
          reason: 'Not in Paris',
        },
      );
      expectProblem(wrongConsulate, 404, 'APPOINTMENT_NOT_FOUND');
      expectProblem(
        await call('POST', adminUrl('DXB', `/appointments/${UNKNOWN_UUID}/cancel`), cookies.adminDxb, {
          reason: 'No such thing',
        }),
        404,
        'APPOINTMENT_NOT_FOUND',
      );
      expect(await appointmentStatus(appointment.id)).toBe('booked');
      expect((await slotRow(ctx, appointment.slotId)).booked).toBe(1);
    });
  });

  describe('access', () => {
    let parClosureId: string;
    let parAppointmentId: string;

    beforeAll(async () => {
      const added = await call('POST', adminUrl('PAR', '/closures'), cookies.adminPar, {
        date: '2026-12-22',
        name: NAME,
      });
      parClosureId = added.json().closureId;
      const [citizen] = await makeCitizens(ctx, 1);
      parAppointmentId = (
        await book(
          citizen!.cookie,
          'PAR',
          'legalization',
          (
            await timesOn('PAR', 'legalization', '2026-12-18')
          )[0]!.slotId,
        )
      ).id;
    });

    const everyParRoute = () => [
      { method: 'GET' as const, url: adminUrl('PAR', '/departments') },
      {
        method: 'PUT' as const,
        url: adminUrl('PAR', `/departments/${ctx.ids.departments['PAR:passport']}/opening-hours`),
        payload: { hours: weekdays({ opensAt: '07:00', closesAt: '08:00', slotMinutes: 20, capacity: 9 }) },
      },
      { method: 'GET' as const, url: adminUrl('PAR', '/closures') },
      { method: 'POST' as const, url: adminUrl('PAR', '/closures'), payload: { date: '2026-12-23', name: NAME } },
      { method: 'DELETE' as const, url: adminUrl('PAR', `/closures/${parClosureId}`) },
      {
        method: 'PATCH' as const,
        url: adminUrl('PAR', `/services/${ctx.ids.services.passport}`),
        payload: { feeMinor: 1 },
      },
      { method: 'GET' as const, url: adminUrl('PAR', '/conflicts') },
      { method: 'GET' as const, url: adminUrl('PAR', '/appointments?date=2026-12-18') },
      {
        method: 'POST' as const,
        url: adminUrl('PAR', `/appointments/${parAppointmentId}/cancel`),
        payload: { reason: 'Out of scope' },
      },
    ];

    async function snapshot() {
      const [offers] = await queryRows<{ sum: string }>(
        ctx.db,
        sql`SELECT md5(string_agg(row(cs.*)::text, ',' ORDER BY consulate_id, service_id)) AS sum FROM consulate_services cs`,
      );
      return {
        hours: await hoursChecksum(),
        closures: await countRows(ctx, 'closures'),
        closure: await countRows(ctx, 'closures', sql`id = ${parClosureId}`),
        offers: offers!.sum,
        audit: await countRows(ctx, 'audit_events'),
        appointment: await appointmentStatus(parAppointmentId),
      };
    }

    it('answers 404 CONSULATE_NOT_FOUND to the admin of Dubai on every Paris admin route, changing nothing', async () => {
      const before = await snapshot();
      expect(before).toMatchObject({ closure: 1, appointment: 'booked' });
      for (const route of everyParRoute()) {
        const response = await call(route.method, route.url, cookies.adminDxb, route.payload);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
        expect(response.json().code).toBe('CONSULATE_NOT_FOUND');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers 403 FORBIDDEN to a citizen on every admin route, changing nothing', async () => {
      const before = await snapshot();
      for (const route of everyParRoute()) {
        const response = await call(route.method, route.url, cookies.citizen, route.payload);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(response.json().code).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers 401 UNAUTHENTICATED without a session on every admin route, changing nothing', async () => {
      const before = await snapshot();
      for (const route of everyParRoute()) {
        const response = await call(route.method, route.url, undefined, route.payload);
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(response.json().code).toBe('UNAUTHENTICATED');
        const forged = await call(route.method, route.url, 'mawid_session=forged-token', route.payload);
        expect(forged.statusCode).toBe(401);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 to a Paris agent on another consulate’s routes, and lets HQ read any', async () => {
      expectProblem(await call('GET', adminUrl('MTL', '/departments'), cookies.agentPar), 404, 'CONSULATE_NOT_FOUND');
      expectProblem(
        await call('GET', adminUrl('DXB', '/appointments?date=2026-12-14'), cookies.adminPar),
        404,
        'CONSULATE_NOT_FOUND',
      );
      const hq = await call('GET', adminUrl('DXB', '/departments'), cookies.hq);
      expect(hq.statusCode).toBe(200);
      expect(hq.json().departments).toHaveLength(2);
      expectProblem(
        await call('GET', `/api/v1/admin/consulates/${UNKNOWN_UUID}/closures`, cookies.hq),
        404,
        'CONSULATE_NOT_FOUND',
      );
    });

    it('answers 404 CONSULATE_NOT_FOUND to HQ on the routes of a consulate that does not exist, adding nothing', async () => {
      const closuresBefore = await countRows(ctx, 'closures');
      const auditBefore = await countRows(ctx, 'audit_events');
      const unknown = `/api/v1/admin/consulates/${UNKNOWN_UUID}`;
      const added = await call('POST', `${unknown}/closures`, cookies.hq, { date: '2026-12-24', name: NAME });
      expectProblem(added, 404, 'CONSULATE_NOT_FOUND');
      expectProblem(await call('GET', `${unknown}/departments`, cookies.hq), 404, 'CONSULATE_NOT_FOUND');
      expectProblem(await call('GET', `${unknown}/conflicts`, cookies.hq), 404, 'CONSULATE_NOT_FOUND');
      expectProblem(
        await call('GET', `${unknown}/appointments?date=2026-12-24`, cookies.hq),
        404,
        'CONSULATE_NOT_FOUND',
      );
      expect(await countRows(ctx, 'closures')).toBe(closuresBefore);
      expect(await countRows(ctx, 'audit_events')).toBe(auditBefore);
    });
  });
});
