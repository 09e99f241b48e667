import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, intlLocaleOf, LOCALE_STORAGE_KEY, type Locale, pickLocale } from './locales.ts';

// One catalogue per language, each its own chunk: a page loads only the language it shows.
const catalogues: Record<Locale, () => Promise<{ default: ResourceKey }>> = {
  ar: () => import('./ar.json'),
  fr: () => import('./fr.json'),
  en: () => import('./en.json'),
  es: () => import('./es.json'),
};

const chunkBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    const load = catalogues[language as Locale];
    if (!load) {
      callback(new Error(`No catalogue for ${language}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be refused (private modes, policies): the browser's languages decide then.
    return null;
  }
}

function applyToDocument(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/** Starts i18next with the remembered or the browser's language; resolves once its catalogue is in. */
export async function startI18n(): Promise<Locale> {
  const locale = pickLocale(readStoredLocale(), navigator.languages ?? [navigator.language]);
  applyToDocument(locale);
  await i18next
    .use(chunkBackend)
    .use(initReactI18next)
    .init({
      lng: locale,
      supportedLngs: ['ar', 'fr', 'en', 'es'],
      // Every catalogue has every key (see catalogues.test.ts): no second language to fetch.
      fallbackLng: false,
      load: 'languageOnly',
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  return locale;
}

/** Switches the language, remembers the choice, and turns the page around for Arabic. */
export async function changeLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered: the next visit follows the browser's languages again.
  }
}

export const intlLocale = (locale: string): string => intlLocaleOf[locale as Locale] ?? locale;
