import { z } from 'zod';
import { text } from '../../platform/text-input.ts';

/**
 * The account and identity inputs as pure Zod: shared by the API (accounts.schemas.ts) and the web
 * app's forms, which bundle this file for the browser. Import nothing here but zod and the pure
 * text rule (text-input.ts): every text field starts from `text()`, never a bare `z.string()`.
 */
export const emailSchema = z
  .email({ error: 'must be an e-mail address' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());

// Length over composition rules (NIST SP 800-63B): at least 10 characters, at most 128.
export const passwordSchema = text()
  .min(10, 'must have at least 10 characters')
  .max(128, 'must have at most 128 characters');

export const latinName = text()
  .trim()
  .min(1, { message: 'is required', abort: true })
  .max(100)
  .regex(/^[\p{Script=Latin}][\p{Script=Latin}' .-]*$/u, 'must be written in Latin letters');
export const arabicName = text()
  .trim()
  .min(1, { message: 'is required', abort: true })
  .max(100)
  .regex(/^[\p{Script=Arabic}][\p{Script=Arabic}\s'-]*$/u, 'must be written in Arabic script');

// Formats of the Moroccan identity documents. CNIE: one or two letters then up to six digits
// (e.g. BE123456); passport: two letters then seven digits (e.g. AB1234567); consular
// registration: the consulate's number, 6 to 12 digits.
export const cnieNumber = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}[0-9]{1,6}$/, 'must be a CNIE number: 1–2 letters then up to 6 digits');
export const passportNumber = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}[0-9]{7}$/, 'must be a passport number: 2 letters then 7 digits');
export const consularRegistrationNumber = text()
  .trim()
  .regex(/^[0-9]{6,12}$/, 'must be a consular registration number: 6 to 12 digits');
export const phoneNumber = text()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be an international number, e.g. +33612345678'));
export const birthDate = z.iso
  .date({ error: 'must be a date YYYY-MM-DD' })
  .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'must be a date in the past');

/** The fields of a citizen's registration (the API adds the account's language). */
export const registerFields = {
  email: emailSchema,
  password: passwordSchema,
  givenNameLatin: latinName,
  familyNameLatin: latinName,
  givenNameArabic: arabicName.optional(),
  familyNameArabic: arabicName.optional(),
  // Services depend on age (an adult's or a minor's passport): asked once, at sign-up.
  birthDate: birthDate.optional(),
  phone: phoneNumber.optional().describe('For SMS notifications'),
};

export const personRelationInput = z.enum(['child', 'spouse', 'parent', 'other']);

const identityFields = {
  givenNameArabic: arabicName.nullable().optional(),
  familyNameArabic: arabicName.nullable().optional(),
  birthDate: birthDate.nullable().optional(),
  birthPlace: text().trim().min(1).max(120).nullable().optional(),
  cnieNumber: cnieNumber.nullable().optional(),
  passportNumber: passportNumber.nullable().optional(),
  consularRegistrationNumber: consularRegistrationNumber.nullable().optional(),
};

export const addPersonBody = z.object({
  relation: personRelationInput,
  givenNameLatin: latinName,
  familyNameLatin: latinName,
  ...identityFields,
});

export const updatePersonBody = z
  .object({ givenNameLatin: latinName.optional(), familyNameLatin: latinName.optional(), ...identityFields })
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });

export const confirmEmailBody = z.object({
  code: text()
    .trim()
    .regex(/^[0-9]{6}$/, 'must be the 6-digit code'),
});
export const passwordResetRequestBody = z.object({ email: emailSchema });
export const passwordResetBody = z.object({
  email: emailSchema,
  code: text()
    .trim()
    .regex(/^[0-9]{6}$/, 'must be the 6-digit code'),
  password: passwordSchema,
});
export const changePasswordBody = z.object({
  currentPassword: text().min(1).max(128),
  newPassword: passwordSchema,
});

export const signInBody = z.object({ email: emailSchema, password: text().min(1).max(128) });

// Staff's second factor. The code of the authenticator app, and a recovery code as printed
// (`XXXXX-XXXXX`; spaces, a missing dash or lower case are accepted, as people type them).
export const totpCodeInput = text()
  .trim()
  .regex(/^[0-9]{6}$/, 'must be the 6-digit code of the authenticator app');
export const recoveryCodeInput = text()
  .trim()
  .regex(/^[0-9A-Za-z]{5}[\s-]?[0-9A-Za-z]{5}$/, 'must be a recovery code: 10 letters and digits');
export const confirmSecondFactorBody = z.object({ code: totpCodeInput });
export const verifySecondFactorBody = z
  .object({ code: totpCodeInput.optional(), recoveryCode: recoveryCodeInput.optional() })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'give either the code of the app or a recovery code',
    path: ['code'],
  });
export const resetSecondFactorBody = z.object({ reason: text().trim().min(3, 'must say why').max(500) });
