import type { Locale } from '../../platform/i18n/i18n.ts';

/**
 * Money stays in integer minor units; these helpers only cross the border to decimal text (a
 * settlement file's "150.00", a receipt's "150,00 €"), by string arithmetic, never through a float.
 */
const digitsCache = new Map<string, number>();

/** The number of minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 15000 EUR → "150.00". */
export function decimalOf(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * "150.00" (or "150", "150.5") in EUR → 15000; null when the text is not a plain positive decimal or
 * has more decimals than the currency's minor unit.
 */
export function minorOf(decimal: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
}

// Moroccan Arabic keeps Latin digits, as the convocation does.
export const intlLocale: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/** An amount as a reader of `locale` writes it: 15000 EUR → "150,00 €" in French. */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency });
  // A decimal string is formatted exactly (Intl.NumberFormat v3), with no float in between.
  return format.format(decimalOf(amountMinor, currency) as unknown as number);
}
