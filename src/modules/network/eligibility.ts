/**
 * Eligibility of a person for a service by age, on a given local date. Pure and free of imports:
 * the API checks it (and the booking statement repeats it in SQL, where it decides), and the
 * citizen portal uses it to explain why a relative is not offered.
 */
export interface AgeBounds {
  minAgeYears: number | null;
  maxAgeYears: number | null;
}

export type Ineligibility = 'birth_date_unknown' | 'too_young' | 'too_old';

/** Whole years between an ISO birth date and an ISO date (a birthday on 29 February counts on the 28th). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDayOfBirthMonth = new Date(Date.UTC(y, bm, 0)).getUTCDate();
  const birthdayThisYear = Math.min(bd, lastDayOfBirthMonth);
  const hadBirthday = m > bm || (m === bm && d >= birthdayThisYear);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Why a person may not have the service on `date`, or null when they may. */
export function ineligibilityOn(bounds: AgeBounds, birthDate: string | null, date: string): Ineligibility | null {
  if (bounds.minAgeYears === null && bounds.maxAgeYears === null) return null;
  if (!birthDate) return 'birth_date_unknown';
  const age = ageOn(birthDate, date);
  if (bounds.minAgeYears !== null && age < bounds.minAgeYears) return 'too_young';
  if (bounds.maxAgeYears !== null && age > bounds.maxAgeYears) return 'too_old';
  return null;
}

/**
 * Why a person may not have the service on any date from `firstDate` to `lastDate` (a request is
 * opened before its appointment is dated: someone who turns 18 within the booking horizon may open
 * an adult's request today and book after the birthday).
 */
export function ineligibilityWithin(
  bounds: AgeBounds,
  birthDate: string | null,
  firstDate: string,
  lastDate: string,
): Ineligibility | null {
  const atFirst = ineligibilityOn(bounds, birthDate, firstDate);
  if (atFirst !== 'too_young') return atFirst;
  const atLast = ineligibilityOn(bounds, birthDate, lastDate);
  // Too young at first and too old at last: the window of eligibility lies in between.
  return atLast === 'too_old' ? null : atLast;
}
