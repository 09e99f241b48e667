import { describe, expect, it } from 'vitest';
import type { AvailableTime } from '../../../api/types.ts';
import { freeCalendar } from './free-days.ts';

const time = (slotId: number, startsAt: string, free: number): AvailableTime => ({
  slotId,
  time: startsAt.slice(11, 16),
  startsAt,
  utcOffset: '+00:00',
  free,
});

const availability = {
  days: [
    { date: '2026-12-03', times: [time(5, '2026-12-03T09:00:00Z', 1), time(4, '2026-12-03T08:40:00Z', 2)] },
    { date: '2026-12-01', times: [time(1, '2026-12-01T08:20:00Z', 0), time(2, '2026-12-01T08:40:00Z', 0)] },
    { date: '2026-12-02', times: [] },
    { date: '2026-12-04', times: [time(7, '2026-12-04T08:20:00Z', 0), time(8, '2026-12-04T14:00:00Z', 3)] },
  ],
};

describe('freeCalendar', () => {
  it('offers only the days that still have a free seat', () => {
    const calendar = freeCalendar(availability);
    expect(calendar.days).toEqual(['2026-12-03', '2026-12-04']);
    expect(calendar.isFree('2026-12-01')).toBe(false);
    expect(calendar.isFree('2026-12-02')).toBe(false);
    expect(calendar.isFree('2026-12-05')).toBe(false);
    expect(calendar.first).toBe('2026-12-03');
    expect(calendar.last).toBe('2026-12-04');
  });

  it('lists a day’s free times in order and leaves full ones out', () => {
    const calendar = freeCalendar(availability);
    expect(calendar.timesOf('2026-12-03').map((t) => t.slotId)).toEqual([4, 5]);
    expect(calendar.timesOf('2026-12-04').map((t) => t.slotId)).toEqual([8]);
    expect(calendar.timesOf('2026-12-01')).toEqual([]);
  });

  it('drops a time just lost to someone else, and the day with it when it was the last', () => {
    const calendar = freeCalendar(availability, [8]);
    expect(calendar.days).toEqual(['2026-12-03']);
    expect(calendar.last).toBe('2026-12-03');
  });

  it('is empty before the answer arrives', () => {
    const calendar = freeCalendar(undefined);
    expect(calendar.days).toEqual([]);
    expect(calendar.first).toBeNull();
  });
});
