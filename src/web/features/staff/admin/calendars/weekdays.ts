/** The ISO weekdays, Monday (1) to Sunday (7), as the API numbers them. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name in the reader's language ("lundi", "الاثنين"): Intl knows them all. */
export function weekdayName(weekday: number, intlLocale: string): string {
  // 1 January 2024 was a Monday: day `weekday` of that month is that ISO weekday.
  return new Intl.DateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );
}
