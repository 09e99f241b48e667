import { describe, expect, it } from 'vitest';
import { ageOn, ineligibilityOn, ineligibilityWithin } from './eligibility.ts';

describe('eligibility by age', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2008-12-10', '2026-12-09')).toBe(17);
    expect(ageOn('2008-12-10', '2026-12-10')).toBe(18);
    expect(ageOn('2015-03-01', '2026-12-01')).toBe(11);
  });

  it('counts a 29 February birthday on the 28th in common years, as PostgreSQL date arithmetic does', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  const adult = { minAgeYears: 18, maxAgeYears: null };
  const minor = { minAgeYears: null, maxAgeYears: 17 };

  it('refuses an adult passport to an 11-year-old and a minor passport to an adult', () => {
    expect(ineligibilityOn(adult, '2015-03-01', '2026-12-01')).toBe('too_young');
    expect(ineligibilityOn(minor, '2015-03-01', '2026-12-01')).toBeNull();
    expect(ineligibilityOn(minor, '1990-01-01', '2026-12-01')).toBe('too_old');
    expect(ineligibilityOn(adult, '1990-01-01', '2026-12-01')).toBeNull();
  });

  it('needs a birth date only for a service with bounds', () => {
    expect(ineligibilityOn(adult, null, '2026-12-01')).toBe('birth_date_unknown');
    expect(ineligibilityOn({ minAgeYears: null, maxAgeYears: null }, null, '2026-12-01')).toBeNull();
  });

  it('lets someone who comes of age within the window open the request now', () => {
    expect(ineligibilityWithin(adult, '2008-12-20', '2026-12-01', '2027-03-01')).toBeNull();
    expect(ineligibilityWithin(adult, '2009-12-20', '2026-12-01', '2027-03-01')).toBe('too_young');
    expect(ineligibilityWithin({ minAgeYears: 17, maxAgeYears: 17 }, '2010-06-01', '2026-12-01', '2028-12-01')).toBe(
      null,
    );
  });
});
