import { DateTime } from 'luxon';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { messageCatalogues, text } from './catalogue.ts';

// Moroccan Arabic conventions (Latin digits, the months as said in Morocco) for the people this serves.
const intlLocale: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/**
 * A consulate's city in the reader's language. The network stores one name, in Latin script
 * ("Montréal", "New York"); the catalogues name it in each language under the key the portal uses
 * for the same city ("place.Montreal", "place.New_York"). A city no catalogue knows yet keeps the
 * network's name rather than showing a key.
 */
export function placeName(city: string, locale: Locale): string {
  const ascii = city.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return messageCatalogues[locale][`place.${ascii.replace(/[^A-Za-z0-9]+/g, '_')}`] ?? city;
}

export interface LocalTime {
  // "mercredi 2 décembre 2026 à 10:30, heure de Paris (UTC+01:00)"
  long: string;
  // "mer. 2 déc. 2026 à 10:30 (heure de Paris)", for subjects and SMS
  short: string;
}

/**
 * An instant said in the consulate's time zone, and said as such: a citizen in Montréal booking in
 * Dubai reads Dubai's time, named, with its offset.
 */
export function describeLocalTime(
  instant: string | Date,
  place: { timeZone: string; city: string },
  locale: Locale,
): LocalTime {
  const date = new Date(instant);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: place.timeZone }).format(date);
  const time = format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offset = DateTime.fromJSDate(date, { zone: place.timeZone }).toFormat('ZZ');
  const city = placeName(place.city, locale);
  return {
    long: text(locale, 'time.local', { date: format({ dateStyle: 'full' }), time, city, offset }),
    short: text(locale, 'time.short', {
      date: format({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
      time,
      city,
    }),
  };
}
