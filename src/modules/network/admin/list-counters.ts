import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../platform/db.ts';

export interface CounterView {
  id: string;
  departmentId: string;
  label: string;
  isActive: boolean;
  agentId: string | null;
  openedAt: string | null;
  serviceIds: string[];
}

/** A consulate's counters (of one department, or one counter), each with the services it serves. */
export async function listCounters(
  db: Db,
  scope: { consulateId: string; departmentId?: string; counterId?: string },
): Promise<CounterView[]> {
  const rows = await queryRows<{
    id: string;
    department_id: string;
    label: string;
    is_active: boolean;
    agent_id: string | null;
    opened_at: Date | null;
    service_ids: string[];
  }>(
    db,
    sql`SELECT c.id, c.department_id, c.label, c.is_active, c.agent_id, c.opened_at,
               coalesce(array_agg(cs.service_id::text ORDER BY cs.service_id) FILTER (WHERE cs.service_id IS NOT NULL),
                        '{}') AS service_ids
        FROM counters c
        JOIN departments d ON d.id = c.department_id
        LEFT JOIN counter_services cs ON cs.counter_id = c.id
        WHERE d.consulate_id = ${scope.consulateId}
          ${scope.departmentId ? sql`AND c.department_id = ${scope.departmentId}` : sql``}
          ${scope.counterId ? sql`AND c.id = ${scope.counterId}` : sql``}
        GROUP BY c.id, d.kind
        -- "2" before "10": labels are mostly numbers.
        ORDER BY d.kind, length(c.label), c.label`,
  );
  return rows.map((row) => ({
    id: row.id,
    departmentId: row.department_id,
    label: row.label,
    isActive: row.is_active,
    agentId: row.agent_id,
    openedAt: row.opened_at ? new Date(row.opened_at).toISOString() : null,
    serviceIds: row.service_ids,
  }));
}
