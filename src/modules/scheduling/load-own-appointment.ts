import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';

export type AppointmentWithRules = AppointmentRow & { cancellation_cutoff_minutes: number };

/**
 * An appointment the caller may act on, locked for the rest of the transaction. `ownerAccountId`
 * limits it to one citizen's appointments; someone else's answers 404, as if it did not exist.
 */
export async function lockAppointment(
  tx: Db,
  appointmentId: string,
  ownerAccountId: string | null,
): Promise<AppointmentWithRules> {
  const [row] = await queryRows<AppointmentWithRules>(
    tx,
    sql`SELECT ${appointmentColumns('a')}, cs.cancellation_cutoff_minutes
        FROM appointments a
        JOIN consulate_services cs ON cs.consulate_id = a.consulate_id AND cs.service_id = a.service_id
        WHERE a.id = ${appointmentId}
          ${ownerAccountId ? sql`AND a.account_id = ${ownerAccountId}` : sql``}
        FOR UPDATE OF a`,
  );
  if (!row) throw new AppError('APPOINTMENT_NOT_FOUND', 404, `No appointment ${appointmentId} in your scope.`);
  return row;
}

/** Citizens may change an appointment online only until the service's cancellation cut-off. */
export function assertBeforeCutoff(row: AppointmentWithRules, now: Date): void {
  const cutoff = new Date(row.starts_at).getTime() - row.cancellation_cutoff_minutes * 60_000;
  if (now.getTime() >= cutoff) {
    throw new AppError(
      'CANCELLATION_TOO_LATE',
      422,
      `Changes close ${row.cancellation_cutoff_minutes} minutes before the appointment.`,
    );
  }
}
