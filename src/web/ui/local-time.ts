// Times at a consulate are always shown in the consulate's own time zone: a citizen in Montréal
// booking in Paris reads "09:20, Paris time", never their own clock's 03:20.

/** The device's IANA time zone (the citizen's own clock). */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Offset from UTC of a zone at an instant, in minutes (Europe/Paris in July: 120). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * True when the citizen's clock does not read the consulate's time at that instant — and only
 * then is the zone said ("heure de Paris"). Brussels and Paris read the same: nothing to say.
 */
export function clocksDiffer(consulateZone: string, ownZone: string, at: Date): boolean {
  if (consulateZone === ownZone) return false;
  return utcOffsetMinutes(consulateZone, at) !== utcOffsetMinutes(ownZone, at);
}

/** The city an IANA zone is named after, as a key-friendly id and in English ("America/New_York" → "New York"). */
export function zoneCity(timeZone: string): { id: string; english: string } {
  const city = timeZone.split('/').at(-1) ?? timeZone;
  return { id: timeZone.replaceAll('/', '_'), english: city.replaceAll('_', ' ') };
}

/** A wall-clock time of an instant in a zone, 24-hour, in the reader's digits ("09:20"). */
export function formatTimeIn(instant: string | Date, timeZone: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** A calendar date (YYYY-MM-DD, already local to the consulate) in words: "mardi 1 décembre 2026". */
export function formatLocalDate(date: string, intlLocale: string, style: 'full' | 'long' | 'medium' = 'full'): string {
  // Noon UTC of that date, formatted in UTC: the day can never shift, whatever the device's zone.
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** Today's date at the consulate (YYYY-MM-DD). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T12:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}
