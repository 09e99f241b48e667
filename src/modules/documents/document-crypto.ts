import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of a document: the file is sealed with a fresh random data key
 * (AES-256-GCM), and only that data key, itself sealed by the master key, is kept beside it.
 * Rotating the master key therefore re-wraps small keys, never re-encrypts files.
 */
export interface EncryptedDocument {
  ciphertext: Buffer;
  // Base64, as the documents table keeps them.
  iv: string;
  authTag: string;
  // The data key sealed by the master key: base64 of iv (12) | tag (16) | ciphertext (32).
  wrappedKey: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// Binds a wrapped key to its purpose, so a sealed data key cannot be replayed as anything else.
const WRAP_CONTEXT = Buffer.from('mawid:document-data-key:v1');

function seal(key: Buffer, plain: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function open(key: Buffer, sealed: { iv: Buffer; tag: Buffer; ciphertext: Buffer }, aad: Buffer): Buffer {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
    throw new DocumentDecryptionError('malformed iv or authentication tag');
  }
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new DocumentDecryptionError('authentication failed (wrong key, or altered data)');
  }
}

/** Raised when a document or its data key does not authenticate: never return such bytes. */
export class DocumentDecryptionError extends Error {
  constructor(reason: string) {
    super(`Document could not be decrypted: ${reason}`);
    this.name = 'DocumentDecryptionError';
  }
}

function assertMasterKey(masterKey: Buffer): void {
  if (masterKey.length !== KEY_BYTES) throw new Error('The document master key must be 32 bytes.');
}

/**
 * Encrypts a document under a fresh data key. `context` (the storage key) is authenticated with
 * the file, so a stored file moved under another document's name no longer decrypts.
 */
export function encryptDocument(plain: Buffer, masterKey: Buffer, context = ''): EncryptedDocument {
  assertMasterKey(masterKey);
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const file = seal(dataKey, plain, Buffer.from(context));
    const wrapped = seal(masterKey, dataKey, WRAP_CONTEXT);
    return {
      ciphertext: file.ciphertext,
      iv: file.iv.toString('base64'),
      authTag: file.tag.toString('base64'),
      wrappedKey: Buffer.concat([wrapped.iv, wrapped.tag, wrapped.ciphertext]).toString('base64'),
    };
  } finally {
    dataKey.fill(0);
  }
}

/** The plain bytes of an encrypted document; throws DocumentDecryptionError on any alteration. */
export function decryptDocument(
  encrypted: Omit<EncryptedDocument, 'ciphertext'> & { ciphertext: Buffer },
  masterKey: Buffer,
  context = '',
): Buffer {
  assertMasterKey(masterKey);
  const wrapped = Buffer.from(encrypted.wrappedKey, 'base64');
  if (wrapped.length !== IV_BYTES + TAG_BYTES + KEY_BYTES) throw new DocumentDecryptionError('malformed wrapped key');
  const dataKey = open(
    masterKey,
    {
      iv: wrapped.subarray(0, IV_BYTES),
      tag: wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
      ciphertext: wrapped.subarray(IV_BYTES + TAG_BYTES),
    },
    WRAP_CONTEXT,
  );
  try {
    return open(
      dataKey,
      {
        iv: Buffer.from(encrypted.iv, 'base64'),
        tag: Buffer.from(encrypted.authTag, 'base64'),
        ciphertext: encrypted.ciphertext,
      },
      Buffer.from(context),
    );
  } finally {
    dataKey.fill(0);
  }
}
