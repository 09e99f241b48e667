import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMinutes, formatMoney } from './money.ts';

// Intl puts narrow no-break spaces and direction marks in; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

describe('formatMoney', () => {
  it('knows each currency’s minor digits', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('XOF')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('turns minor units into major units by the currency’s digits', () => {
    expect(plain(formatMoney({ amountMinor: 5520, currency: 'EUR' }, 'fr-FR'))).toBe('55,20 €');
    expect(plain(formatMoney({ amountMinor: 5520, currency: 'EUR' }, 'en-GB'))).toBe('€55.20');
    expect(plain(formatMoney({ amountMinor: 3000, currency: 'JPY' }, 'en-GB'))).toBe('JP¥3,000');
    expect(plain(formatMoney({ amountMinor: 36000, currency: 'XOF' }, 'fr-FR'))).toBe('36 000 F CFA');
    expect(plain(formatMoney({ amountMinor: 1250, currency: 'KWD' }, 'en-GB'))).toBe('KWD 1.250');
  });

  it('keeps small amounts and cents exact', () => {
    expect(plain(formatMoney({ amountMinor: 5, currency: 'EUR' }, 'en-GB'))).toBe('€0.05');
    expect(plain(formatMoney({ amountMinor: 0, currency: 'EUR' }, 'en-GB'))).toBe('€0.00');
    expect(plain(formatMoney({ amountMinor: 123456789012, currency: 'USD' }, 'en-GB'))).toBe('US$1,234,567,890.12');
  });

  it('formats for the Arabic reader with the currency’s symbol', () => {
    // Moroccan Arabic writes Western digits with a decimal comma.
    expect(plain(formatMoney({ amountMinor: 27000, currency: 'AED' }, 'ar-MA'))).toBe('270,00 د.إ.');
  });
});

describe('formatMinutes', () => {
  it('says minutes in the reader’s language', () => {
    expect(formatMinutes(30, 'fr-FR')).toBe('30 minutes');
    expect(formatMinutes(20, 'es-ES')).toBe('20 minutos');
    expect(formatMinutes(15, 'en-GB')).toBe('15 minutes');
  });
});
