import { describe, expect, it } from 'vitest';
import { eligibilityNote } from './eligibility-note.ts';

const adult = { minAgeYears: 18, maxAgeYears: null, horizonDays: 90 };
const minor = { minAgeYears: null, maxAgeYears: 17, horizonDays: 90 };
const now = new Date('2026-12-01T10:00:00Z');

describe('eligibilityNote', () => {
  it('leaves an 11-year-old out of the adult passport, saying why', () => {
    expect(eligibilityNote(adult, '2015-03-01', 'Europe/Paris', now)).toEqual({
      isOffered: false,
      key: 'newRequest.eligibility.tooYoung',
      params: { age: 11, min: 18, max: 0 },
    });
    expect(eligibilityNote(minor, '2015-03-01', 'Europe/Paris', now)).toEqual({ isOffered: true });
  });

  it('offers someone who comes of age within the booking horizon, and asks for an unknown date of birth', () => {
    expect(eligibilityNote(adult, '2009-01-15', 'Europe/Paris', now).isOffered).toBe(true);
    expect(eligibilityNote(minor, '1990-01-01', 'Europe/Paris', now)).toMatchObject({
      isOffered: false,
      key: 'newRequest.eligibility.tooOld',
    });
    expect(eligibilityNote(adult, null, 'Europe/Paris', now)).toEqual({
      isOffered: true,
      key: 'newRequest.eligibility.birthDateNeeded',
    });
    expect(eligibilityNote({ minAgeYears: null, maxAgeYears: null, horizonDays: 30 }, null, 'Asia/Tokyo', now)).toEqual(
      {
        isOffered: true,
      },
    );
  });
});
