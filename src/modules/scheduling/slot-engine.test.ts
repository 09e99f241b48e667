import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closedDatesBetween, generateSlots, type HoursRule } from './slot-engine.ts';

// Night hours on a Sunday are unrealistic for a consulate, and that is the point: they cross the
// daylight-saving change itself.
const sundayNight = (slotMinutes = 30): HoursRule => ({
  weekday: 7,
  opensAt: '00:00',
  closesAt: '05:00',
  slotMinutes,
  capacity: 2,
  validFrom: '2026-01-01',
  validTo: null,
});

const localTimes = (zone: string, slots: ReturnType<typeof generateSlots>) =>
  slots.map((s) => DateTime.fromJSDate(s.startsAt, { zone }).toFormat('HH:mm ZZ'));

function assertNoDuplicateInstant(slots: ReturnType<typeof generateSlots>) {
  const instants = slots.map((s) => s.startsAt.getTime());
  expect(new Set(instants).size).toBe(instants.length);
}

describe('generateSlots across daylight-saving changes', () => {
  it('skips the wall times that do not exist when Paris springs forward (2026-03-29)', () => {
    const slots = generateSlots({
      timeZone: 'Europe/Paris',
      rules: [sundayNight()],
      closedDates: new Set(),
      fromDate: '2026-03-29',
      toDate: '2026-03-29',
    });
    expect(localTimes('Europe/Paris', slots)).toEqual([
      '00:00 +01:00',
      '00:30 +01:00',
      '01:00 +01:00',
      '01:30 +01:00',
      // 02:00 and 02:30 do not exist that night
      '03:00 +02:00',
      '03:30 +02:00',
      '04:00 +02:00',
      '04:30 +02:00',
    ]);
    assertNoDuplicateInstant(slots);
    // 01:30 +01:00 to 03:00 +02:00 is 30 real minutes: no gap in real time either.
    expect(slots[4]!.startsAt.getTime() - slots[3]!.startsAt.getTime()).toBe(30 * 60_000);
  });

  it('creates one slot per wall time, never two, when Paris falls back (2026-10-25)', () => {
    const slots = generateSlots({
      timeZone: 'Europe/Paris',
      rules: [sundayNight()],
      closedDates: new Set(),
      fromDate: '2026-10-25',
      toDate: '2026-10-25',
    });
    expect(slots).toHaveLength(10);
    assertNoDuplicateInstant(slots);
    const times = slots.map((s) => s.localTime);
    expect(new Set(times).size).toBe(10);
    expect(localTimes('Europe/Paris', slots)).toContain('02:30 +02:00');
    expect(localTimes('Europe/Paris', slots)).toContain('03:00 +01:00');
  });

  it('handles Toronto, whose changes fall on other dates than Europe (2027-03-14 and 2026-11-01)', () => {
    const spring = generateSlots({
      timeZone: 'America/Toronto',
      rules: [sundayNight(60)],
      closedDates: new Set(),
      fromDate: '2027-03-14',
      toDate: '2027-03-14',
    });
    expect(localTimes('America/Toronto', spring)).toEqual([
      '00:00 -05:00',
      '01:00 -05:00',
      '03:00 -04:00',
      '04:00 -04:00',
    ]);
    const fall = generateSlots({
      timeZone: 'America/Toronto',
      rules: [sundayNight(60)],
      closedDates: new Set(),
      fromDate: '2026-11-01',
      toDate: '2026-11-01',
    });
    expect(fall.map((s) => s.localTime)).toEqual(['00:00', '01:00', '02:00', '03:00', '04:00']);
    assertNoDuplicateInstant(fall);
    // Europe changed a week earlier: on 2026-10-25 Toronto is still on daylight time.
    const weekBefore = generateSlots({
      timeZone: 'America/Toronto',
      rules: [sundayNight(60)],
      closedDates: new Set(),
      fromDate: '2026-10-25',
      toDate: '2026-10-25',
    });
    expect(localTimes('America/Toronto', weekBefore).every((t) => t.endsWith('-04:00'))).toBe(true);
  });

  it('keeps working hours identical in local time on both sides of a change', () => {
    const rule: HoursRule = {
      weekday: 1,
      opensAt: '09:00',
      closesAt: '12:00',
      slotMinutes: 20,
      capacity: 3,
      validFrom: '2026-01-01',
      validTo: null,
    };
    const slots = generateSlots({
      timeZone: 'Europe/Paris',
      rules: [rule],
      closedDates: new Set(),
      fromDate: '2026-10-19',
      toDate: '2026-10-26',
    });
    const before = slots.filter((s) => s.localDate === '2026-10-19');
    const after = slots.filter((s) => s.localDate === '2026-10-26');
    expect(before.map((s) => s.localTime)).toEqual(after.map((s) => s.localTime));
    expect(before[0]!.startsAt.toISOString()).toBe('2026-10-19T07:00:00.000Z');
    expect(after[0]!.startsAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(before).toHaveLength(9);
  });
});

describe('generateSlots rules', () => {
  const weekday = (weekdayNumber: number, extra: Partial<HoursRule> = {}): HoursRule => ({
    weekday: weekdayNumber,
    opensAt: '09:00',
    closesAt: '10:00',
    slotMinutes: 20,
    capacity: 2,
    validFrom: '2026-01-01',
    validTo: null,
    ...extra,
  });

  it('produces nothing on a closed date and nothing outside a rule validity', () => {
    const slots = generateSlots({
      timeZone: 'Europe/Madrid',
      rules: [weekday(1, { validTo: '2026-12-07' }), weekday(2, { validFrom: '2026-12-15' })],
      closedDates: new Set(['2026-11-30']),
      fromDate: '2026-11-30',
      toDate: '2026-12-22',
    });
    const dates = [...new Set(slots.map((s) => s.localDate))];
    // Mondays 30 Nov (closed), 7 Dec (valid), 14 Dec and 21 Dec (after validTo); Tuesdays from 15 Dec.
    expect(dates).toEqual(['2026-12-07', '2026-12-15', '2026-12-22']);
  });

  it('never lets a slot run past closing time and keeps the larger capacity where rules overlap', () => {
    const slots = generateSlots({
      timeZone: 'Asia/Dubai',
      rules: [weekday(1, { closesAt: '09:50' }), weekday(1, { capacity: 5, closesAt: '09:20' })],
      closedDates: new Set(),
      fromDate: '2026-11-30',
      toDate: '2026-11-30',
    });
    expect(slots.map((s) => [s.localTime, s.capacity])).toEqual([
      ['09:00', 5],
      ['09:20', 2],
    ]);
  });

  it('is deterministic: the same input gives the same slots', () => {
    const input = {
      timeZone: 'America/New_York',
      rules: [weekday(3)],
      closedDates: new Set<string>(),
      fromDate: '2026-12-01',
      toDate: '2027-02-28',
    };
    expect(generateSlots(input)).toEqual(generateSlots(input));
  });
});

describe('closedDatesBetween', () => {
  it('expands recurring national holidays every year and keeps dated ones', () => {
    const closed = closedDatesBetween(
      [
        { date: null, recurringMonth: 1, recurringDay: 11 },
        { date: '2027-03-10', recurringMonth: null, recurringDay: null },
        { date: '2025-01-01', recurringMonth: null, recurringDay: null },
      ],
      '2026-12-01',
      '2028-01-31',
    );
    expect([...closed].sort()).toEqual(['2027-01-11', '2027-03-10', '2028-01-11']);
  });
});
