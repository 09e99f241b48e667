import { type KeyObject, sign, verify } from 'node:crypto';

/** What a stamp's signature covers: enough to check it offline, nothing personal. */
export interface StampPayload {
  v: 1;
  number: string;
  consulate: string; // consulate code
  service: string; // service code
  amountMinor: number;
  currency: string;
  issuedAt: string; // ISO UTC
}

// Fixed field order: the signed bytes are this JSON, so anyone can rebuild them.
export function canonicalStampPayload(payload: StampPayload): string {
  return JSON.stringify({
    v: payload.v,
    number: payload.number,
    consulate: payload.consulate,
    service: payload.service,
    amountMinor: payload.amountMinor,
    currency: payload.currency,
    issuedAt: payload.issuedAt,
  });
}

export function signStamp(privateKey: KeyObject, payload: StampPayload): string {
  return sign(null, Buffer.from(canonicalStampPayload(payload)), privateKey).toString('base64url');
}

export function verifyStampSignature(publicKey: KeyObject, payload: StampPayload, signature: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalStampPayload(payload)), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The QR code's content: the payload and its signature, checkable offline with the public key. */
export function stampQrText(payload: StampPayload, signature: string): string {
  return `${Buffer.from(canonicalStampPayload(payload)).toString('base64url')}.${signature}`;
}
