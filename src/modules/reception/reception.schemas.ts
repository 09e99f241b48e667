import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { locales } from '../../platform/i18n/i18n.ts';
import { text } from '../../platform/text-input.ts';

export const convocationParams = z.object({ appointmentId: uuidSchema });

export const convocationQuery = z.object({
  lang: z.enum(locales).optional().describe('The convocation’s language; the account’s language when omitted'),
});

export const publicKeySchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKeyPem: z.string().describe('SubjectPublicKeyInfo, PEM'),
    tokenFormat: z.string(),
  })
  .meta({ id: 'ConvocationPublicKey' });

export const checkInParams = z.object({ consulateId: uuidSchema });

export const checkInBody = z
  .union([
    z.strictObject({ token: text().min(1).max(2048).describe('The convocation’s QR code content') }),
    z.strictObject({
      reference: text()
        .trim()
        .regex(/^[A-Za-z0-9-]{4,32}$/, 'must be an appointment reference such as PAR-7K3M-Q9XD'),
    }),
  ])
  .describe('Either the scanned QR token or the appointment reference');
