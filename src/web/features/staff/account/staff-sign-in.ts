import { z } from 'zod';
import { recoveryCodeInput, signInBody, totpCodeInput } from '../../../../modules/accounts/accounts.inputs.ts';

// The API's own input rules (pure Zod, shared), with the form's field names.
export const passwordStepSchema = signInBody;
export const codeStepSchema = z.object({ totpCode: totpCodeInput });
export const recoveryStepSchema = z.object({ recoveryCode: recoveryCodeInput });

/** Where a staff sign-in stands: the password, then enrolling an authenticator app or giving its code. */
export type SignInStep = 'password' | 'enrol' | 'verify' | 'recovery-codes';

/** What the API answered to the password: a staff member owes a second factor (202), a citizen is in (200). */
export function nextStepOf(answer: unknown): 'enrol' | 'verify' | 'citizen' {
  const step = (answer as { secondFactor?: unknown } | undefined)?.secondFactor;
  return step === 'enrol' || step === 'verify' ? step : 'citizen';
}

/** Recovery codes as people keep them: one per line, for printing or a password manager. */
export const recoveryCodesText = (codes: readonly string[]) => `${codes.join('\n')}\n`;
