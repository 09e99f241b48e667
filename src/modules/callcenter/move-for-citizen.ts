import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { type AvailabilityCache, moveAppointment, presentAppointment } from '../scheduling/index.ts';
import { actorOf, type OnBehalf, runOnBehalf } from './on-behalf.ts';

type AppointmentView = ReturnType<typeof presentAppointment>;

/**
 * Moves a citizen's appointment for them. The call center is held to the citizen's own rules,
 * cut-off included: it acts on the citizen's wish, and a phone call must not open a way around
 * the consulate's planning (the consulate's own moves, for its reasons, are the admin's tool).
 */
export async function moveForCitizen(
  deps: { db: Db; clock: Clock; availability: AvailabilityCache },
  onBehalf: OnBehalf,
  input: { appointmentId: string; slotId: number },
): Promise<{ appointment: AppointmentView; isReplay: boolean }> {
  const { db, clock, availability } = deps;
  const result = await runOnBehalf(
    db,
    onBehalf,
    `move:${input.appointmentId}`,
    { slotId: input.slotId },
    async (tx) => {
      const { appointment } = await moveAppointment(
        { db: tx, clock },
        {
          actor: actorOf(onBehalf),
          appointmentId: input.appointmentId,
          ownerAccountId: onBehalf.citizenAccountId,
          slotId: input.slotId,
          by: 'citizen',
        },
      );
      return { statusCode: 200, body: presentAppointment(appointment) };
    },
  );
  const appointment = result.body as AppointmentView;
  availability.invalidateDepartment(appointment.departmentId);
  return { appointment, isReplay: result.isReplay };
}
