import { addPersonBody, updatePersonBody } from '../../../../modules/accounts/accounts.inputs.ts';
import type { Person } from '../../../api/types.ts';
import type { FormValues } from '../../../ui/form-validation.ts';

export const identityFields = [
  'givenNameArabic',
  'familyNameArabic',
  'birthDate',
  'birthPlace',
  'cnieNumber',
  'passportNumber',
  'consularRegistrationNumber',
] as const;

export const personFields = ['relation', 'givenNameLatin', 'familyNameLatin', ...identityFields] as const;

// The forms validate with the API's own schemas for adding and correcting a person.
export const addPersonSchema = addPersonBody;
export const updatePersonSchema = updatePersonBody;

export function emptyPerson(): FormValues {
  return Object.fromEntries(personFields.map((name) => [name, name === 'relation' ? 'child' : '']));
}

export function valuesOf(person: Person): FormValues {
  const values = emptyPerson();
  values.relation = person.relation;
  values.givenNameLatin = person.givenNameLatin;
  values.familyNameLatin = person.familyNameLatin;
  for (const name of identityFields) values[name] = person[name] ?? '';
  return values;
}

/** A new relative: blank identity fields are left out. */
export function toAddBody(values: FormValues): Record<string, string | undefined> {
  const body: Record<string, string | undefined> = {};
  for (const name of personFields) {
    const value = values[name]?.trim() ?? '';
    body[name] = value === '' ? undefined : value;
  }
  return body;
}

/** A correction: names are always sent; an identity field emptied is cleared (null). */
export function toUpdateBody(values: FormValues): Record<string, string | null> {
  const body: Record<string, string | null> = {
    givenNameLatin: values.givenNameLatin?.trim() ?? '',
    familyNameLatin: values.familyNameLatin?.trim() ?? '',
  };
  for (const name of identityFields) {
    const value = values[name]?.trim() ?? '';
    body[name] = value === '' ? null : value;
  }
  return body;
}
