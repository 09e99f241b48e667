import { describe, expect, it } from 'vitest';
import type { Person } from '../../../api/types.ts';
import { addPersonSchema, emptyPerson, toAddBody, toUpdateBody, updatePersonSchema, valuesOf } from './person-form.ts';

const person: Person = {
  id: '0b7f3c1e-2f55-4a8e-9a34-5d1c2f7d9e10',
  relation: 'child',
  givenNameLatin: 'Yasmine',
  familyNameLatin: 'Benali',
  givenNameArabic: 'ياسمين',
  familyNameArabic: null,
  birthDate: '2015-04-02',
  birthPlace: null,
  cnieNumber: null,
  passportNumber: 'AB1234567',
  consularRegistrationNumber: null,
  noShowCount: 0,
};

describe('the relative form', () => {
  it('sends a new relative with blank fields left out, as the API accepts it', () => {
    const values = {
      ...emptyPerson(),
      givenNameLatin: ' Yasmine ',
      familyNameLatin: 'Benali',
      birthDate: '2015-04-02',
    };
    const body = toAddBody(values);
    expect(body).toMatchObject({ relation: 'child', givenNameLatin: 'Yasmine', birthDate: '2015-04-02' });
    expect(body.passportNumber).toBeUndefined();
    expect(addPersonSchema.safeParse(body).success).toBe(true);
  });

  it('clears an identity field emptied in a correction', () => {
    const values = { ...valuesOf(person), passportNumber: '', birthPlace: 'Lyon' };
    const body = toUpdateBody(values);
    expect(body).toMatchObject({
      passportNumber: null,
      birthPlace: 'Lyon',
      givenNameArabic: 'ياسمين',
      familyNameArabic: null,
    });
    expect(body).not.toHaveProperty('relation');
    expect(updatePersonSchema.safeParse(body).success).toBe(true);
  });
});
