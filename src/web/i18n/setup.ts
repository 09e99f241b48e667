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
// The staff app's own words, under `staff.…`, never fetched by the citizen portal: one file per
// language for the shell (staff/<lang>.json) and one per screen family (staff/<section>/<lang>.json,
// read as `staff.<section>.…`).
const staffCatalogues = import.meta.glob<{ default: Record<string, unknown> }>('./staff/**/*.json');
let withStaff = false;

async function loadStaffCatalogue(locale: Locale): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  await Promise.all(
    Object.entries(staffCatalogues).map(async ([path, load]) => {
      const match = /^\.\/staff\/(?:([a-z-]+)\/)?([a-z]{2})\.json$/.exec(path);
      if (!match || match[2] !== locale) return;
      const words = (await load()).default;
      if (match[1]) merged[match[1]] = words;
      else Object.assign(merged, words);
    }),
  );
  return merged;
}

async function loadCatalogue(locale: Locale): Promise<ResourceKey> {
  if (!withStaff) return (await catalogues[locale]()).default;
  const [shared, staff] = await Promise.all([catalogues[locale](), loadStaffCatalogue(locale)]);
  return { ...(shared.default as Record<string, unknown>), staff } as ResourceKey;
}

const chunkBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    if (!(language in catalogues)) {
      callback(new Error(`No catalogue for ${language}`), false);
      return;
    }
    loadCatalogue(language as Locale).then(
      (catalogue) => callback(null, catalogue),
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

/**
 * Starts i18next with the remembered or the browser's language; resolves once its catalogue is in.
 * The staff app asks for its own catalogue too (`staff: true`).
 */
export async function startI18n(options: { staff?: boolean } = {}): Promise<Locale> {
  withStaff = options.staff === true;
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
