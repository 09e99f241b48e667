import { ageOn, ineligibilityWithin } from '../../../../modules/network/eligibility.ts';
import { addDays, todayIn } from '../../../ui/local-time.ts';

/** What the "for whom" choice says of a person for a service that depends on age. */
export type EligibilityNote =
  | { isOffered: true; key?: undefined }
  | { isOffered: true; key: 'newRequest.eligibility.birthDateNeeded' }
  | {
      isOffered: false;
      key: 'newRequest.eligibility.tooYoung' | 'newRequest.eligibility.tooOld';
      params: { age: number; min: number; max: number };
    };

/**
 * The API decides (the request, then the booking on the appointment's date); this only explains
 * beforehand why a relative is not offered: someone too young or too old on every day the
 * consulate books (today to the horizon, in its zone) is left out, with a sentence saying why.
 */
export function eligibilityNote(
  service: { minAgeYears: number | null; maxAgeYears: number | null; horizonDays: number },
  birthDate: string | null,
  timeZone: string,
  now: Date = new Date(),
): EligibilityNote {
  const today = todayIn(timeZone, now);
  const why = ineligibilityWithin(service, birthDate, today, addDays(today, service.horizonDays));
  if (why === null) return { isOffered: true };
  if (why === 'birth_date_unknown') return { isOffered: true, key: 'newRequest.eligibility.birthDateNeeded' };
  return {
    isOffered: false,
    key: why === 'too_young' ? 'newRequest.eligibility.tooYoung' : 'newRequest.eligibility.tooOld',
    params: { age: ageOn(birthDate ?? today, today), min: service.minAgeYears ?? 0, max: service.maxAgeYears ?? 0 },
  };
}
