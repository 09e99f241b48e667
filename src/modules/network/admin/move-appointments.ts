import { moveAppointment } from '../../scheduling/index.ts';
import { type Deps, eachAppointment, type ItemOutcome } from './each-appointment.ts';

/**
 * Moves appointments to the slots the consulate chose, each on its own: the new seat is taken
 * before the old one is freed (a full slot leaves the appointment where it was), without the
 * citizen's cut-off, and the citizen is told.
 */
export async function moveAppointments(
  deps: Deps,
  input: {
    actorAccountId: string;
    consulateId: string;
    moves: { appointmentId: string; slotId: number }[];
    reason: string;
  },
): Promise<ItemOutcome[]> {
  return eachAppointment(deps, input.consulateId, input.moves, async (item, citizenAccountId) => {
    const { appointment } = await moveAppointment(deps, {
      actor: { accountId: input.actorAccountId, onBehalfOfAccountId: citizenAccountId, reason: input.reason },
      appointmentId: item.appointmentId,
      ownerAccountId: null,
      slotId: item.slotId,
      by: 'consulate',
    });
    return appointment;
  });
}
