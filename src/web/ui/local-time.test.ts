import { describe, expect, it } from 'vitest';
import {
  addDays,
  clocksDiffer,
  formatLocalDate,
  formatTimeIn,
  todayIn,
  utcOffsetMinutes,
  zoneCity,
} from './local-time.ts';

const winter = new Date('2026-12-01T08:20:00Z');
const summer = new Date('2026-07-01T08:20:00Z');

describe('the consulate’s local time', () => {
  it('reads an instant on the consulate’s clock, not the device’s', () => {
    expect(formatTimeIn(winter, 'Europe/Paris', 'fr-FR')).toBe('09:20');
    expect(formatTimeIn(summer, 'Europe/Paris', 'fr-FR')).toBe('10:20');
    expect(formatTimeIn(winter, 'America/Toronto', 'en-GB')).toBe('03:20');
    expect(formatTimeIn(winter, 'Asia/Tokyo', 'es-ES')).toBe('17:20');
    expect(formatTimeIn(winter, 'Asia/Dubai', 'ar-MA')).toBe('12:20');
  });

  it('knows each zone’s offset at the instant, daylight saving included', () => {
    expect(utcOffsetMinutes('Europe/Paris', winter)).toBe(60);
    expect(utcOffsetMinutes('Europe/Paris', summer)).toBe(120);
    expect(utcOffsetMinutes('America/New_York', winter)).toBe(-300);
    expect(utcOffsetMinutes('Australia/Sydney', winter)).toBe(660);
    expect(utcOffsetMinutes('Africa/Dakar', winter)).toBe(0);
    expect(utcOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
  });

  it('says the zone only when the citizen’s clock reads otherwise', () => {
    expect(clocksDiffer('Europe/Paris', 'Europe/Paris', winter)).toBe(false);
    // Same clock, other name: nothing to say.
    expect(clocksDiffer('Europe/Paris', 'Europe/Brussels', winter)).toBe(false);
    expect(clocksDiffer('Europe/Paris', 'America/Toronto', winter)).toBe(true);
    expect(clocksDiffer('Europe/Paris', 'Europe/London', winter)).toBe(true);
    // Morocco keeps UTC+1 outside Ramadan: a citizen in Casablanca is an hour ahead of Dakar.
    expect(clocksDiffer('Africa/Dakar', 'Africa/Casablanca', winter)).toBe(true);
    expect(clocksDiffer('Africa/Dakar', 'Africa/Abidjan', winter)).toBe(false);
    // …and London differs from Dakar in July only (British Summer Time).
    expect(clocksDiffer('Africa/Dakar', 'Europe/London', winter)).toBe(false);
    expect(clocksDiffer('Africa/Dakar', 'Europe/London', summer)).toBe(true);
  });

  it('names the zone by its city', () => {
    expect(zoneCity('Europe/Paris')).toEqual({ id: 'Europe_Paris', english: 'Paris' });
    expect(zoneCity('America/New_York')).toEqual({ id: 'America_New_York', english: 'New York' });
  });

  it('writes a local date in words without shifting its day', () => {
    expect(formatLocalDate('2026-12-01', 'fr-FR')).toBe('mardi 1 décembre 2026');
    expect(formatLocalDate('2026-12-01', 'en-GB')).toBe('Tuesday, 1 December 2026');
    expect(formatLocalDate('2026-12-01', 'es-ES')).toBe('martes, 1 de diciembre de 2026');
  });

  it('counts days on the consulate’s calendar', () => {
    // 23:30 in Paris on 30 November is already 1 December in Tokyo.
    const instant = new Date('2026-11-30T22:30:00Z');
    expect(todayIn('Europe/Paris', instant)).toBe('2026-11-30');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-27', 30)).toBe('2027-04-26');
  });
});
