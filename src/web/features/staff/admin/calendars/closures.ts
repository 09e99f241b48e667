import type { LocalizedText } from '../../../../api/types.ts';
import type { Closure } from '../admin-types.ts';
import { type Faults, isLocalDate } from '../faults.ts';

/**
 * The closures of the screen: the consulate's own one-off closures still to come (the only ones
 * it may add and delete), and the holidays that apply (national, host country: headquarters' own),
 * the next few of them.
 */
export function splitClosures(
  closures: readonly Closure[],
  today: string,
  holidayCount = 10,
): { own: Closure[]; holidays: Closure[] } {
  const byDate = (a: Closure, b: Closure) => (nextDate(a, today) ?? '').localeCompare(nextDate(b, today) ?? '');
  const upcoming = closures.filter((closure) => (nextDate(closure, today) ?? '') >= today);
  return {
    own: upcoming.filter((closure) => closure.scope === 'consulate').sort(byDate),
    holidays: upcoming
      .filter((closure) => closure.scope !== 'consulate')
      .sort(byDate)
      .slice(0, holidayCount),
  };
}

/** The next date a closure falls on from `today` (a recurring one: this year's or next year's). */
export function nextDate(closure: Closure, today: string): string | null {
  if (closure.date) return closure.date;
  if (closure.recurringMonth === null || closure.recurringDay === null) return null;
  const monthDay = `${String(closure.recurringMonth).padStart(2, '0')}-${String(closure.recurringDay).padStart(2, '0')}`;
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${monthDay}`;
  return thisYear >= today ? thisYear : `${year + 1}-${monthDay}`;
}

export const closureFields = ['date', 'departmentId', 'nameAr', 'nameFr', 'nameEn', 'nameEs'] as const;
export type ClosureValues = Record<(typeof closureFields)[number], string>;
export const emptyClosure: ClosureValues = {
  date: '',
  departmentId: '',
  nameAr: '',
  nameFr: '',
  nameEn: '',
  nameEs: '',
};

const MAX_NAME = 200;

/** What is wrong with the closure form; a date in the past is refused (it would close nothing). */
export function closureFaults(values: ClosureValues, today: string): Faults {
  const faults: Faults = {};
  const date = values.date.trim();
  if (date === '') faults.date = { key: 'calendars.closures.errors.dateRequired' };
  else if (!isLocalDate(date)) faults.date = { key: 'calendars.errors.dateFormat' };
  else if (date < today) faults.date = { key: 'calendars.closures.errors.datePast' };
  const names = [
    ['nameAr', true],
    ['nameFr', true],
    ['nameEn', true],
    ['nameEs', false],
  ] as const;
  for (const [field, isRequired] of names) {
    const name = values[field].trim();
    if (isRequired && name === '') faults[field] = { key: `calendars.closures.errors.${field}Required` };
    else if (name.length > MAX_NAME)
      faults[field] = { key: 'calendars.closures.errors.nameTooLong', params: { max: MAX_NAME } };
  }
  return faults;
}

/** The body of POST …/closures: the whole consulate when no department is chosen; Spanish if given. */
export function closureBody(values: ClosureValues): { date: string; departmentId?: string; name: LocalizedText } {
  const es = values.nameEs.trim();
  return {
    date: values.date.trim(),
    ...(values.departmentId ? { departmentId: values.departmentId } : {}),
    name: { ar: values.nameAr.trim(), fr: values.nameFr.trim(), en: values.nameEn.trim(), ...(es ? { es } : {}) },
  };
}
