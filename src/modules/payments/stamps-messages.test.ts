import { describe, expect, it } from 'vitest';
import { hasMessage, locales } from '../../platform/i18n/i18n.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { breakReasons } from './reconciliation/reconciliation-terms.ts';

// The codes thrown by consumption, refunds, verification, receipts and reconciliation.
const errorCodes = [
  'STAMP_NUMBER_INVALID',
  'STAMP_NOT_FOUND',
  'STAMP_QR_INVALID',
  'STAMP_ALREADY_CONSUMED',
  'STAMP_REFUNDED',
  'STAMP_WRONG_SERVICE',
  'PAYMENT_NOT_FOUND',
  'PAYMENT_ALREADY_REFUNDED',
  'PAYMENT_NOT_REFUNDABLE',
  'REFUNDABLE_AMOUNT_CHANGED',
  'REFUND_EXCEEDS_REFUNDABLE',
  'REFUND_NOT_ALLOWED',
  'SETTLEMENT_FILE_INVALID',
  'SETTLEMENT_FILE_EXISTS',
  'SETTLEMENT_DAY_OPEN',
  'BREAK_NOT_FOUND',
  'BREAK_ALREADY_RESOLVED',
];

describe('the texts of stamps and reconciliation', () => {
  it.each(locales)('translate every error code into %s', (locale) => {
    expect(errorCodes.filter((code) => !hasMessage(locale, `error.${code}`))).toEqual([]);
  });

  it('give the receipt and the report the same keys in every language, none empty', () => {
    const keys = Object.keys(fr).sort();
    for (const catalogue of [ar, en, es]) expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const catalogue of [ar, fr, en, es]) {
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
    for (const reason of breakReasons) expect(keys).toContain(`recon.reason.${reason}`);
  });
});
