import { DateTime } from 'luxon';

/**
 * The slot engine's pure core: from weekly opening hours in a consulate's wall-clock time to the
 * UTC instants of its slots. No I/O; materialize-slots.ts writes what this returns.
 */
export interface HoursRule {
  weekday: number; // ISO 1 = Monday .. 7 = Sunday
  opensAt: string; // 'HH:MM' or 'HH:MM:SS', local wall-clock time
  closesAt: string;
  slotMinutes: number;
  capacity: number;
  validFrom: string; // 'YYYY-MM-DD', local date
  validTo: string | null;
}

export interface GeneratedSlot {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  localDate: string;
  localTime: string;
}

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/**
 * A wall time that happens twice (the fall-back hour) resolves to its first occurrence. Zones move
 * their clocks by 30, 60 or 120 minutes, so an earlier instant with the same wall time lies there.
 */
function firstOccurrence(local: DateTime): DateTime {
  let earliest = local;
  for (const minutes of [30, 60, 120]) {
    const candidate = local.minus({ minutes });
    if (candidate.hour === local.hour && candidate.minute === local.minute && candidate.day === local.day) {
      earliest = candidate;
    }
  }
  return earliest;
}

/** Local dates from `from` to `to` inclusive ('YYYY-MM-DD'). */
export function eachLocalDate(from: string, to: string): string[] {
  const dates: string[] = [];
  let day = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  while (day <= end) {
    dates.push(day.toISODate() as string);
    day = day.plus({ days: 1 });
  }
  return dates;
}

/**
 * Slots of one department between two local dates (inclusive).
 *
 * Daylight saving: a slot exists for each wall-clock time the hours name that exists that day.
 * On the spring-forward night the skipped wall times (02:00–02:59 in Paris) do not exist and get
 * no slot; on the fall-back night a repeated wall time gets one slot, at its first occurrence, so
 * nothing is ever generated twice. Each slot lasts its length in real elapsed minutes.
 */
export function generateSlots(input: {
  timeZone: string;
  rules: readonly HoursRule[];
  closedDates: ReadonlySet<string>;
  fromDate: string;
  toDate: string;
}): GeneratedSlot[] {
  const byStart = new Map<number, GeneratedSlot>();
  for (const localDate of eachLocalDate(input.fromDate, input.toDate)) {
    if (input.closedDates.has(localDate)) continue;
    const day = DateTime.fromISO(localDate, { zone: input.timeZone });
    for (const rule of input.rules) {
      if (rule.weekday !== day.weekday) continue;
      if (localDate < rule.validFrom || (rule.validTo !== null && localDate > rule.validTo)) continue;
      const closes = minutesOf(rule.closesAt);
      for (let start = minutesOf(rule.opensAt); start + rule.slotMinutes <= closes; start += rule.slotMinutes) {
        const hour = Math.floor(start / 60);
        const minute = start % 60;
        const local = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour, minute },
          { zone: input.timeZone },
        );
        // Luxon moves a wall time that does not exist (the spring-forward gap) forward: skip it.
        if (local.hour !== hour || local.minute !== minute) continue;
        const startsAt = firstOccurrence(local).toJSDate();
        const existing = byStart.get(startsAt.getTime());
        if (existing && existing.capacity >= rule.capacity) continue;
        byStart.set(startsAt.getTime(), {
          startsAt,
          endsAt: new Date(startsAt.getTime() + rule.slotMinutes * 60_000),
          capacity: rule.capacity,
          localDate,
          localTime: local.toFormat('HH:mm'),
        });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export interface ClosureRule {
  date: string | null;
  recurringMonth: number | null;
  recurringDay: number | null;
}

/** The local dates between `from` and `to` on which at least one closure applies. */
export function closedDatesBetween(closures: readonly ClosureRule[], from: string, to: string): Set<string> {
  const closed = new Set<string>();
  const dates = eachLocalDate(from, to);
  for (const closure of closures) {
    if (closure.date) {
      if (closure.date >= from && closure.date <= to) closed.add(closure.date);
      continue;
    }
    const suffix = `-${String(closure.recurringMonth).padStart(2, '0')}-${String(closure.recurringDay).padStart(2, '0')}`;
    for (const date of dates) if (date.endsWith(suffix)) closed.add(date);
  }
  return closed;
}

/** Today's date in the zone, and the date `days` later. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() as string;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** The UTC instant at which a local date begins in the zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}
