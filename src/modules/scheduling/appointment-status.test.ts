import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { newAppointmentReference, REFERENCE_ALPHABET, referencePattern } from './appointment-reference.ts';
import {
  type AppointmentStatus,
  appointmentStatuses,
  appointmentStatusesLeadingTo,
  assertTransition,
  canTransition,
  isActive,
  isFinal,
} from './appointment-status.ts';

const allowed = new Set([
  'booked>checked_in',
  'booked>cancelled_by_citizen',
  'booked>cancelled_by_consulate',
  'booked>no_show',
  'checked_in>called',
  'checked_in>not_served',
  'called>served',
  'called>not_served',
  'called>checked_in',
  'called>no_show',
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

  it('counts only booked, checked-in and called appointments as active', () => {
    expect(appointmentStatuses.filter(isActive)).toEqual(['booked', 'checked_in', 'called']);
  });

  it('ends every path: each active status reaches a final one, and final statuses lead nowhere', () => {
    const finals = appointmentStatuses.filter(isFinal);
    expect(finals.sort()).toEqual(
      ['served', 'not_served', 'no_show', 'cancelled_by_citizen', 'cancelled_by_consulate'].sort(),
    );
    expect(finals.some(isActive)).toBe(false);
    for (const status of appointmentStatuses.filter(isActive)) {
      const reachable = new Set<AppointmentStatus>([status]);
      for (let grown = true; grown; ) {
        grown = false;
        for (const from of [...reachable]) {
          for (const to of appointmentStatuses) {
            if (canTransition(from, to) && !reachable.has(to)) {
              reachable.add(to);
              grown = true;
            }
          }
        }
      }
      expect(finals.some((f) => reachable.has(f))).toBe(true);
    }
    expect(appointmentStatusesLeadingTo('not_served')).toEqual(['checked_in', 'called']);
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
