import { AppError } from '../../platform/errors.ts';
import type { AgeBounds, Ineligibility } from './eligibility.ts';

/** The refusal for a person outside a service's ages, with the bounds a client can show. */
export function notEligible(bounds: AgeBounds, reason: Ineligibility): AppError {
  if (reason === 'birth_date_unknown') {
    return new AppError('BIRTH_DATE_REQUIRED', 422, 'This service depends on age: give the person’s date of birth.', {
      minAgeYears: bounds.minAgeYears,
      maxAgeYears: bounds.maxAgeYears,
    });
  }
  const range =
    reason === 'too_young' ? `from ${bounds.minAgeYears} years of age` : `up to ${bounds.maxAgeYears} years of age`;
  return new AppError('NOT_ELIGIBLE', 422, `This service is for persons ${range} on the day of the appointment.`, {
    reason,
    minAgeYears: bounds.minAgeYears,
    maxAgeYears: bounds.maxAgeYears,
  });
}
