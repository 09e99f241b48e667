import type { Locale } from '../../../platform/i18n/i18n.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

/**
 * The texts of every message a person receives, per language. Kept apart from the API's error
 * catalogue: these are longer, and translators work on them as one set.
 */
export const messageCatalogues: Record<Locale, Record<string, string>> = { ar, fr, en, es };

export type Params = Record<string, string | number>;

function template(locale: Locale, key: string, fallbackKey?: string): string {
  const found = (k: string) => messageCatalogues[locale][k] ?? messageCatalogues.fr[k];
  const text = found(key) ?? (fallbackKey === undefined ? undefined : found(fallbackKey));
  // A missing key is a bug in this module, not something to show a citizen as "appointment.booked.intro".
  if (text === undefined) throw new Error(`notification catalogue has no key ${key}`);
  return text;
}

/** A text with its `{name}` placeholders filled; `fallbackKey` when the key may be unknown (a reason code). */
export function text(locale: Locale, key: string, params: Params = {}, fallbackKey?: string): string {
  return template(locale, key, fallbackKey).replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The same text as HTML: the template and each value escaped, each value isolated in <bdi> so a
 * Latin reference or name keeps its order inside an Arabic sentence (and the reverse).
 */
export function html(locale: Locale, key: string, params: Params = {}): string {
  return escapeHtml(template(locale, key)).replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : `<bdi>${escapeHtml(String(params[name]))}</bdi>`,
  );
}
