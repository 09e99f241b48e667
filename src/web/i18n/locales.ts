/** The languages of the portal, and how each one formats dates, numbers and the page direction. */
export const supportedLocales = ['ar', 'fr', 'en', 'es'] as const;
export type Locale = (typeof supportedLocales)[number];

export const LOCALE_STORAGE_KEY = 'mawid.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/**
 * The language to show: the one the person chose before (remembered), else the first of the
 * browser's languages we speak (`navigator.languages`, most wanted first), else French.
 */
export function pickLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'fr';
}

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

// Intl tags: Moroccan Arabic conventions (Western digits, Maghreb month names) for the network of
// Morocco's consulates; day-month order and a 24-hour clock in English.
export const intlLocaleOf: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/** The name of each language in itself, for the language menu. */
export const nativeNameOf: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English', es: 'Español' };
