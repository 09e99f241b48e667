import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { openSealedText, sealText } from '../../platform/sealing.ts';

/**
 * Staff's second factor: TOTP (RFC 6238) as every authenticator app reads it — SHA-1, 6 digits,
 * 30-second steps, a 160-bit secret.
 */
export const TOTP_ISSUER = 'Mawid';
const PERIOD_SECONDS = 30;
// One step either side: a phone's clock a little off, or a code typed as it was changing.
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const SEALING_PURPOSE = 'totp-secret';

export const newTotpSecret = (): string => generateSecret({ length: 20 });

/** The secret sealed for its account: it opens only with the master key, and only on that account's row. */
export const sealTotpSecret = (masterKey: Buffer, accountId: string, secret: string): string =>
  sealText(masterKey, SEALING_PURPOSE, secret, accountId);

export const openTotpSecret = (masterKey: Buffer, accountId: string, sealed: string): string =>
  openSealedText(masterKey, SEALING_PURPOSE, sealed, accountId);

/** What an authenticator app scans: the otpauth:// URL, and the same as a PNG QR code in a data: URL. */
export async function enrolmentPicture(email: string, secret: string): Promise<{ otpauthUrl: string; qrCode: string }> {
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: PERIOD_SECONDS });
  const qrCode = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  return { otpauthUrl, qrCode };
}

export type TotpMatch = { timeStep: number } | 'used' | 'wrong';

/**
 * Checks a code at `now` (the application's clock, not the machine's). A code is accepted once:
 * a step at or before `lastStep` (the last one accepted) answers 'used', so the caller can tell a
 * person who typed the same code twice to wait for the next one.
 */
export async function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<TotpMatch> {
  const epoch = Math.floor(now.getTime() / 1000);
  const options = { secret, token: code, epoch, period: PERIOD_SECONDS, epochTolerance: TOLERANCE_SECONDS };
  const fresh = await verify(lastStep === null ? options : { ...options, afterTimeStep: lastStep });
  // otplib answers for TOTP and HOTP alike; only a TOTP match carries its time step.
  if (fresh.valid && 'timeStep' in fresh) return { timeStep: fresh.timeStep };
  if (lastStep !== null && (await verify(options)).valid) return 'used';
  return 'wrong';
}

/** The current code of a secret (tests, and the demo's one-liner in the README does the same). */
export const totpCode = (secret: string, now: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(now.getTime() / 1000), period: PERIOD_SECONDS });
