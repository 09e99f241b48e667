import { describe, expect, it } from 'vitest';
import { hasMessage, locales } from '../../platform/i18n/i18n.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

// The codes reception's use cases throw, beyond the platform's and scheduling's.
const errorCodes = [
  'ALREADY_CHECKED_IN',
  'CHECK_IN_NOT_TODAY',
  'CONVOCATION_TOKEN_INVALID',
  'CONVOCATION_UNAVAILABLE',
  'WALK_IN_NOT_ACCEPTED',
  'COUNTER_NOT_FOUND',
  'COUNTER_INACTIVE',
  'COUNTER_OCCUPIED',
  'COUNTER_HAS_CALLED_TICKET',
  'COUNTER_NOT_YOURS',
  'COUNTER_BUSY',
  'NO_TICKET_WAITING',
  'TICKET_NOT_FOUND',
  'TICKET_TRANSITION_REFUSED',
  'TICKET_NOT_CALLED_ENOUGH',
  'TRANSFER_SAME_DEPARTMENT',
  'SCREEN_TOKEN_NOT_FOUND',
  'SCREEN_NOT_FOUND',
  'SCREEN_REVOKED',
];

describe('reception’s texts', () => {
  it.each(locales)('translate every error code into %s', (locale) => {
    expect(errorCodes.filter((code) => !hasMessage(locale, `error.${code}`))).toEqual([]);
  });

  it('give the convocation and the printed ticket the same keys in every language, none empty', () => {
    const keys = Object.keys(fr).sort();
    for (const catalogue of [ar, en, es]) expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const catalogue of [ar, fr, en, es]) {
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });
});
