import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AppointmentRow, getAppointment } from '../../scheduling/index.ts';

export type Deps = { db: Db; clock: Clock };

/** One item of a batch: done, or refused with the reason a single request would have given. */
export type ItemOutcome = { appointmentId: string } & (
  | { isDone: true; appointment: AppointmentRow }
  | { isDone: false; error: AppError; cause?: unknown }
);

/**
 * Runs each item in its own transaction, so one refusal (a full slot, an appointment already
 * checked in) neither undoes nor stops the others. Only an appointment of this consulate is acted
 * on: another's answers APPOINTMENT_NOT_FOUND, as it would alone.
 */
export async function eachAppointment<T extends { appointmentId: string }>(
  deps: Deps,
  consulateId: string,
  items: T[],
  act: (item: T, citizenAccountId: string) => Promise<AppointmentRow>,
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    try {
      const existing = await getAppointment(deps.db, item.appointmentId, { consulateId });
      if (!existing) throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment in this consulate.');
      outcomes.push({
        appointmentId: item.appointmentId,
        isDone: true,
        appointment: await act(item, existing.account_id),
      });
    } catch (error) {
      // An unexpected failure of one item (a lost connection, a deadlock) rolled that item back; the
      // others still get their answer, and the caller logs the cause.
      const refusal =
        error instanceof AppError
          ? error
          : new AppError('INTERNAL_ERROR', 500, 'An internal error occurred. This item was not changed.');
      outcomes.push({
        appointmentId: item.appointmentId,
        isDone: false,
        error: refusal,
        cause: error === refusal ? undefined : error,
      });
    }
  }
  return outcomes;
}
