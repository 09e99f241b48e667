import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DocumentDecryptionError, decryptDocument, encryptDocument } from './document-crypto.ts';

const masterKey = randomBytes(32);
const plain = Buffer.from('%PDF-1.7 a passport scan, or so we pretend\n%%EOF\n');

const flipByte = (text: string, index = 0) => {
  const bytes = Buffer.from(text, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString('base64');
};

describe('document encryption', () => {
  it('round-trips, and the ciphertext does not contain the plain text', () => {
    const sealed = encryptDocument(plain, masterKey, 'key-1');
    expect(sealed.ciphertext.length).toBe(plain.length);
    expect(sealed.ciphertext.includes(Buffer.from('%PDF'))).toBe(false);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.authTag, 'base64')).toHaveLength(16);
    expect(Buffer.from(sealed.wrappedKey, 'base64')).toHaveLength(12 + 16 + 32);
    expect(decryptDocument(sealed, masterKey, 'key-1').equals(plain)).toBe(true);
  });

  it('uses a fresh data key and IV for every document', () => {
    const a = encryptDocument(plain, masterKey);
    const b = encryptDocument(plain, masterKey);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('round-trips an empty buffer and a large one', () => {
    for (const bytes of [Buffer.alloc(0), randomBytes(3 * 1024 * 1024)]) {
      expect(decryptDocument(encryptDocument(bytes, masterKey), masterKey).equals(bytes)).toBe(true);
    }
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = encryptDocument(plain, masterKey);
    const ciphertext = Buffer.from(sealed.ciphertext);
    ciphertext[5] = ciphertext[5]! ^ 0x80;
    expect(() => decryptDocument({ ...sealed, ciphertext }, masterKey)).toThrow(DocumentDecryptionError);
  });

  it('refuses a tampered or truncated authentication tag, and a tampered IV', () => {
    const sealed = encryptDocument(plain, masterKey);
    expect(() => decryptDocument({ ...sealed, authTag: flipByte(sealed.authTag) }, masterKey)).toThrow(
      DocumentDecryptionError,
    );
    const shortTag = Buffer.from(sealed.authTag, 'base64').subarray(0, 8).toString('base64');
    expect(() => decryptDocument({ ...sealed, authTag: shortTag }, masterKey)).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument({ ...sealed, iv: flipByte(sealed.iv) }, masterKey)).toThrow(DocumentDecryptionError);
  });

  it('refuses a tampered wrapped key', () => {
    const sealed = encryptDocument(plain, masterKey);
    for (const index of [0, 12, 40]) {
      expect(() => decryptDocument({ ...sealed, wrappedKey: flipByte(sealed.wrappedKey, index) }, masterKey)).toThrow(
        DocumentDecryptionError,
      );
    }
  });

  it('refuses the wrong master key', () => {
    const sealed = encryptDocument(plain, masterKey);
    expect(() => decryptDocument(sealed, randomBytes(32))).toThrow(DocumentDecryptionError);
  });

  it('refuses a file moved under another storage key', () => {
    const sealed = encryptDocument(plain, masterKey, 'key-1');
    expect(() => decryptDocument(sealed, masterKey, 'key-2')).toThrow(DocumentDecryptionError);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => encryptDocument(plain, randomBytes(16))).toThrow(/32 bytes/);
  });
});
