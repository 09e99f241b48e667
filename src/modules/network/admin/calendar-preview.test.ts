import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db.ts';
import { engines } from '../../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, type TestContext } from '../../../test/harness.ts';
import { adminTestKit, expectProblem } from './admin.test-support.ts';

type Conflict = {
  slotId: number;
  startsAt: string;
  reason: 'withdrawn' | 'over_capacity';
  booked: number;
  plannedCapacity: number;
  appointmentIds: string[];
};
type Preview = {
  departmentId: string;
  timeZone: string;
  fromDate: string;
  toDate: string;
  days: {
    date: string;
    times: { time: string; startsAt: string; endsAt: string; utcOffset: string; capacity: number; booked: number }[];
  }[];
  conflicts: (Conflict & { isNew: boolean })[];
  resolved: Conflict[];
};

// Mornings only, from 10:00, half-hour slots, one counter open.
const proposed = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensAt: '10:00',
  closesAt: '12:00',
  slotMinutes: 30,
  capacity: 1,
  validFrom: '2026-12-01',
  validTo: null,
}));

describe.each(engines)('previewing opening hours on %s', (engine) => {
  let ctx: TestContext;
  let kit: Awaited<ReturnType<typeof adminTestKit>>;
  let department: string;
  let previewUrl: string;
  let stranded: string;
  let crowded: string[];
  let currentHours: unknown[];

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    kit = await adminTestKit(ctx);
    department = ctx.ids.departments['PAR:passport']!;
    previewUrl = kit.adminUrl('PAR', `/departments/${department}/opening-hours/preview`);
    const departments = await kit.call('GET', kit.adminUrl('PAR', '/departments'), kit.cookies.adminPar);
    currentHours = (departments.json() as { departments: { id: string; hours: unknown[] }[] }).departments.find(
      (d) => d.id === department,
    )!.hours;
    // Tuesday 8 December at 08:30, which the proposed hours do not cover; two people at 10:30 on
    // Wednesday 9, a time they keep but with one seat.
    const [one, two, three] = await makeCitizens(ctx, 3);
    const tuesday = await kit.timesOn('PAR', 'passport', '2026-12-08');
    stranded = (await kit.book(one!.cookie, 'PAR', 'passport', tuesday.find((t) => t.time === '08:30')!.slotId)).id;
    const wednesday = (await kit.timesOn('PAR', 'passport', '2026-12-09')).find((t) => t.time === '10:30')!;
    crowded = [
      (await kit.book(two!.cookie, 'PAR', 'passport', wednesday.slotId)).id,
      (await kit.book(three!.cookie, 'PAR', 'passport', wednesday.slotId)).id,
    ];
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  /** Everything a preview must leave as it was. */
  async function state() {
    const [row] = await queryRows<{ slots: string; appointments: string; hours: string }>(
      ctx.db,
      sql`SELECT
            (SELECT md5(string_agg(concat_ws(':', id, department_id, starts_at, ends_at, capacity, planned_capacity, booked, status),
                                   ',' ORDER BY id)) FROM slots) AS slots,
            (SELECT md5(string_agg(concat_ws(':', id, status, slot_id, starts_at), ',' ORDER BY id)) FROM appointments) AS appointments,
            (SELECT md5(string_agg(concat_ws(':', department_id, weekday, opens_at, closes_at, slot_minutes, capacity, valid_from, valid_to),
                                   ',' ORDER BY department_id, weekday, opens_at)) FROM opening_hours) AS hours`,
    );
    return {
      ...row,
      slotCount: await countRows(ctx, 'slots'),
      audit: await countRows(ctx, 'audit_events'),
      outbox: await countRows(ctx, 'outbox_messages'),
    };
  }

  it('lists the slots the hours would give and the appointments they would strand, changing nothing', async () => {
    const before = await state();
    const response = await kit.call('POST', `${previewUrl}?days=9`, kit.cookies.adminPar, { hours: proposed });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as Preview;
    expect(preview).toMatchObject({
      departmentId: department,
      timeZone: 'Europe/Paris',
      fromDate: '2026-12-01',
      toDate: '2026-12-09',
    });
    // Weekdays only (no more Saturday mornings), four half-hour slots from 10:00 each.
    expect(preview.days.map((d) => d.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
    ]);
    for (const day of preview.days) {
      expect(day.times.map((t) => t.time)).toEqual(['10:00', '10:30', '11:00', '11:30']);
      expect(day.times.every((t) => t.utcOffset === '+01:00' && t.capacity === 1)).toBe(true);
    }
    expect(preview.days[0]!.times[0]).toEqual({
      time: '10:00',
      startsAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-01T09:30:00.000Z',
      utcOffset: '+01:00',
      capacity: 1,
      booked: 0,
    });
    expect(preview.days.at(-1)!.times[1]).toMatchObject({ time: '10:30', capacity: 1, booked: 2 });

    expect(preview.conflicts).toEqual([
      expect.objectContaining({
        startsAt: '2026-12-08T07:30:00.000Z',
        reason: 'withdrawn',
        booked: 1,
        plannedCapacity: 0,
        appointmentIds: [stranded],
        isNew: true,
      }),
      expect.objectContaining({
        startsAt: '2026-12-09T09:30:00.000Z',
        reason: 'over_capacity',
        booked: 2,
        plannedCapacity: 1,
        appointmentIds: crowded,
        isNew: true,
      }),
    ]);
    expect(preview.resolved).toEqual([]);

    expect(await state()).toEqual(before);
    // Citizens still see the hours of today.
    expect((await kit.timesOn('PAR', 'passport', '2026-12-08')).map((t) => t.time)).toContain('08:30');
    expect((await kit.call('GET', kit.adminUrl('PAR', '/conflicts'), kit.cookies.adminPar)).json().conflicts).toEqual(
      [],
    );
  });

  it('says what the change then does, and sees which conflicts the old hours would resolve', async () => {
    const preview = (await kit.call('POST', previewUrl, kit.cookies.hq, { hours: proposed })).json() as Preview;
    // Fourteen days by default.
    expect(preview.toDate).toBe('2026-12-14');
    const change = await kit.call(
      'PUT',
      kit.adminUrl('PAR', `/departments/${department}/opening-hours`),
      kit.cookies.adminPar,
      { hours: proposed },
    );
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json().conflicts).toEqual(preview.conflicts.map(({ isNew: _isNew, ...conflict }) => conflict));
    expect((await kit.timesOn('PAR', 'passport', '2026-12-10')).map((t) => t.time)).toEqual(
      preview.days.find((d) => d.date === '2026-12-10')!.times.map((t) => t.time),
    );

    // The same hours again: the conflicts are the ones already there.
    const again = (await kit.call('POST', previewUrl, kit.cookies.adminPar, { hours: proposed })).json() as Preview;
    expect(again.conflicts.map((c) => c.isNew)).toEqual([false, false]);
    expect(again.resolved).toEqual([]);

    // Going back to the former hours would resolve both, and still changes nothing.
    const before = await state();
    const back = await kit.call('POST', `${previewUrl}?days=1`, kit.cookies.adminPar, { hours: currentHours });
    expect(back.statusCode, back.body).toBe(200);
    const restored = back.json() as Preview;
    expect(restored.conflicts).toEqual([]);
    expect(restored.resolved.map((c) => c.appointmentIds)).toEqual([[stranded], crowded]);
    expect(restored.days.map((d) => d.date)).toEqual(['2026-12-01']);
    // Today from now (09:00 in Paris): the rest of the morning, then the afternoon.
    expect(restored.days[0]!.times.map((t) => t.time)).toEqual([
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
    expect(await state()).toEqual(before);
  });

  it('refuses bad input, another consulate’s department, and callers who may not change hours', async () => {
    const before = await state();
    expectProblem(
      await kit.call('POST', `${previewUrl}?days=0`, kit.cookies.adminPar, { hours: proposed }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await kit.call('POST', `${previewUrl}?days=93`, kit.cookies.adminPar, { hours: proposed }),
      400,
      'VALIDATION_FAILED',
    );
    const invalid = await kit.call('POST', previewUrl, kit.cookies.adminPar, {
      hours: [{ ...proposed[0], closesAt: '09:00' }],
    });
    expectProblem(invalid, 400, 'VALIDATION_FAILED');
    expect(invalid.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.hours.0.closesAt']);
    const dubaiDepartment = ctx.ids.departments['DXB:passport']!;
    expectProblem(
      await kit.call(
        'POST',
        kit.adminUrl('PAR', `/departments/${dubaiDepartment}/opening-hours/preview`),
        kit.cookies.adminPar,
        { hours: proposed },
      ),
      404,
      'DEPARTMENT_NOT_FOUND',
    );
    expectProblem(
      await kit.call('POST', previewUrl, kit.cookies.adminDxb, { hours: proposed }),
      404,
      'CONSULATE_NOT_FOUND',
    );
    for (const cookie of [kit.cookies.agentPar, kit.cookies.callCenter, kit.cookies.citizen]) {
      expectProblem(await kit.call('POST', previewUrl, cookie, { hours: proposed }), 403, 'FORBIDDEN');
    }
    expectProblem(await kit.call('POST', previewUrl, undefined, { hours: proposed }), 401, 'UNAUTHENTICATED');
    expect(await state()).toEqual(before);
  });
});
