import type { LocalizedText } from '../api/types.ts';

/** The API's multilingual names, in the reader's language (Spanish may be missing: French then). */
export function localized(text: LocalizedText, locale: string): string {
  if (locale === 'ar' || locale === 'fr' || locale === 'en') return text[locale];
  if (locale === 'es') return text.es ?? text.fr;
  return text.fr;
}

/** A person's name as they read it: Arabic script in Arabic when known, Latin otherwise. */
export function personName(
  person: {
    givenNameLatin: string;
    familyNameLatin: string;
    givenNameArabic: string | null;
    familyNameArabic: string | null;
  },
  locale: string,
): string {
  if (locale === 'ar' && person.givenNameArabic && person.familyNameArabic) {
    return `${person.givenNameArabic} ${person.familyNameArabic}`;
  }
  return `${person.givenNameLatin} ${person.familyNameLatin}`;
}
