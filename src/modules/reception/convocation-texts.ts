import type { Locale } from '../../platform/i18n/i18n.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

/** The convocation's own catalogues: its labels, and the names of the documents a service asks for. */
const catalogues: Record<Locale, Record<string, string>> = { ar, fr, en, es };

export type ConvocationLabel = keyof typeof fr & `convocation.${string}`;

/** A label of the convocation (French when the locale lacks it). */
export function convocationText(locale: Locale, key: ConvocationLabel): string {
  return catalogues[locale][key] ?? catalogues.fr[key] ?? key;
}

export type TicketLabel = keyof typeof fr & `ticket.${string}`;

/** A word of the printed ticket (French when the locale lacks it). */
export function ticketText(locale: Locale, key: TicketLabel): string {
  return catalogues[locale][key] ?? catalogues.fr[key] ?? key;
}

/**
 * The name of a required document, from its code. A code no catalogue knows yet (a service added
 * after this release) is still shown, readable, rather than dropped from the list.
 */
export function documentName(locale: Locale, code: string): string {
  const key = `document.${code}`;
  return catalogues[locale][key] ?? catalogues.fr[key] ?? code.replaceAll('_', ' ');
}

/** True when every locale names the document. */
export function isDocumentNamed(code: string): boolean {
  return Object.values(catalogues).every((catalogue) => `document.${code}` in catalogue);
}
