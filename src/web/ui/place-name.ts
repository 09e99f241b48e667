/**
 * The catalogue key of a place name the API gives in English (a consulate's city, the city an
 * IANA zone is named after): "New York" → "place.New_York", "Montréal" → "place.Montreal".
 * Unknown places keep their given name.
 */
export function placeKey(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return `place.${ascii.replace(/[^A-Za-z0-9]+/g, '_')}`;
}
