import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';

/**
 * The token a convocation's QR code carries: `base64url(JSON payload).base64url(Ed25519 signature)`.
 * The signature covers the encoded payload exactly as written (as in JWS), so no JSON
 * canonicalization is needed to check it. Anyone holding the published public key can check a
 * convocation offline; only the server can make one.
 */
export interface ConvocationClaims {
  appointmentId: string;
  reference: string;
  consulateCode: string;
  // UTC instant, ISO 8601.
  startsAt: string;
}

export interface ConvocationPayload extends ConvocationClaims {
  v: 1;
}

// Far above a real token (~280 characters): a guard against parsing and hashing large junk.
const MAX_TOKEN_LENGTH = 2048;
const ED25519_SIGNATURE_BYTES = 64;
const base64url = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z.strictObject({
  v: z.literal(1),
  appointmentId: z.uuid(),
  reference: z.string().min(1).max(64),
  consulateCode: z.string().min(1).max(16),
  startsAt: z.iso.datetime({ offset: true }),
});

/** Signs a convocation token for an appointment. */
export function signConvocationToken(privateKey: KeyObject, claims: ConvocationClaims): string {
  // Fixed field order: the same appointment always yields the same token.
  const payload: ConvocationPayload = {
    v: 1,
    appointmentId: claims.appointmentId,
    reference: claims.reference,
    consulateCode: claims.consulateCode,
    startsAt: claims.startsAt,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const signature = sign(null, Buffer.from(body, 'ascii'), privateKey).toString('base64url');
  return `${body}.${signature}`;
}

/** Decodes base64url only when the text is its one canonical encoding (no stray trailing bits). */
function canonicalBase64url(text: string): Buffer | null {
  if (!base64url.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/**
 * The payload of a token signed with the private key matching `publicKey`, or null for anything
 * else: malformed, tampered with, signed by another key, or carrying an unexpected payload.
 */
export function verifyConvocationToken(publicKey: KeyObject, token: string): ConvocationPayload | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body = '', signatureText = ''] = parts;
  const payloadBytes = canonicalBase64url(body);
  const signature = canonicalBase64url(signatureText);
  if (!payloadBytes || !signature || signature.length !== ED25519_SIGNATURE_BYTES) return null;
  let isAuthentic = false;
  try {
    isAuthentic = verify(null, Buffer.from(body, 'ascii'), publicKey, signature);
  } catch {
    // A key of the wrong type throws rather than answering false.
    return null;
  }
  if (!isAuthentic) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(payloadBytes.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}
