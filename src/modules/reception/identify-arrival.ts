import type { KeyObject } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { verifyConvocationToken } from './convocation-token.ts';

/** How an arrival is identified at the desk: the convocation's QR code, or its reference read out or typed. */
export type CheckInBy = { token: string } | { reference: string };

/**
 * The SQL condition naming the appointment (`a`, joined with its consulate `c`), from a verified
 * token or a reference.
 */
export function identifyArrival(publicKey: KeyObject, by: CheckInBy): SQL {
  if ('token' in by) {
    const payload = verifyConvocationToken(publicKey, by.token);
    if (!payload) {
      throw new AppError('CONVOCATION_TOKEN_INVALID', 400, 'The QR code is not a convocation signed by this service.');
    }
    // The token names the appointment, not its time: a convocation printed before the appointment
    // was moved within the day still identifies it; the day is checked against the current time.
    return sql`a.id = ${payload.appointmentId} AND a.reference = ${payload.reference} AND c.code = ${payload.consulateCode}`;
  }
  // References are printed in capitals; people type them any way.
  return sql`a.reference = ${by.reference.trim().toUpperCase()}`;
}
