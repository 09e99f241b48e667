import type { Locale } from '../../../platform/i18n/i18n.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

/** The consulate admin's own catalogues: the printed day list's words. */
export const adminCatalogues: Record<Locale, Record<string, string>> = { ar, fr, en, es };

export type AdminLabel = keyof typeof fr;

/** A label in the reader's language (French when the locale lacks it); `{name}` filled from params. */
export function adminText(locale: Locale, key: AdminLabel, params: Record<string, string> = {}): string {
  const template = adminCatalogues[locale][key] ?? adminCatalogues.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
