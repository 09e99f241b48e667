import { describe, expect, it } from 'vitest';
import type { PreviewTime, SlotConflict } from '../admin-types.ts';
import { conflictsByDate, localDateOf, previewDays, strandedCount } from './preview-days.ts';

const time = (startsAt: string, capacity: number, booked = 0): PreviewTime => ({
  time: '',
  startsAt,
  endsAt: startsAt,
  utcOffset: '+01:00',
  capacity,
  booked,
});

const conflict = (slotId: number, startsAt: string, appointmentIds: string[]): SlotConflict => ({
  slotId,
  startsAt,
  reason: 'withdrawn',
  booked: appointmentIds.length,
  plannedCapacity: 0,
  appointmentIds,
});

describe('the preview by local date', () => {
  it('lists every date of the window, a day without times included, each with its seats and bookings', () => {
    const days = previewDays({
      fromDate: '2026-12-06',
      toDate: '2026-12-08',
      days: [
        { date: '2026-12-08', times: [time('2026-12-08T13:00:00Z', 2, 1), time('2026-12-08T08:00:00Z', 3)] },
        { date: '2026-12-07', times: [time('2026-12-07T08:00:00Z', 1, 2)] },
      ],
    });
    expect(days.map((d) => d.date)).toEqual(['2026-12-06', '2026-12-07', '2026-12-08']);
    expect(days[0]).toEqual({ date: '2026-12-06', times: [], seats: 0, booked: 0, overbooked: [] });
    expect(days[1]?.overbooked.map((t) => t.startsAt)).toEqual(['2026-12-07T08:00:00Z']);
    expect(days[2]?.times.map((t) => t.startsAt)).toEqual(['2026-12-08T08:00:00Z', '2026-12-08T13:00:00Z']);
    expect(days[2]).toMatchObject({ seats: 5, booked: 1, overbooked: [] });
  });

  it('crosses a month end and a daylight-saving change without losing or repeating a date', () => {
    const days = previewDays({ fromDate: '2027-03-27', toDate: '2027-04-01', days: [] });
    expect(days.map((d) => d.date)).toEqual([
      '2027-03-27',
      '2027-03-28',
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
    ]);
  });

  it('lists nothing for an empty window', () => {
    expect(previewDays({ fromDate: '2026-12-08', toDate: '2026-12-07', days: [] })).toEqual([]);
  });
});

describe('the conflicts of a preview', () => {
  it('reads an instant’s date in the consulate’s zone, not the device’s', () => {
    expect(localDateOf('2026-12-07T23:30:00Z', 'Europe/Paris')).toBe('2026-12-08');
    expect(localDateOf('2026-12-08T03:00:00Z', 'America/Toronto')).toBe('2026-12-07');
  });

  it('groups the stranded slots by local date, in time order', () => {
    const groups = conflictsByDate(
      [
        conflict(3, '2026-12-08T09:00:00Z', ['c']),
        conflict(1, '2026-12-07T23:30:00Z', ['a']),
        conflict(2, '2026-12-07T08:00:00Z', ['b']),
      ],
      'Europe/Paris',
    );
    expect(groups.map((g) => [g.date, g.conflicts.map((c) => c.slotId)])).toEqual([
      ['2026-12-07', [2]],
      ['2026-12-08', [1, 3]],
    ]);
  });

  it('counts each stranded appointment once', () => {
    expect(strandedCount([conflict(1, 'x', ['a', 'b']), conflict(2, 'y', ['b', 'c'])])).toBe(3);
    expect(strandedCount([])).toBe(0);
  });
});
