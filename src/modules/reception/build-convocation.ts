import type { KeyObject } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { activeAppointmentStatuses, loadAppointmentFacts } from '../scheduling/index.ts';
import { signConvocationToken } from './convocation-token.ts';
import { renderConvocation } from './render-convocation.ts';

// A convocation is for an appointment one still goes to (or is at, once checked in).
const convocableStatuses = new Set<string>(activeAppointmentStatuses);

/**
 * The convocation PDF of an appointment on the citizen's account (their own or a relative's), with
 * the QR code of its signed token. Anyone else's appointment answers 404, as if it did not exist.
 */
export async function buildConvocation(
  deps: { db: Db; signingKey: KeyObject },
  input: { accountId: string; appointmentId: string; locale: Locale; now: Date },
): Promise<{ reference: string; pdf: Buffer }> {
  const facts = await loadAppointmentFacts(deps.db, input.appointmentId);
  if (!facts || facts.accountId !== input.accountId) {
    throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment on your account.');
  }
  if (!convocableStatuses.has(facts.status)) {
    throw new AppError('CONVOCATION_UNAVAILABLE', 409, `An appointment that is ${facts.status} has no convocation.`);
  }
  const token = signConvocationToken(deps.signingKey, {
    appointmentId: facts.appointmentId,
    reference: facts.reference,
    consulateCode: facts.consulate.code,
    startsAt: facts.startsAt,
  });
  const pdf = await renderConvocation({ facts, token, locale: input.locale, issuedAt: input.now });
  return { reference: facts.reference, pdf };
}
