import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Small secrets kept in the database sealed with AES-256-GCM (a staff member's TOTP secret).
 *
 * The key is derived from the master key (HKDF-SHA256) for one purpose, so a value sealed for one
 * use can never be opened as another, and the master key itself never encrypts anything but the
 * documents' data keys. `context` (e.g. the account id) is authenticated with the value: a sealed
 * secret copied onto another row no longer opens.
 *
 * Format: `v1.` + base64url(iv (12) | tag (16) | ciphertext).
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class UnsealError extends Error {
  constructor() {
    super('A sealed value could not be opened (wrong key, or altered data).');
    this.name = 'UnsealError';
  }
}

function purposeKey(masterKey: Buffer, purpose: string): Buffer {
  if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes.');
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `mawid:sealed:${purpose}:${VERSION}`, 32));
}

export function sealText(masterKey: Buffer, purpose: string, plain: string, context: string): string {
  const key = purposeKey(masterKey, purpose);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  key.fill(0);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** The plain text of a sealed value; throws UnsealError when it does not authenticate. */
export function openSealedText(masterKey: Buffer, purpose: string, sealed: string, context: string): string {
  const [version, body] = sealed.split('.', 2);
  const bytes = Buffer.from(body ?? '', 'base64url');
  if (version !== VERSION || bytes.length <= IV_BYTES + TAG_BYTES) throw new UnsealError();
  const key = purposeKey(masterKey, purpose);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new UnsealError();
  } finally {
    key.fill(0);
  }
}
