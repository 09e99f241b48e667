import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addPersonBody, registerFields } from '../../modules/accounts/accounts.inputs.ts';
import { validateWith, withoutBlanks } from './form-validation.ts';
import type { Translator } from './problem-message.ts';

const catalogue: Record<string, string> = {
  'form.required': 'Fill in this field.',
  'form.invalid': 'Check this field.',
  'fields.password.invalid': 'Choose a password of at least 10 characters.',
  'fields.givenNameArabic.invalid': 'Write this name in Arabic letters, or leave it blank.',
  'fields.passportNumber.invalid': 'A passport number is 2 letters then 7 digits, e.g. AB1234567.',
};
const tr: Translator = { exists: (key) => key in catalogue, t: (key) => catalogue[key] ?? key };

// The sign-up form validates with the very fields the API registers with.
const signUp = validateWith(z.object(registerFields), tr);
const good = {
  email: 'amina@example.org',
  password: 'a long enough one',
  givenNameLatin: 'Amina',
  familyNameLatin: 'Benali',
  givenNameArabic: '',
  familyNameArabic: '',
  phone: '',
};

describe('validateWith', () => {
  it('accepts what the API accepts, blank optional fields left out', () => {
    expect(signUp(good)).toEqual({});
    expect(withoutBlanks({ phone: '  ', email: ' a@b.c ' })).toEqual({ phone: undefined, email: 'a@b.c' });
  });

  it('says each fault in the reader’s words, by field', () => {
    expect(signUp({ ...good, password: 'short', givenNameArabic: 'Amina', email: '' })).toEqual({
      password: 'Choose a password of at least 10 characters.',
      givenNameArabic: 'Write this name in Arabic letters, or leave it blank.',
      email: 'Fill in this field.',
    });
    expect(signUp({ ...good, phone: '0612' })).toEqual({ phone: 'Check this field.' });
  });

  it('checks a relative’s identity numbers with the API’s formats', () => {
    const relative = validateWith(addPersonBody, tr);
    const child = {
      relation: 'child',
      givenNameLatin: 'Yasmine',
      familyNameLatin: 'Benali',
      passportNumber: 'ab1234567',
    };
    expect(relative(child)).toEqual({});
    expect(relative({ ...child, passportNumber: 'AB12' })).toEqual({
      passportNumber: 'A passport number is 2 letters then 7 digits, e.g. AB1234567.',
    });
  });
});
