import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { AppError, isUniqueViolation } from './errors.ts';
import { idempotencyKeys } from './idempotency.tables.ts';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
  isReplay: boolean;
}

const hashOf = (scope: string, body: unknown) =>
  createHash('sha256')
    .update(scope)
    .update('\n')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

/**
 * Runs a POST at most once per (account, Idempotency-Key). The work and the record of its answer
 * commit in one transaction; a concurrent duplicate waits on the unique key, fails, and then finds
 * and replays the first answer. A failed attempt stores nothing, so it may be retried. The same key
 * with another body or on another operation is refused.
 */
export async function runIdempotent(
  db: Db,
  request: { accountId: string; key: string | undefined; scope: string; body: unknown },
  work: (tx: Db) => Promise<{ statusCode: number; body: unknown }>,
): Promise<StoredResponse> {
  if (!request.key) {
    const result = await work(db);
    return { ...result, isReplay: false };
  }
  const key = request.key;
  const requestHash = hashOf(request.scope, request.body);
  const replay = async (): Promise<StoredResponse | null> => {
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.accountId, request.accountId), eq(idempotencyKeys.key, key)));
    if (!stored) return null;
    if (stored.requestHash !== requestHash) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        422,
        'This Idempotency-Key was already used with a different request.',
      );
    }
    return { statusCode: stored.statusCode, body: stored.response, isReplay: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      await tx.insert(idempotencyKeys).values({
        accountId: request.accountId,
        key,
        scope: request.scope,
        requestHash,
        statusCode: result.statusCode,
        response: result.body as object,
      });
      return { ...result, isReplay: false };
    });
  } catch (error) {
    // A duplicate that lost the race: on the key itself, or on a business constraint that the
    // first request's row now holds (one active appointment per person...). Replay the winner.
    const winner = await replay();
    if (winner) return winner;
    if (isUniqueViolation(error, 'idempotency_keys_key')) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 409, 'A request with this Idempotency-Key is in progress.');
    }
    throw error;
  }
}
