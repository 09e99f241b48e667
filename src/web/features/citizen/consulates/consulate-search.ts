import type { Consulate } from '../../../api/types.ts';

/** The countries that have a consulate, by their name in the reader's language. */
export function countriesOf(
  consulates: readonly Consulate[],
  countryName: (code: string) => string,
  intlLocale: string,
): { code: string; name: string }[] {
  const codes = [...new Set(consulates.map((c) => c.country))];
  const collator = new Intl.Collator(intlLocale);
  return codes.map((code) => ({ code, name: countryName(code) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** The cities with a consulate in a country (every city when no country is chosen). */
export function citiesOf(consulates: readonly Consulate[], country: string | null): string[] {
  return [...new Set(consulates.filter((c) => !country || c.country === country).map((c) => c.city))].sort();
}

/** The consulates of a country and city; either may be left open. */
export function findConsulates(
  consulates: readonly Consulate[],
  country: string | null,
  city: string | null,
): Consulate[] {
  return consulates.filter((c) => (!country || c.country === country) && (!city || c.city === city));
}

/** Consulates in reading order: by country, then city, as the reader names them. */
export function sortConsulates(
  consulates: readonly Consulate[],
  countryName: (code: string) => string,
  cityName: (city: string) => string,
  intlLocale: string,
): Consulate[] {
  const collator = new Intl.Collator(intlLocale);
  return [...consulates].sort(
    (a, b) =>
      collator.compare(countryName(a.country), countryName(b.country)) ||
      collator.compare(cityName(a.city), cityName(b.city)),
  );
}
