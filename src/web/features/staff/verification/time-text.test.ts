import { describe, expect, it } from 'vitest';
import { formatFileSize, formatMoment, formatWaiting, formatYears, waitingParts } from './time-text.ts';

// Intl puts no-break spaces between a number and its unit: compared as plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the time a request has waited', () => {
  it('is in minutes under an hour', () => {
    expect(waitingParts(0)).toEqual([{ unit: 'minute', value: 0 }]);
    expect(waitingParts(59)).toEqual([{ unit: 'minute', value: 59 }]);
  });

  it('is in hours and minutes under a day, a zero part left out', () => {
    expect(waitingParts(60)).toEqual([{ unit: 'hour', value: 1 }]);
    expect(waitingParts(200)).toEqual([
      { unit: 'hour', value: 3 },
      { unit: 'minute', value: 20 },
    ]);
  });

  it('is in days and hours from a day, the minutes dropped', () => {
    expect(waitingParts(24 * 60)).toEqual([{ unit: 'day', value: 1 }]);
    expect(waitingParts(2 * 24 * 60 + 5 * 60 + 59)).toEqual([
      { unit: 'day', value: 2 },
      { unit: 'hour', value: 5 },
    ]);
  });

  it('never goes below zero (a clock a little behind the server’s)', () => {
    expect(waitingParts(-3)).toEqual([{ unit: 'minute', value: 0 }]);
  });

  it('reads in each language with its own words and plurals', () => {
    expect(plain(formatWaiting(200, 'fr-FR'))).toBe('3 heures et 20 minutes');
    expect(plain(formatWaiting(200, 'en-GB'))).toBe('3 hours, 20 minutes');
    expect(plain(formatWaiting(1, 'es-ES'))).toBe('1 minuto');
    const arabic = formatWaiting(2 * 24 * 60 + 5 * 60, 'ar-MA');
    expect(arabic).toMatch(/[\u0600-\u06FF]/);
    expect(arabic).not.toContain(',');
    expect(arabic).toContain('5');
  });
});

describe('ages and file sizes', () => {
  it('say a person’s age in years in the reader’s language', () => {
    expect(plain(formatYears(34, 'fr-FR'))).toBe('34 ans');
    expect(plain(formatYears(1, 'en-GB'))).toBe('1 year');
    expect(plain(formatYears(34, 'ar-MA'))).toMatch(/34 .*[\u0600-\u06FF]/);
  });

  it('say a file’s size in kilobytes, then megabytes', () => {
    expect(plain(formatFileSize(200, 'en-GB'))).toBe('1 kB');
    expect(plain(formatFileSize(240 * 1024, 'en-GB'))).toBe('240 kB');
    expect(plain(formatFileSize(1.25 * 1024 * 1024, 'en-GB'))).toBe('1.3 MB');
  });
});

describe('a moment at the consulate', () => {
  const now = new Date('2026-03-02T15:00:00Z');

  it('is the time alone when it is today at the consulate, in its zone', () => {
    expect(plain(formatMoment('2026-03-02T08:20:00Z', 'Europe/Paris', 'fr-FR', now))).toBe('09:20');
    expect(plain(formatMoment('2026-03-02T08:20:00Z', 'Asia/Dubai', 'en-GB', now))).toBe('12:20');
  });

  it('carries the date when it is another day there', () => {
    const text = plain(formatMoment('2026-02-27T08:20:00Z', 'Europe/Paris', 'fr-FR', now));
    expect(text).toContain('27 févr. 2026');
    expect(text).toContain('09:20');
    // 23:30 in Paris on 1 March is already 2 March in Dubai.
    expect(plain(formatMoment('2026-03-01T22:30:00Z', 'Asia/Dubai', 'en-GB', now))).toBe('02:30');
    expect(plain(formatMoment('2026-03-01T22:30:00Z', 'Europe/Paris', 'en-GB', now))).toContain('1 Mar 2026');
  });
});
