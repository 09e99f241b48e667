import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestRow } from '../requests/index.ts';

export interface FeeDue {
  amountMinor: number;
  currency: string;
  consulateCode: string;
}

/**
 * What a request's fee is now, as its consulate sets it, and whether it may be paid: only once the
 * request is accepted and until the service is delivered, once. Call with the request locked.
 */
export async function feeDueFor(tx: Db, request: RequestRow): Promise<FeeDue> {
  if (request.status !== 'accepted') {
    throw new AppError(
      'REQUEST_NOT_PAYABLE',
      409,
      `A request that is ${request.status} cannot be paid: fees are paid once the request is accepted and until the service is delivered.`,
      { requestStatus: request.status },
    );
  }
  const [fee] = await queryRows<{ fee_minor: number; currency: string; code: string }>(
    tx,
    sql`SELECT cs.fee_minor, c.currency, c.code
        FROM consulate_services cs JOIN consulates c ON c.id = cs.consulate_id
        WHERE cs.consulate_id = ${request.consulate_id} AND cs.service_id = ${request.service_id}`,
  );
  if (!fee) throw new AppError('SERVICE_NOT_OFFERED', 404, 'This consulate does not offer this service.');
  if (Number(fee.fee_minor) <= 0)
    throw new AppError('NO_FEE_DUE', 409, 'This service is free of charge at this consulate.');
  const [paid] = await queryRows<{ number: string }>(
    tx,
    sql`SELECT s.number FROM stamps s WHERE s.request_id = ${request.id} AND s.status <> 'refunded'
        UNION ALL
        SELECT NULL FROM payments p WHERE p.request_id = ${request.id} AND p.status IN ('succeeded', 'partially_refunded')
        LIMIT 1`,
  );
  if (paid) throw new AppError('ALREADY_PAID', 409, 'The fee of this request is already paid.');
  return { amountMinor: Number(fee.fee_minor), currency: fee.currency, consulateCode: fee.code };
}
