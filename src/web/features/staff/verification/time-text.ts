/**
 * How long a request has waited in the queue, said the way a person reads it: minutes under an
 * hour, hours and minutes under a day, then days and hours. The words and plurals come from Intl
 * (`NumberFormat` with a unit, `ListFormat` of units), so every language has its own grammar,
 * Arabic's dual and plural included, without a catalogue key per plural form.
 */
export type DurationUnit = 'day' | 'hour' | 'minute';

export interface DurationPart {
  unit: DurationUnit;
  value: number;
}

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/** The one or two largest parts of a wait (a zero second part is left out). */
export function waitingParts(ageMinutes: number): DurationPart[] {
  const minutes = Math.max(0, Math.floor(ageMinutes));
  if (minutes < MINUTES_PER_HOUR) return [{ unit: 'minute', value: minutes }];
  if (minutes < MINUTES_PER_DAY) {
    const hours = Math.floor(minutes / MINUTES_PER_HOUR);
    const rest = minutes % MINUTES_PER_HOUR;
    return rest === 0
      ? [{ unit: 'hour', value: hours }]
      : [
          { unit: 'hour', value: hours },
          { unit: 'minute', value: rest },
        ];
  }
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return hours === 0
    ? [{ unit: 'day', value: days }]
    : [
        { unit: 'day', value: days },
        { unit: 'hour', value: hours },
      ];
}

const amount = (value: number, unit: string, intlLocale: string) =>
  new Intl.NumberFormat(intlLocale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);

/** "3 heures et 20 minutes", "يومان و5 ساعات", "45 minutes". */
export function formatWaiting(ageMinutes: number, intlLocale: string): string {
  const parts = waitingParts(ageMinutes).map((part) => amount(part.value, part.unit, intlLocale));
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'unit' }).format(parts);
}

/** A person's age in whole years: "34 ans", "34 years". */
export const formatYears = (years: number, intlLocale: string) => amount(years, 'year', intlLocale);

/** A file's size for a person: "240 KB", "1.2 MB" in the reader's digits. */
export function formatFileSize(bytes: number, intlLocale: string): string {
  const format = (value: number, unit: string) =>
    new Intl.NumberFormat(intlLocale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
      value,
    );
  if (bytes < 1024 * 1024) return format(Math.max(1, Math.round(bytes / 1024)), 'kilobyte');
  return format(bytes / (1024 * 1024), 'megabyte');
}

/** An instant at the consulate, date and time: "2 mars 2026, 09:20"; the time alone when it is today there. */
export function formatMoment(instant: string, timeZone: string, intlLocale: string, now: Date = new Date()): string {
  const dayOf = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const at = new Date(instant);
  const isToday = dayOf(at) === dayOf(now);
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    ...(isToday ? {} : { dateStyle: 'medium' as const }),
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(at);
}
