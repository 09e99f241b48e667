import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LocalTimeFormatter } from './availability.ts';

describe('the fast local time of availability', () => {
  it('says the same date, time and offset as Luxon, across daylight-saving changes', () => {
    const zones = [
      'Europe/Paris',
      'America/Toronto',
      'Asia/Dubai',
      'Australia/Sydney',
      'Asia/Kathmandu',
      'Africa/Dakar',
    ];
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from / 60_000, max: to / 60_000 }), (zone, minute) => {
        const ms = minute * 60_000;
        const expected = DateTime.fromMillis(ms, { zone });
        const actual = new LocalTimeFormatter(zone).format(ms);
        return (
          actual.date === expected.toISODate() &&
          actual.time === expected.toFormat('HH:mm') &&
          actual.offset === expected.toFormat('ZZ')
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('reuses a cached offset only within the half hour it belongs to', () => {
    const paris = new LocalTimeFormatter('Europe/Paris');
    // Paris springs forward at 01:00 UTC on 2026-03-29.
    expect(paris.format(Date.UTC(2026, 2, 29, 0, 59))).toEqual({ date: '2026-03-29', time: '01:59', offset: '+01:00' });
    expect(paris.format(Date.UTC(2026, 2, 29, 1, 0))).toEqual({ date: '2026-03-29', time: '03:00', offset: '+02:00' });
  });
});
