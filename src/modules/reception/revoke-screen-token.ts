import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { publishFloorEvent } from './floor-events.ts';
import { presentScreenToken, type ScreenTokenRow, screenTokenColumns } from './screen-token-view.ts';

/**
 * Revokes a screen's token: its address stops answering, and the screens open with it are closed
 * at once in every server process (the revocation is published with the change). Revoking it again
 * changes nothing. Audited.
 */
export async function revokeScreenToken(
  deps: { db: Db; clock: Clock },
  input: { principal: Principal; consulateId: string; screenTokenId: string },
) {
  const { consulateId, screenTokenId } = input;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [revoked] = await queryRows<ScreenTokenRow>(
      tx,
      sql`UPDATE screen_tokens s SET revoked_at = ${now}
          WHERE s.id = ${screenTokenId} AND s.consulate_id = ${consulateId} AND s.revoked_at IS NULL
          RETURNING ${screenTokenColumns('s')}`,
    );
    if (!revoked) {
      const [existing] = await queryRows<ScreenTokenRow>(
        tx,
        sql`SELECT ${screenTokenColumns('s')} FROM screen_tokens s
            WHERE s.id = ${screenTokenId} AND s.consulate_id = ${consulateId}`,
      );
      if (!existing) throw new AppError('SCREEN_TOKEN_NOT_FOUND', 404, 'No such screen token at this consulate.');
      return presentScreenToken(existing);
    }
    await recordAudit(tx, {
      actorAccountId: input.principal.accountId,
      action: 'screen_token.revoked',
      entityType: 'screen_token',
      entityId: revoked.id,
      consulateId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
      at: now,
    });
    await publishFloorEvent(tx, { type: 'screen.revoked', consulateId, screenTokenId: revoked.id });
    return presentScreenToken(revoked);
  });
}
