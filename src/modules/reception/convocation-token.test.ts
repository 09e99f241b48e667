import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signConvocationToken, verifyConvocationToken } from './convocation-token.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const claims = {
  appointmentId: '6f1c2f7e-3b7a-4c1e-9d2a-8f0e5b4c3a21',
  reference: 'PAR-7K3M-Q9XD',
  consulateCode: 'PAR',
  startsAt: '2026-12-08T13:30:00.000Z',
};

/** Flips one character of a base64url text to another valid one. */
const flip = (text: string, index: number) =>
  text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);

describe('convocation tokens', () => {
  it('round-trips the claims with a version', () => {
    const token = signConvocationToken(privateKey, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyConvocationToken(publicKey, token)).toEqual({ v: 1, ...claims });
  });

  it('is deterministic for the same appointment', () => {
    expect(signConvocationToken(privateKey, claims)).toBe(signConvocationToken(privateKey, { ...claims }));
  });

  it('refuses a token signed with another key, or checked with a key of another type', () => {
    const other = generateKeyPairSync('ed25519');
    const token = signConvocationToken(other.privateKey, claims);
    expect(verifyConvocationToken(publicKey, token)).toBeNull();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(verifyConvocationToken(rsa.publicKey, signConvocationToken(privateKey, claims))).toBeNull();
  });

  it('refuses any change to the payload or the signature', () => {
    const token = signConvocationToken(privateKey, claims);
    const [body, signature] = token.split('.') as [string, string];
    for (let i = 0; i < body.length; i += 7) {
      expect(verifyConvocationToken(publicKey, `${flip(body, i)}.${signature}`)).toBeNull();
    }
    for (let i = 0; i < signature.length - 1; i += 5) {
      expect(verifyConvocationToken(publicKey, `${body}.${flip(signature, i)}`)).toBeNull();
    }
    const forged = Buffer.from(JSON.stringify({ v: 1, ...claims, reference: 'PAR-2222-2222' })).toString('base64url');
    expect(verifyConvocationToken(publicKey, `${forged}.${signature}`)).toBeNull();
  });

  it('refuses a non-canonical encoding of the same signature', () => {
    const token = signConvocationToken(privateKey, claims);
    const [body, signature] = token.split('.') as [string, string];
    // 64 bytes take 86 characters; the last one carries 4 unused bits that decoding ignores.
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const variant = `${body}.${signature.slice(0, -1)}${sibling}`;
    expect(Buffer.from(variant.split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(verifyConvocationToken(publicKey, variant)).toBeNull();
  });

  it('refuses malformed tokens', () => {
    const token = signConvocationToken(privateKey, claims);
    for (const bad of [
      '',
      '.',
      'abc',
      `${token}.x`,
      token.replace('.', ''),
      `${token.split('.')[0]}.`,
      `.${token.split('.')[1]}`,
      token.replace('.', '.='),
      `${token} `,
      `${'a'.repeat(3000)}.${token.split('.')[1]}`,
    ]) {
      expect(verifyConvocationToken(publicKey, bad)).toBeNull();
    }
  });

  it('refuses a validly signed payload of the wrong shape', () => {
    const signed = (payload: unknown) => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${sign(null, Buffer.from(body), privateKey).toString('base64url')}`;
    };
    expect(verifyConvocationToken(publicKey, signed({ ...claims, v: 1 }))).not.toBeNull();
    expect(verifyConvocationToken(publicKey, signed({ ...claims, v: 2 }))).toBeNull();
    expect(verifyConvocationToken(publicKey, signed({ ...claims }))).toBeNull();
    expect(verifyConvocationToken(publicKey, signed({ ...claims, v: 1, extra: true }))).toBeNull();
    expect(verifyConvocationToken(publicKey, signed({ ...claims, v: 1, appointmentId: 'x' }))).toBeNull();
    expect(verifyConvocationToken(publicKey, signed([claims]))).toBeNull();
    const notJson = Buffer.from('not json').toString('base64url');
    const notJsonToken = `${notJson}.${sign(null, Buffer.from(notJson), privateKey).toString('base64url')}`;
    expect(verifyConvocationToken(publicKey, notJsonToken)).toBeNull();
  });
});
