import { z } from 'zod';
import { locales } from '../../platform/i18n/i18n.ts';
import { registerFields } from './accounts.inputs.ts';
import { roles } from './accounts.tables.ts';
import { RECOVERY_CODE_COUNT } from './recovery-codes.ts';

// The pure input schemas live in accounts.inputs.ts (the web app shares them).
export {
  addPersonBody,
  arabicName,
  birthDate,
  changePasswordBody,
  cnieNumber,
  confirmEmailBody,
  confirmSecondFactorBody,
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
  resetSecondFactorBody,
  signInBody,
  updatePersonBody,
  verifySecondFactorBody,
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

/** What a staff session still owes before it opens anything. */
export const secondFactorStepSchema = z
  .object({
    secondFactor: z
      .enum(['enrol', 'verify'])
      .describe('enrol: no authenticator yet (start the enrolment); verify: give the code of the app'),
    expiresAt: z.string().describe('When this half-open session ends if the second factor is not given'),
  })
  .meta({ id: 'SecondFactorStep' });

export const secondFactorEnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32, for typing into an app by hand; shown this once'),
    otpauthUrl: z.string().describe('otpauth://totp/… as authenticator apps read it'),
    qrCode: z.string().describe('The otpauth URL as a PNG QR code, in a data: URL'),
  })
  .meta({ id: 'SecondFactorEnrolment' });

export const recoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .length(RECOVERY_CODE_COUNT)
      .describe('Single-use codes that replace the app once each; shown this once'),
  })
  .meta({ id: 'RecoveryCodes' });

export const consulateStaffParams = z.object({
  consulateId: z.uuid({ error: 'must be a UUID' }),
  accountId: z.uuid({ error: 'must be a UUID' }),
});
export const staffParams = z.object({ accountId: z.uuid({ error: 'must be a UUID' }) });
