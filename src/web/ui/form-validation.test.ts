import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addPersonBody, registerFields, signInBody } from '../../modules/accounts/accounts.inputs.ts';
import { validateWith, withoutBlanks } from './form-validation.ts';
import type { Translator } from './problem-message.ts';

const catalogue: Record<string, string> = {
  'form.required': 'Fill in this field.',
  'form.tooLong': 'Write at most {{max}} characters.',
  'form.invalid': 'Check this field.',
  'fields.email.required': 'Enter your e-mail address.',
  'fields.email.format': 'Enter an e-mail address like name@example.org.',
  'fields.email.tooLong': 'An e-mail address has at most {{max}} characters.',
  'fields.password.required': 'Enter your password.',
  'fields.password.tooShort': 'Your password needs at least {{min}} characters.',
  'fields.password.tooLong': 'Your password can have at most {{max}} characters.',
  'fields.givenNameLatin.required': 'Enter your given name.',
  'fields.givenNameLatin.format': 'Write your given name in Latin letters.',
  'fields.givenNameArabic.format': 'Write this name in Arabic letters, or leave it blank.',
  'fields.passportNumber.invalid': 'A passport number is 2 letters then 7 digits, e.g. AB1234567.',
  'fields.birthDate.invalid': 'Enter a date of birth in the past.',
};
const tr: Translator = {
  exists: (key) => key in catalogue,
  t: (key, params = {}) =>
    (catalogue[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? '')),
};

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

  it('says what is missing, field by field, not one sentence for all', () => {
    expect(signUp({ ...good, email: '', password: '  ', givenNameLatin: ' ' })).toEqual({
      email: 'Enter your e-mail address.',
      password: 'Enter your password.',
      givenNameLatin: 'Enter your given name.',
    });
  });

  it('tells a wrong format, a value too short and one too long apart, with the limit', () => {
    expect(signUp({ ...good, email: 'amina.example.org', password: 'short', givenNameLatin: 'Amina2' })).toEqual({
      email: 'Enter an e-mail address like name@example.org.',
      password: 'Your password needs at least 10 characters.',
      givenNameLatin: 'Write your given name in Latin letters.',
    });
    expect(signUp({ ...good, email: `${'a'.repeat(250)}@b.org`, password: 'x'.repeat(129) })).toEqual({
      email: 'An e-mail address has at most 254 characters.',
      password: 'Your password can have at most 128 characters.',
    });
  });

  it('falls back on the field’s own sentence, then on the general one for that kind of fault', () => {
    expect(signUp({ ...good, givenNameArabic: 'Amina', familyNameLatin: 'B'.repeat(101), phone: '0612' })).toEqual({
      givenNameArabic: 'Write this name in Arabic letters, or leave it blank.',
      familyNameLatin: 'Write at most 100 characters.',
      phone: 'Check this field.',
    });
  });

  it('asks for a password to sign in, however short', () => {
    const signIn = validateWith(signInBody, tr);
    expect(signIn({ email: 'amina@example.org', password: '' })).toEqual({ password: 'Enter your password.' });
    expect(signIn({ email: 'amina@example.org', password: 'x' })).toEqual({});
  });

  it('checks a relative’s identity numbers and birth date with the API’s rules', () => {
    const relative = validateWith(addPersonBody, tr);
    const child = {
      relation: 'child',
      givenNameLatin: 'Yasmine',
      familyNameLatin: 'Benali',
      passportNumber: 'ab1234567',
    };
    expect(relative(child)).toEqual({});
    expect(relative({ ...child, passportNumber: 'AB12', birthDate: '2999-01-01' })).toEqual({
      passportNumber: 'A passport number is 2 letters then 7 digits, e.g. AB1234567.',
      birthDate: 'Enter a date of birth in the past.',
    });
  });
});
