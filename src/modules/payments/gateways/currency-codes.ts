import { decimalOf, minorOf } from '../minor-units.ts';

/**
 * ISO 4217 numeric codes, as the CMI protocol sends currencies. Only the currencies of the network's
 * consulates are listed: a payment in any other is refused before a form is made.
 */
const NUMERIC_BY_ALPHA: Readonly<Record<string, string>> = {
  MAD: '504',
  EUR: '978',
  USD: '840',
  CAD: '124',
  GBP: '826',
  AED: '784',
  SAR: '682',
  JPY: '392',
  AUD: '036',
  XOF: '952',
};

const ALPHA_BY_NUMERIC: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NUMERIC_BY_ALPHA).map(([alpha, numeric]) => [numeric, alpha]),
);

export function numericCurrencyCode(alpha: string): string | null {
  return NUMERIC_BY_ALPHA[alpha] ?? null;
}

export function alphaCurrencyCode(numeric: string): string | null {
  return ALPHA_BY_NUMERIC[numeric.trim()] ?? null;
}

export function isGatewayCurrency(alpha: string): boolean {
  return alpha in NUMERIC_BY_ALPHA;
}

/** 15000 EUR → "150.00"; 1500 JPY → "1500" (the currency's own minor digits). */
export function gatewayAmount(amountMinor: number, currency: string): string {
  return decimalOf(amountMinor, currency);
}

/** "150.00" EUR → 15000; null when not a plain decimal with at most the currency's minor digits. */
export function minorFromGatewayAmount(text: string, currency: string): number | null {
  return minorOf(text, currency);
}
