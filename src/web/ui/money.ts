/** The number of decimals of a currency (EUR 2, JPY 0, XOF 0, KWD 3), as ICU knows them. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A fee in integer minor units, formatted for the reader (`55,20 €`, `‏55.20 €`, `¥3,000`). The
 * decimal string is built from the integer, so no binary fraction ever rounds a price.
 */
export function formatMoney(money: { amountMinor: number; currency: string }, intlLocale: string): string {
  const digits = currencyDigits(money.currency);
  const negative = money.amountMinor < 0;
  const minor = String(Math.abs(Math.trunc(money.amountMinor))).padStart(digits + 1, '0');
  const major = digits === 0 ? minor : `${minor.slice(0, -digits)}.${minor.slice(-digits)}`;
  const format = new Intl.NumberFormat(intlLocale, { style: 'currency', currency: money.currency });
  // Intl formats decimal strings exactly (ECMA-402 "Intl.NumberFormat v3").
  return format.format(`${negative ? '-' : ''}${major}` as `${number}`);
}

/** A duration in minutes, in words of the reader's language ("30 minutes", "30 دقيقة"). */
export function formatMinutes(minutes: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}
