import { z } from 'zod';
import {
  confirmEmailBody,
  passwordResetBody,
  passwordResetRequestBody,
  registerFields,
  signInBody,
} from '../../../../modules/accounts/accounts.inputs.ts';

// The account forms validate with the API's own input schemas (shared, pure Zod).
export const signUpSchema = z.object(registerFields);
export const signInSchema = signInBody;
export const confirmEmailSchema = confirmEmailBody;
export const askResetSchema = passwordResetRequestBody;
export const resetSchema = passwordResetBody;
