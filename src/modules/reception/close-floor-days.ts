import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { ticketStatusesLeadingTo } from './ticket-status.ts';

const DEFAULT_BATCH = 500;

// The ticket statuses a day's close may end (the status table says which lead to not_served).
const closable = sql.raw(
  `(${ticketStatusesLeadingTo('not_served')
    .map((s) => `'${s}'`)
    .join(', ')})`,
);

/**
 * The floor's side of the close of each consulate's day (closeOpenDays ends the appointments):
 * tickets of a past local day still waiting or called end `not_served`, and counters opened on a
 * past local day close, so the morning starts with no one at a counter. Each batch is one
 * statement with its audit events (no actor, reason `day_closed`); rows a counter holds at that
 * moment are skipped and taken at the next run. Idempotent.
 */
export async function closeFloorDays(deps: {
  db: Db;
  clock: Clock;
  batchSize?: number;
}): Promise<{ tickets: number; counters: number }> {
  const now = deps.clock.now();
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  let tickets = 0;
  for (;;) {
    const [row] = await queryRows<{ n: number }>(
      deps.db,
      sql`WITH past AS (
            SELECT t.id, t.status FROM tickets t JOIN consulates c ON c.id = t.consulate_id
            WHERE t.status IN ${closable}
              AND t.local_date < (${now}::timestamptz AT TIME ZONE c.time_zone)::date
            ORDER BY t.local_date
            LIMIT ${batchSize}
            FOR UPDATE OF t SKIP LOCKED
          ), ended AS (
            UPDATE tickets t SET status = 'not_served', ended_at = ${now}
            FROM past p WHERE t.id = p.id AND t.status = p.status
            RETURNING t.id, t.consulate_id, p.status
          ), audit AS (
            INSERT INTO audit_events (at, actor_account_id, action, entity_type, entity_id, consulate_id, reason, before, after)
            SELECT ${now}::timestamptz, NULL, 'ticket.not_served', 'ticket', e.id::text, e.consulate_id, 'day_closed',
                   jsonb_build_object('status', e.status), jsonb_build_object('status', 'not_served')
            FROM ended e
          )
          SELECT count(*)::int AS n FROM ended`,
    );
    const closed = row?.n ?? 0;
    tickets += closed;
    if (closed < batchSize) break;
  }
  const [counters] = await queryRows<{ n: number }>(
    deps.db,
    sql`WITH stale AS (
          SELECT k.id, k.agent_id, d.consulate_id FROM counters k
          JOIN departments d ON d.id = k.department_id JOIN consulates c ON c.id = d.consulate_id
          WHERE k.agent_id IS NOT NULL
            AND (k.opened_at AT TIME ZONE c.time_zone)::date < (${now}::timestamptz AT TIME ZONE c.time_zone)::date
          FOR UPDATE OF k SKIP LOCKED
        ), closed AS (
          UPDATE counters k SET agent_id = NULL, opened_at = NULL FROM stale s WHERE k.id = s.id
          RETURNING k.id, s.agent_id, s.consulate_id
        ), audit AS (
          INSERT INTO audit_events (at, actor_account_id, action, entity_type, entity_id, consulate_id, reason, before, after)
          SELECT ${now}::timestamptz, NULL, 'counter.closed', 'counter', k.id::text, k.consulate_id, 'day_closed',
                 jsonb_build_object('agentId', k.agent_id), jsonb_build_object('agentId', NULL)
          FROM closed k
        )
        SELECT count(*)::int AS n FROM closed`,
  );
  return { tickets, counters: counters?.n ?? 0 };
}
