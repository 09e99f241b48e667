import { describe, expect, it } from 'vitest';
import type { DayAppointment } from '../admin-types.ts';
import {
  activeCount,
  dayFilters,
  dayListUrl,
  daySheetUrl,
  departmentsSeen,
  hasNames,
  inDayOrder,
  namesOf,
} from './day-list.ts';

const at = (reference: string, startsAt: string, status: DayAppointment['status'] = 'booked'): DayAppointment =>
  ({ id: reference, reference, startsAt, status }) as DayAppointment;

describe('the day list', () => {
  it('opens on the consulate’s today, unless the address names a real date', () => {
    expect(dayFilters(new URLSearchParams(''), '2026-12-06')).toEqual({ date: '2026-12-06', departmentId: '' });
    expect(dayFilters(new URLSearchParams('date=2026-12-09&department=d1'), '2026-12-06')).toEqual({
      date: '2026-12-09',
      departmentId: 'd1',
    });
    expect(dayFilters(new URLSearchParams('date=tomorrow'), '2026-12-06').date).toBe('2026-12-06');
  });

  it('prints the same date and department, in the reader’s language', () => {
    expect(daySheetUrl('c1', { date: '2026-12-09', departmentId: 'd1', lang: 'ar' })).toBe(
      '/api/v1/admin/consulates/c1/appointments.pdf?date=2026-12-09&departmentId=d1&lang=ar',
    );
    expect(daySheetUrl('c1', { date: '2026-12-09', departmentId: '', lang: 'fr' })).toBe(
      '/api/v1/admin/consulates/c1/appointments.pdf?date=2026-12-09&lang=fr',
    );
    expect(dayListUrl('c1', { date: '2026-12-09', departmentId: '' })).toBe(
      '/api/v1/admin/consulates/c1/appointments?date=2026-12-09',
    );
  });

  it('orders by time, then reference', () => {
    const list = [at('B', '2026-12-09T09:00:00Z'), at('C', '2026-12-09T08:00:00Z'), at('A', '2026-12-09T09:00:00Z')];
    expect(inDayOrder(list).map((a) => a.reference)).toEqual(['C', 'A', 'B']);
  });

  it('writes the names in both scripts, the Arabic one only when whole', () => {
    expect(
      namesOf({
        givenNameLatin: 'Amina',
        familyNameLatin: 'Benali',
        givenNameArabic: 'أمينة',
        familyNameArabic: 'بنعلي',
      }),
    ).toEqual({ latin: 'Amina Benali', arabic: 'أمينة بنعلي' });
    expect(
      namesOf({ givenNameLatin: 'Karim', familyNameLatin: 'Haddad', givenNameArabic: 'كريم', familyNameArabic: null }),
    ).toEqual({ latin: 'Karim Haddad', arabic: null });
    expect(namesOf(undefined)).toBeNull();
    expect(hasNames([at('A', 'x')])).toBe(false);
  });

  it('counts the appointments not cancelled', () => {
    expect(
      activeCount([
        at('A', 'x'),
        at('B', 'x', 'cancelled_by_consulate'),
        at('C', 'x', 'cancelled_by_citizen'),
        at('D', 'x', 'served'),
      ]),
    ).toBe(2);
  });

  it('offers an agent only the departments they work in', () => {
    const departments = [{ id: 'passports' }, { id: 'civil' }, { id: 'legal' }];
    const own = [{ id: 'civil' }];
    expect(departmentsSeen(departments, { role: 'consular_agent', departments: own })).toEqual([{ id: 'civil' }]);
    expect(departmentsSeen(departments, { role: 'consulate_admin', departments: [] })).toEqual(departments);
    expect(departmentsSeen(departments, null)).toEqual(departments);
  });
});
