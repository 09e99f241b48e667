import { z } from 'zod';
import { locales } from '../../platform/i18n/i18n.ts';
import { roles } from './accounts.tables.ts';

export const emailSchema = z
  .email({ error: 'must be an e-mail address' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());

// Length over composition rules (NIST SP 800-63B): at least 10 characters, at most 128.
export const passwordSchema = z
  .string()
  .min(10, 'must have at least 10 characters')
  .max(128, 'must have at most 128 characters');

const personName = z.string().trim().min(1, 'is required').max(100);
const arabicName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\u0600-\u06FF\u0750-\u077F\s'-]+$/, 'must be written in Arabic script');

export const registerBody = z.object({
  email: emailSchema,
  password: passwordSchema,
  givenNameLatin: personName,
  familyNameLatin: personName,
  givenNameArabic: arabicName.optional(),
  familyNameArabic: arabicName.optional(),
  locale: z.enum(locales).default('fr'),
});

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1).max(128) });

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(roles),
    consulateId: z.uuid().nullable(),
    departmentIds: z.array(z.uuid()),
    locale: z.string(),
    persons: z.array(
      z.object({
        id: z.uuid(),
        relation: z.string(),
        givenNameLatin: z.string(),
        familyNameLatin: z.string(),
        givenNameArabic: z.string().nullable(),
        familyNameArabic: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Me' });
