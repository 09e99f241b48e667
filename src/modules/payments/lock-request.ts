import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestRow } from '../requests/index.ts';

/** Locks a request already found in scope, before any of its payments is written. */
export async function lockRequestForPayment(tx: Db, requestId: string): Promise<RequestRow> {
  const [row] = await queryRows<RequestRow>(tx, sql`SELECT * FROM requests WHERE id = ${requestId} FOR UPDATE`);
  if (!row) throw new AppError('REQUEST_NOT_FOUND', 404, 'No such request in your scope.');
  return row;
}
