import type { Availability, AvailableTime } from '../../../api/types.ts';

/** The calendar of one service: only days with at least one free time, each with its free times. */
export interface FreeCalendar {
  // Local dates at the consulate, ascending.
  days: string[];
  timesOf: (date: string) => AvailableTime[];
  isFree: (date: string) => boolean;
  first: string | null;
  last: string | null;
}

/**
 * Builds the calendar the date picker shows from an availability answer: a day with no free seat
 * left (every time full) is not a free day, and a time with no seat is not offered.
 */
export function freeCalendar(
  availability: Pick<Availability, 'days'> | undefined,
  excludeSlotIds: readonly number[] = [],
): FreeCalendar {
  const byDate = new Map<string, AvailableTime[]>();
  for (const day of availability?.days ?? []) {
    const times = day.times
      .filter((time) => time.free > 0 && !excludeSlotIds.includes(time.slotId))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    if (times.length > 0) byDate.set(day.date, times);
  }
  const days = [...byDate.keys()].sort();
  return {
    days,
    timesOf: (date) => byDate.get(date) ?? [],
    isFree: (date) => byDate.has(date),
    first: days[0] ?? null,
    last: days.at(-1) ?? null,
  };
}
