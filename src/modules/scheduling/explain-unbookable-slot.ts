import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { ineligibilityOn } from '../network/eligibility.ts';
import { notEligible } from '../network/not-eligible.ts';
import { openRequestStatuses } from '../requests/request-status.ts';
import { requests } from '../requests/requests.tables.ts';
import { activeStatusesSql } from './appointment-status.ts';
import { horizonEnd, type Offer } from './availability.ts';
import { slots } from './scheduling.tables.ts';
import { localDateOf } from './slot-engine.ts';

const openStatusesSql = sql.raw(`(${openRequestStatuses.map((s) => `'${s}'`).join(', ')})`);

/**
 * After the atomic booking statement took no seat, says why, in words a person can act on. It reads
 * after the fact, so it only chooses the message; the decision was the statement's.
 */
export async function explainUnbookableSlot(
  db: Db,
  input: {
    slotId: number;
    personId: string;
    ownerAccountId: string;
    offer: Offer;
    now: Date;
    requestId?: string;
    serviceId?: string;
    // A booking is also refused for a person who already holds an appointment; a move is not.
    purpose: 'book' | 'move';
  },
): Promise<AppError> {
  const { offer } = input;
  // Read afresh: the offer the caller holds may be a cached copy.
  const [holder] = await queryRows<{
    confirmed: boolean;
    birth_date: string | null;
    is_person: boolean;
    requires_verification: boolean;
  }>(
    db,
    sql`SELECT a.email_verified_at IS NOT NULL AS confirmed, p.birth_date::text AS birth_date, p.id IS NOT NULL AS is_person,
               (SELECT requires_verification FROM services WHERE id = ${offer.serviceId}) AS requires_verification
        FROM accounts a LEFT JOIN persons p ON p.id = ${input.personId} AND p.account_id = a.id
        WHERE a.id = ${input.ownerAccountId}`,
  );
  if (holder && !holder.confirmed) {
    return new AppError('EMAIL_NOT_CONFIRMED', 403, 'Confirm your e-mail address with the code we sent first.');
  }
  if (!holder?.is_person) return new AppError('PERSON_NOT_FOUND', 404, 'This person is not on the account.');
  if (input.purpose === 'book' && !input.requestId && holder.requires_verification) {
    return new AppError(
      'REQUEST_REQUIRED',
      422,
      'This service is booked from an accepted request: give its requestId.',
    );
  }
  if (input.purpose === 'book') {
    const [active] = await queryRows<{ id: string; reference: string }>(
      db,
      sql`SELECT id, reference FROM appointments WHERE person_id = ${input.personId} AND consulate_id = ${offer.consulateId}
            AND service_id = ${offer.serviceId} AND status IN ${activeStatusesSql} LIMIT 1`,
    );
    if (active) {
      return new AppError(
        'ACTIVE_APPOINTMENT_EXISTS',
        409,
        `This person already holds an active appointment for this service at this consulate (${active.reference}).`,
        { appointmentId: active.id, reference: active.reference },
      );
    }
  }
  if (input.requestId) {
    const [request] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.id, input.requestId), eq(requests.accountId, input.ownerAccountId)));
    const isSameSubject =
      request?.personId === input.personId &&
      request.consulateId === offer.consulateId &&
      request.serviceId === (input.serviceId ?? offer.serviceId);
    if (!request || !isSameSubject) {
      return new AppError('REQUEST_NOT_FOUND', 404, 'No such request for this person, service and consulate.');
    }
    if (request.status !== 'accepted') {
      return new AppError('REQUEST_NOT_ACCEPTED', 409, `The request is ${request.status}, not accepted.`, {
        requestStatus: request.status,
      });
    }
  } else if (input.purpose === 'book') {
    // A direct booking opens a request, and a person has one open request per service in the network.
    const [open] = await queryRows<{ id: string; reference: string; consulate_id: string }>(
      db,
      sql`SELECT id, reference, consulate_id FROM requests
          WHERE person_id = ${input.personId} AND service_id = ${offer.serviceId} AND status IN ${openStatusesSql}
            AND NOT (consulate_id = ${offer.consulateId} AND status = 'accepted')
          LIMIT 1`,
    );
    if (open) {
      return new AppError(
        'OPEN_REQUEST_EXISTS',
        409,
        `This person already has an open request for this service (${open.reference}): book from it, or withdraw it first.`,
        { requestId: open.id, reference: open.reference, consulateId: open.consulate_id },
      );
    }
  }
  const [slot] = await db.select().from(slots).where(eq(slots.id, input.slotId));
  if (!slot || slot.departmentId !== offer.departmentId) {
    return new AppError('SLOT_NOT_FOUND', 404, `Slot ${input.slotId} does not exist for this service.`);
  }
  if (slot.status !== 'open') {
    return new AppError('SLOT_UNAVAILABLE', 409, 'This slot is no longer offered (closure or changed hours).');
  }
  if (slot.startsAt.getTime() < input.now.getTime() + offer.minNoticeMinutes * 60_000) {
    return new AppError('SLOT_TOO_SOON', 422, 'This slot is inside the minimum notice or already past.');
  }
  if (slot.startsAt.getTime() >= horizonEnd(input.now, offer).getTime()) {
    return new AppError('SLOT_BEYOND_HORIZON', 422, 'This slot is beyond the booking horizon.');
  }
  const ineligibility = ineligibilityOn(offer, holder.birth_date, localDateOf(slot.startsAt, offer.timeZone));
  if (ineligibility) return notEligible(offer, ineligibility);
  return new AppError('SLOT_FULL', 409, 'This slot is full: every seat has been taken.');
}
