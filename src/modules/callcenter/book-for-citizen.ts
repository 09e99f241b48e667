import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requestOfCitizen } from '../requests/index.ts';
import { type AvailabilityCache, bookAppointment, presentAppointment } from '../scheduling/index.ts';
import { actorOf, type OnBehalf, runOnBehalf } from './on-behalf.ts';

/** What the agent books: from the citizen's accepted request, or a service that needs none. */
export type BookingChoice =
  | { slotId: number; requestId: string }
  | { slotId: number; consulateId: string; serviceId: string; personId?: string };

type AppointmentView = ReturnType<typeof presentAppointment>;

async function bookingTarget(db: Db, citizenAccountId: string, choice: BookingChoice) {
  if ('requestId' in choice) {
    // A service that needs verification is booked from the request the consulate accepted (the
    // booking statement checks it is still accepted); the request names consulate, service and person.
    const request = await requestOfCitizen(db, choice.requestId, citizenAccountId);
    return {
      consulateId: request.consulate_id,
      serviceId: request.service_id,
      personId: request.person_id,
      requestId: request.id,
    };
  }
  const personId =
    choice.personId ??
    (
      await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM persons WHERE account_id = ${citizenAccountId} AND relation = 'self'`,
      )
    )[0]?.id;
  if (!personId) throw new AppError('PERSON_NOT_FOUND', 404, 'The account has no person record.');
  return { consulateId: choice.consulateId, serviceId: choice.serviceId, personId };
}

/**
 * Books an appointment for a citizen: the same single booking statement as the citizen's own
 * (seat, notice, horizon, eligibility, accepted request), with the agent as the actor, the citizen
 * as the one acted for and the reason in the audit event, and the agent in appointments.booked_by
 * (the citizen's portal says "booked for you by the call center").
 */
export async function bookForCitizen(
  deps: { db: Db; clock: Clock; availability: AvailabilityCache },
  onBehalf: OnBehalf,
  choice: BookingChoice,
): Promise<{ appointment: AppointmentView; isReplay: boolean }> {
  const { db, clock, availability } = deps;
  const target = await bookingTarget(db, onBehalf.citizenAccountId, choice);
  // Read before the transaction (PGlite has one connection: no second reader inside it).
  const offer = await availability.offer(db, target.consulateId, target.serviceId, clock.now().getTime());
  const result = await runOnBehalf(db, onBehalf, 'book', choice, async (tx) => {
    const row = await bookAppointment(
      { db: tx, clock, offer },
      { actor: actorOf(onBehalf), ownerAccountId: onBehalf.citizenAccountId, slotId: choice.slotId, ...target },
    );
    return { statusCode: 201, body: presentAppointment(row) };
  });
  const appointment = result.body as AppointmentView;
  if (!result.isReplay) availability.invalidateDepartment(appointment.departmentId);
  return { appointment, isReplay: result.isReplay };
}
