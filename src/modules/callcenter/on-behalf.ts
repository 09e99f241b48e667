import type { Db } from '../../platform/db.ts';
import { runIdempotent, type StoredResponse } from '../../platform/idempotency.ts';

/** A call-center agent acting for a citizen, with the reason the citizen gave. */
export interface OnBehalf {
  agentAccountId: string;
  citizenAccountId: string;
  reason: string;
  idempotencyKey?: string;
}

/** The actor every scheduling use case records: the agent, for the citizen, and why. */
export const actorOf = (onBehalf: OnBehalf) => ({
  accountId: onBehalf.agentAccountId,
  onBehalfOfAccountId: onBehalf.citizenAccountId,
  reason: onBehalf.reason,
});

/**
 * Runs an action for a citizen at most once per agent and Idempotency-Key (an agent's double click
 * or a retried request books once). The key belongs to the agent; the scope names the citizen.
 */
export function runOnBehalf(
  db: Db,
  onBehalf: OnBehalf,
  operation: string,
  body: unknown,
  work: (tx: Db) => Promise<{ statusCode: number; body: unknown }>,
): Promise<StoredResponse> {
  return runIdempotent(
    db,
    {
      accountId: onBehalf.agentAccountId,
      key: onBehalf.idempotencyKey,
      scope: `callcenter.${operation}:${onBehalf.citizenAccountId}`,
      body: { ...(body as object), reason: onBehalf.reason },
    },
    work,
  );
}
