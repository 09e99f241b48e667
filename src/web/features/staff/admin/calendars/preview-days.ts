import { addDays } from '../../../../ui/local-time.ts';
import type { HoursPreview, PreviewTime, SlotConflict } from '../admin-types.ts';

/** One local date of a preview: its times (none: closed that day), seats and what is booked. */
export interface PreviewDaySummary {
  date: string;
  times: PreviewTime[];
  seats: number;
  booked: number;
  // Times holding more appointments than the proposed hours give them.
  overbooked: PreviewTime[];
}

/**
 * The preview's slots by local date, every date from the first to the last listed: a date the
 * proposed hours leave without any time (a closed weekday, a holiday) is shown as such, not skipped.
 */
export function previewDays(preview: Pick<HoursPreview, 'fromDate' | 'toDate' | 'days'>): PreviewDaySummary[] {
  const byDate = new Map(preview.days.map((day) => [day.date, day.times]));
  const summaries: PreviewDaySummary[] = [];
  // At most the API's 92 days: a malformed answer cannot make the page loop.
  for (let date = preview.fromDate, n = 0; date <= preview.toDate && n < 92; date = addDays(date, 1), n++) {
    const times = [...(byDate.get(date) ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    summaries.push({
      date,
      times,
      seats: times.reduce((sum, time) => sum + time.capacity, 0),
      booked: times.reduce((sum, time) => sum + time.booked, 0),
      overbooked: times.filter((time) => time.booked > time.capacity),
    });
  }
  return summaries;
}

/** The local date of an instant in a zone (YYYY-MM-DD). */
export function localDateOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** How many appointments a list of conflicts strands (each counted once). */
export function strandedCount(conflicts: readonly SlotConflict[]): number {
  return new Set(conflicts.flatMap((conflict) => conflict.appointmentIds)).size;
}

/** Conflicts by the local date of their slot, dates and slots in order. */
export function conflictsByDate<T extends SlotConflict>(
  conflicts: readonly T[],
  timeZone: string,
): { date: string; conflicts: T[] }[] {
  const byDate = new Map<string, T[]>();
  for (const conflict of [...conflicts].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const date = localDateOf(conflict.startsAt, timeZone);
    byDate.set(date, [...(byDate.get(date) ?? []), conflict]);
  }
  return [...byDate].map(([date, list]) => ({ date, conflicts: list }));
}
