import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidArray } from './counter-view.ts';
import { hashScreenToken, presentScreenToken, type ScreenTokenRow, screenTokenColumns } from './screen-token-view.ts';

/**
 * A waiting-room screen's token, made by the consulate's admin: the TV opens the screen's address
 * with it instead of a staff sign-in. The token is returned once; only its SHA-256 is kept. The
 * departments it shows must be the consulate's (the statement checks); none named: all of them.
 */
export async function createScreenToken(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; label: string; departmentIds?: string[] },
) {
  const { principal, consulateId } = input;
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const ids = input.departmentIds && input.departmentIds.length > 0 ? [...new Set(input.departmentIds)] : null;
  return deps.db.transaction(async (tx) => {
    const [row] = await queryRows<ScreenTokenRow>(
      tx,
      sql`INSERT INTO screen_tokens AS s (consulate_id, label, token_hash, department_ids, created_by, created_at)
          SELECT ${consulateId}, ${input.label}, ${hashScreenToken(token)}, ${ids ? uuidArray(ids) : sql`NULL`},
                 ${principal.accountId}, ${now}
          WHERE ${ids === null} OR NOT EXISTS (
            SELECT unnest(${ids ? uuidArray(ids) : sql`'{}'::uuid[]`})
            EXCEPT SELECT id FROM departments WHERE consulate_id = ${consulateId})
          RETURNING ${screenTokenColumns('s')}`,
    );
    if (!row) throw new AppError('DEPARTMENT_NOT_FOUND', 404, 'One of these departments is not this consulate’s.');
    await recordAudit(tx, {
      actorAccountId: principal.accountId,
      action: 'screen_token.created',
      entityType: 'screen_token',
      entityId: row.id,
      consulateId,
      after: { label: row.label, departmentIds: row.department_ids },
      at: now,
    });
    return { ...presentScreenToken(row), token };
  });
}
