import { cancelAppointment } from '../../scheduling/index.ts';
import { type Deps, eachAppointment, type ItemOutcome } from './each-appointment.ts';

/**
 * Cancels appointments on the consulate's side (e.g. those its new hours stranded), each with the
 * same reason: the seat is freed, a request a direct booking opened is withdrawn, the citizen is
 * told why, and the audit names the admin acting on the citizen's behalf.
 */
export async function cancelAppointments(
  deps: Deps,
  input: { actorAccountId: string; consulateId: string; appointmentIds: string[]; reason: string },
): Promise<ItemOutcome[]> {
  const items = input.appointmentIds.map((appointmentId) => ({ appointmentId }));
  return eachAppointment(deps, input.consulateId, items, (item, citizenAccountId) =>
    cancelAppointment(deps, {
      actor: { accountId: input.actorAccountId, onBehalfOfAccountId: citizenAccountId, reason: input.reason },
      appointmentId: item.appointmentId,
      ownerAccountId: null,
      by: 'cancelled_by_consulate',
    }),
  );
}
