import { describe, expect, it } from 'vitest';
import type { Closure } from '../admin-types.ts';
import { closureBody, closureFaults, emptyClosure, nextDate, splitClosures } from './closures.ts';
import { weekdayName } from './weekdays.ts';

const name = { ar: 'عطلة', fr: 'Fermeture', en: 'Closure' };
const closure = (id: string, scope: Closure['scope'], date: string | null, recurring?: [number, number]): Closure => ({
  id,
  scope,
  departmentId: null,
  date,
  recurringMonth: recurring?.[0] ?? null,
  recurringDay: recurring?.[1] ?? null,
  name,
});

describe('the closures listed', () => {
  const today = '2026-12-06';

  it('keeps the consulate’s own closures to come apart from the holidays, each by date', () => {
    const { own, holidays } = splitClosures(
      [
        closure('past', 'consulate', '2026-11-30'),
        closure('later', 'consulate', '2027-01-15'),
        closure('soon', 'consulate', '2026-12-24'),
        closure('today', 'consulate', '2026-12-06'),
        closure('xmas', 'host_country', '2026-12-25'),
        closure('throne', 'national', null, [7, 30]),
        closure('may', 'national', null, [5, 1]),
      ],
      today,
    );
    expect(own.map((c) => c.id)).toEqual(['today', 'soon', 'later']);
    expect(holidays.map((c) => c.id)).toEqual(['xmas', 'may', 'throne']);
  });

  it('shows only the next few holidays', () => {
    const many = Array.from({ length: 15 }, (_, i) => closure(`h${i}`, 'national', `2027-01-${String(i + 10)}`));
    expect(splitClosures(many, today, 4).holidays.map((c) => c.id)).toEqual(['h0', 'h1', 'h2', 'h3']);
  });

  it('dates a recurring holiday this year, or next year once passed', () => {
    expect(nextDate(closure('x', 'national', null, [12, 25]), today)).toBe('2026-12-25');
    expect(nextDate(closure('x', 'national', null, [1, 1]), today)).toBe('2027-01-01');
    expect(nextDate(closure('x', 'national', null), today)).toBeNull();
  });
});

describe('the closure form', () => {
  const today = '2026-12-06';
  const filled = { ...emptyClosure, date: '2026-12-24', nameAr: 'إغلاق', nameFr: 'Fermeture', nameEn: 'Closure' };
  const keysOf = (values: typeof emptyClosure) =>
    Object.fromEntries(Object.entries(closureFaults(values, today)).map(([field, fault]) => [field, fault.key]));

  it('asks for the date and the name in Arabic, French and English; Spanish may stay blank', () => {
    expect(keysOf(emptyClosure)).toEqual({
      date: 'calendars.closures.errors.dateRequired',
      nameAr: 'calendars.closures.errors.nameArRequired',
      nameFr: 'calendars.closures.errors.nameFrRequired',
      nameEn: 'calendars.closures.errors.nameEnRequired',
    });
    expect(closureFaults(filled, today)).toEqual({});
  });

  it('refuses a date gone by, a date that does not exist and a name too long', () => {
    expect(keysOf({ ...filled, date: '2026-12-05' })).toEqual({ date: 'calendars.closures.errors.datePast' });
    expect(keysOf({ ...filled, date: '2026-13-01' })).toEqual({ date: 'calendars.errors.dateFormat' });
    expect(keysOf({ ...filled, nameEs: 'x'.repeat(201) })).toEqual({ nameEs: 'calendars.closures.errors.nameTooLong' });
  });

  it('sends the whole consulate when no department is chosen, and Spanish only when written', () => {
    expect(closureBody({ ...filled, nameFr: ' Fermeture ' })).toEqual({
      date: '2026-12-24',
      name: { ar: 'إغلاق', fr: 'Fermeture', en: 'Closure' },
    });
    expect(closureBody({ ...filled, departmentId: 'd1', nameEs: 'Cierre' })).toEqual({
      date: '2026-12-24',
      departmentId: 'd1',
      name: { ar: 'إغلاق', fr: 'Fermeture', en: 'Closure', es: 'Cierre' },
    });
  });
});

describe('weekday names', () => {
  it('names ISO weekdays 1 to 7 from Monday, in the reader’s language', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'en')).toBe('Sunday');
    expect(weekdayName(5, 'fr')).toBe('vendredi');
    expect(weekdayName(1, 'es')).toBe('lunes');
  });
});
