/**
 * A list in the reader's language ("A, B et C", "أ وب وج"): Intl knows each language's separators,
 * so Arabic never gets a Latin comma. Every list the portal joins for a person goes through here.
 */
export function formatList(items: readonly string[], intlLocale: string): string {
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(items);
}
