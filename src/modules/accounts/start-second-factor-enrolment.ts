import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { enrolmentPicture, newTotpSecret, sealTotpSecret } from './totp.ts';

/**
 * Starts (or starts again) a staff member's enrolment: a fresh secret, sealed on the account and
 * not yet in force, shown this once as an otpauth:// URL and its QR code. Refused once enrolled:
 * only an administrator's reset opens a new enrolment, so a stolen password cannot replace the
 * authenticator of someone who has one.
 */
export async function startSecondFactorEnrolment(
  deps: { db: Db; masterKey: Buffer },
  accountId: string,
): Promise<{ secret: string; otpauthUrl: string; qrCode: string }> {
  const secret = newTotpSecret();
  const [account] = await queryRows<{ email: string }>(
    deps.db,
    sql`UPDATE accounts SET totp_secret_sealed = ${sealTotpSecret(deps.masterKey, accountId, secret)},
                            totp_last_step = NULL
        WHERE id = ${accountId} AND role <> 'citizen' AND totp_enrolled_at IS NULL
        RETURNING email`,
  );
  if (!account) {
    throw new AppError('SECOND_FACTOR_ALREADY_ENROLLED', 409, 'An authenticator is already enrolled: give its code.');
  }
  return { secret, ...(await enrolmentPicture(account.email, secret)) };
}
