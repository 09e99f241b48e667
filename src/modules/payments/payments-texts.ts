import type { Locale } from '../../platform/i18n/i18n.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

/** The payments module's own catalogues: the receipt's and the reconciliation report's texts. */
const catalogues: Record<Locale, Record<string, string>> = { ar, fr, en, es };

export type PaymentsLabel = keyof typeof fr;

/** A label in the reader's language (French when the locale lacks it). */
export function paymentsText(locale: Locale, key: PaymentsLabel): string {
  return catalogues[locale][key] ?? catalogues.fr[key] ?? key;
}

// Direction marks that Intl puts around Arabic numbers and currency signs: the PDF lines order
// the text themselves, and the fonts have no glyph for the marks.
export const withoutBidiMarks = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');
