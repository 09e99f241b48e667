import { describe, expect, it } from 'vitest';
import type { Consulate } from '../../../api/types.ts';
import { placeKey } from '../../../ui/place-name.ts';
import { citiesOf, countriesOf, findConsulates, sortConsulates } from './consulate-search.ts';

const consulate = (code: string, country: string, city: string): Consulate => ({
  id: code,
  code,
  name: { ar: code, fr: code, en: code },
  country,
  city,
  address: '',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  languages: [],
});
const network = [
  consulate('PAR', 'FR', 'Paris'),
  consulate('LYO', 'FR', 'Lyon'),
  consulate('MAD', 'ES', 'Madrid'),
  consulate('BCN', 'ES', 'Barcelona'),
  consulate('DXB', 'AE', 'Dubai'),
];

describe('finding a consulate', () => {
  it('lists each country once, sorted by its name in the reader’s language', () => {
    const names = (locale: string) => new Intl.DisplayNames([locale], { type: 'region' });
    const fr = names('fr');
    expect(countriesOf(network, (code) => fr.of(code) ?? code, 'fr').map((c) => c.name)).toEqual([
      'Émirats arabes unis',
      'Espagne',
      'France',
    ]);
    const en = names('en');
    expect(countriesOf(network, (code) => en.of(code) ?? code, 'en').map((c) => c.code)).toEqual(['FR', 'ES', 'AE']);
  });

  it('narrows the cities to the chosen country', () => {
    expect(citiesOf(network, 'ES')).toEqual(['Barcelona', 'Madrid']);
    expect(citiesOf(network, null)).toHaveLength(5);
  });

  it('finds by country, then city', () => {
    expect(findConsulates(network, 'FR', null).map((c) => c.code)).toEqual(['PAR', 'LYO']);
    expect(findConsulates(network, 'FR', 'Lyon').map((c) => c.code)).toEqual(['LYO']);
    expect(findConsulates(network, 'AE', 'Lyon')).toEqual([]);
    expect(findConsulates(network, null, null)).toHaveLength(5);
  });

  it('lists consulates by country, then city, in the reader’s names', () => {
    const fr = new Intl.DisplayNames(['fr'], { type: 'region' });
    const frenchCity = (city: string) => ({ Barcelona: 'Barcelone' })[city] ?? city;
    const sorted = sortConsulates(network, (code) => fr.of(code) ?? code, frenchCity, 'fr');
    expect(sorted.map((c) => c.code)).toEqual(['DXB', 'BCN', 'MAD', 'LYO', 'PAR']);
  });

  it('keys place names without accents or spaces', () => {
    expect(placeKey('Montréal')).toBe('place.Montreal');
    expect(placeKey('Düsseldorf')).toBe('place.Dusseldorf');
    expect(placeKey('New York')).toBe('place.New_York');
  });
});
