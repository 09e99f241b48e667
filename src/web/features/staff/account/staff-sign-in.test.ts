import { describe, expect, it } from 'vitest';
import { codeStepSchema, nextStepOf, recoveryCodesText, recoveryStepSchema } from './staff-sign-in.ts';

describe('the staff sign-in steps', () => {
  it('follows what the API says comes after the password', () => {
    expect(nextStepOf({ secondFactor: 'enrol', expiresAt: 'x' })).toBe('enrol');
    expect(nextStepOf({ secondFactor: 'verify', expiresAt: 'x' })).toBe('verify');
    expect(nextStepOf({ id: 'a', role: 'citizen' })).toBe('citizen');
  });

  it('checks a code and a recovery code as the API does', () => {
    expect(codeStepSchema.safeParse({ totpCode: ' 123456 ' }).success).toBe(true);
    expect(codeStepSchema.safeParse({ totpCode: '12345' }).success).toBe(false);
    expect(recoveryStepSchema.safeParse({ recoveryCode: 'ab12c-3d4e5' }).success).toBe(true);
    expect(recoveryStepSchema.safeParse({ recoveryCode: 'abc' }).success).toBe(false);
    expect(recoveryCodesText(['A', 'B'])).toBe('A\nB\n');
  });
});
