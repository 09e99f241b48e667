import { z } from 'zod';
import { locales } from '../../platform/i18n/i18n.ts';
import { registerFields } from './accounts.inputs.ts';
import { roles } from './accounts.tables.ts';

// The pure input schemas live in accounts.inputs.ts (the web app shares them).
export {
  addPersonBody,
  arabicName,
  birthDate,
  changePasswordBody,
  cnieNumber,
  confirmEmailBody,
  consularRegistrationNumber,
  emailSchema,
  latinName,
  passportNumber,
  passwordResetBody,
  passwordResetRequestBody,
  passwordSchema,
  personRelationInput,
  phoneNumber,
  registerFields,
  signInBody,
  updatePersonBody,
} from './accounts.inputs.ts';

export const registerBody = z.object({ ...registerFields, locale: z.enum(locales).default('fr') });

export const personParams = z.object({ personId: z.uuid({ error: 'must be a UUID' }) });

export const personSchema = z
  .object({
    id: z.uuid(),
    relation: z.string(),
    givenNameLatin: z.string(),
    familyNameLatin: z.string(),
    givenNameArabic: z.string().nullable(),
    familyNameArabic: z.string().nullable(),
    birthDate: z.string().nullable(),
    birthPlace: z.string().nullable(),
    cnieNumber: z.string().nullable(),
    passportNumber: z.string().nullable(),
    consularRegistrationNumber: z.string().nullable(),
    noShowCount: z.number().int().describe('Missed appointments on record'),
  })
  .meta({ id: 'Person' });

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(roles),
    consulateId: z.uuid().nullable(),
    departmentIds: z.array(z.uuid()),
    locale: z.string(),
    phone: z.string().nullable(),
    emailConfirmed: z.boolean(),
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
