import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { type AvailabilityCache, cancelAppointment, presentAppointment } from '../scheduling/index.ts';
import { actorOf, type OnBehalf, runOnBehalf } from './on-behalf.ts';

type AppointmentView = ReturnType<typeof presentAppointment>;

/**
 * Cancels a citizen's appointment because the citizen asked the call center to: it is the citizen's
 * cancellation (`cancelled_by_citizen`, within the same cut-off), with the agent as the actor and the
 * citizen as the one acted for. `cancelled_by_consulate` would be wrong on every count: the
 * statistics would blame the consulate, the citizen would be told the consulate cancelled and
 * invited to rebook, and a consulate's cancellation is what refunds a paid fee.
 */
export async function cancelForCitizen(
  deps: { db: Db; clock: Clock; availability: AvailabilityCache },
  onBehalf: OnBehalf,
  input: { appointmentId: string },
): Promise<{ appointment: AppointmentView; isReplay: boolean }> {
  const { db, clock, availability } = deps;
  const result = await runOnBehalf(db, onBehalf, `cancel:${input.appointmentId}`, {}, async (tx) => {
    const row = await cancelAppointment(
      { db: tx, clock },
      {
        actor: actorOf(onBehalf),
        appointmentId: input.appointmentId,
        ownerAccountId: onBehalf.citizenAccountId,
        by: 'cancelled_by_citizen',
      },
    );
    return { statusCode: 200, body: presentAppointment(row) };
  });
  const appointment = result.body as AppointmentView;
  availability.invalidateDepartment(appointment.departmentId);
  return { appointment, isReplay: result.isReplay };
}
