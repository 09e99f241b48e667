import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { newAppointmentReference, REFERENCE_ALPHABET, referencePattern } from './appointment-reference.ts';
import { appointmentStatuses, assertTransition, canTransition, isActive } from './appointment-status.ts';

const allowed = new Set([
  'booked>checked_in',
  'booked>cancelled_by_citizen',
  'booked>cancelled_by_consulate',
  'booked>no_show',
  'checked_in>completed',
  'checked_in>cancelled_by_consulate',
]);

describe('appointment status transitions', () => {
  for (const from of appointmentStatuses) {
    for (const to of appointmentStatuses) {
      const isAllowed = allowed.has(`${from}>${to}`);
      it(`${isAllowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(from, to)).toBe(isAllowed);
        if (isAllowed) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrowError(AppError);
      });
    }
  }

  it('counts only booked and checked-in appointments as holding a seat', () => {
    expect(appointmentStatuses.filter(isActive)).toEqual(['booked', 'checked_in']);
  });
});

describe('appointment references', () => {
  it('carry the consulate code and no ambiguous character', () => {
    const references = Array.from({ length: 2000 }, () => newAppointmentReference('PAR'));
    for (const reference of references) {
      expect(reference).toMatch(referencePattern);
      expect(reference.slice(4)).not.toMatch(/[01OILUV]/);
    }
    // 2,000 draws from 29^8 possibilities: a repeat would mean a broken generator.
    expect(new Set(references).size).toBe(references.length);
    expect(
      new Set(
        references
          .join('')
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 5000),
      ).size,
    ).toBeGreaterThan(20);
    expect(REFERENCE_ALPHABET).toHaveLength(29);
  });
});
