import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dammCheckDigit,
  formatStampNumber,
  newStampNumber,
  normalizeStampNumber,
  STAMP_NUMBER_LENGTH,
} from './stamp-number.ts';

describe('stamp numbers', () => {
  it('have 16 digits and a valid check digit', () => {
    for (let i = 0; i < 1000; i++) {
      const number = newStampNumber();
      expect(number).toMatch(/^[1-9][0-9]{15}$/);
      expect(normalizeStampNumber(number)).toBe(number);
    }
    expect(STAMP_NUMBER_LENGTH).toBe(16);
    expect(
      normalizeStampNumber(formatStampNumber('5724000000000000'.slice(0, 15) + dammCheckDigit('572400000000000'))),
    ).not.toBeNull();
  });

  it('detect every single-digit error', () => {
    const number = newStampNumber();
    for (let position = 0; position < number.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === number[position]) continue;
        const wrong = number.slice(0, position) + digit + number.slice(position + 1);
        expect(normalizeStampNumber(wrong), wrong).toBeNull();
      }
    }
  });

  it('detect every swap of two different adjacent digits, for any number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{15}$/), (body) => {
        const number = body + String(dammCheckDigit(body));
        for (let i = 0; i < number.length - 1; i++) {
          if (number[i] === number[i + 1]) continue;
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          if (normalizeStampNumber(swapped) !== null) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse letters and wrong lengths', () => {
    expect(normalizeStampNumber('1234')).toBeNull();
    expect(normalizeStampNumber('12345678901234AB')).toBeNull();
  });
});
