import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { persons } from '../accounts/accounts.tables.ts';
import { requests } from '../requests/requests.tables.ts';
import { horizonEnd, type Offer } from './availability.ts';
import { slots } from './scheduling.tables.ts';

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
  const [person] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, input.personId), eq(persons.accountId, input.ownerAccountId)));
  if (!person) return new AppError('PERSON_NOT_FOUND', 404, 'This person is not on the account.');
  const [active] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM appointments WHERE person_id = ${input.personId} AND consulate_id = ${input.offer.consulateId}
          AND service_id = ${input.offer.serviceId} AND status IN ('booked', 'checked_in') LIMIT 1`,
  );
  if (active && input.purpose === 'book') {
    return new AppError(
      'ACTIVE_APPOINTMENT_EXISTS',
      409,
      'This person already holds an active appointment for this service at this consulate.',
    );
  }
  if (input.requestId) {
    const [request] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.id, input.requestId), eq(requests.accountId, input.ownerAccountId)));
    const isSameSubject =
      request?.personId === input.personId &&
      request.consulateId === input.offer.consulateId &&
      request.serviceId === (input.serviceId ?? input.offer.serviceId);
    if (!request || !isSameSubject) {
      return new AppError('REQUEST_NOT_FOUND', 404, 'No such request for this person, service and consulate.');
    }
    if (request.status !== 'accepted') {
      return new AppError('REQUEST_NOT_ACCEPTED', 409, `The request is ${request.status}, not accepted.`);
    }
  }
  const [slot] = await db.select().from(slots).where(eq(slots.id, input.slotId));
  if (!slot || slot.departmentId !== input.offer.departmentId) {
    return new AppError('SLOT_NOT_FOUND', 404, `Slot ${input.slotId} does not exist for this service.`);
  }
  if (slot.status !== 'open') {
    return new AppError('SLOT_UNAVAILABLE', 409, 'This slot is no longer offered (closure or changed hours).');
  }
  if (slot.startsAt.getTime() < input.now.getTime() + input.offer.minNoticeMinutes * 60_000) {
    return new AppError('SLOT_TOO_SOON', 422, 'This slot is inside the minimum notice or already past.');
  }
  if (slot.startsAt.getTime() >= horizonEnd(input.now, input.offer).getTime()) {
    return new AppError('SLOT_BEYOND_HORIZON', 422, 'This slot is beyond the booking horizon.');
  }
  return new AppError('SLOT_FULL', 409, 'This slot is full: every seat has been taken.');
}
