import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/index.ts';
import { type OnBehalf, runOnBehalf } from './on-behalf.ts';

export interface ResentConvocation {
  appointmentId: string;
  kind: 'appointment.booked';
  queuedAt: string;
}

/**
 * Sends the convocation again (a citizen who lost the e-mail or changed phones). It is the
 * `appointment.booked` message queued anew: the worker renders it from the appointment as it is now
 * (time, place, convocation link and calendar file), so a dedicated kind would only repeat its texts
 * in four languages. Only a booked appointment has a convocation to send; the resend is audited
 * with the agent, the citizen and the reason.
 */
export async function resendConvocation(
  deps: { db: Db; clock: Clock },
  onBehalf: OnBehalf,
  input: { appointmentId: string },
): Promise<{ resent: ResentConvocation; isReplay: boolean }> {
  const now = deps.clock.now();
  // Without an Idempotency-Key the work runs outside any transaction: it opens its own, so the
  // message and its audit event commit together.
  const work = (tx: Db) =>
    tx.transaction(async (tx) => {
      const [appointment] = await queryRows<{ id: string; status: string; consulate_id: string }>(
        tx,
        sql`SELECT id, status, consulate_id FROM appointments
          WHERE id = ${input.appointmentId} AND account_id = ${onBehalf.citizenAccountId} FOR UPDATE`,
      );
      if (!appointment) {
        throw new AppError(
          'APPOINTMENT_NOT_FOUND',
          404,
          `No appointment ${input.appointmentId} on this citizen's account.`,
        );
      }
      if (appointment.status !== 'booked') {
        throw new AppError(
          'CONVOCATION_UNAVAILABLE',
          409,
          `An appointment that is ${appointment.status} has no convocation to send.`,
        );
      }
      await notify(
        tx,
        onBehalf.citizenAccountId,
        { kind: 'appointment.booked', payload: { appointmentId: appointment.id } },
        { now },
      );
      await recordAudit(tx, {
        actorAccountId: onBehalf.agentAccountId,
        onBehalfOfAccountId: onBehalf.citizenAccountId,
        action: 'appointment.convocation_resent',
        entityType: 'appointment',
        entityId: appointment.id,
        consulateId: appointment.consulate_id,
        reason: onBehalf.reason,
        after: { message: 'appointment.booked' },
        at: now,
      });
      const resent: ResentConvocation = {
        appointmentId: appointment.id,
        kind: 'appointment.booked',
        queuedAt: now.toISOString(),
      };
      return { statusCode: 202, body: resent };
    });
  const result = await runOnBehalf(deps.db, onBehalf, `resend:${input.appointmentId}`, {}, work);
  return { resent: result.body as ResentConvocation, isReplay: result.isReplay };
}
