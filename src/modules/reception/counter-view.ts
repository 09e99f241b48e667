import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import { calledAtCounter } from './called-at-counter.ts';

/** A uuid[] parameter (ids already validated as UUIDs), the same on both engines; empty matches nothing. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

interface CounterRow {
  id: string;
  label: string;
  is_active: boolean;
  agent_id: string | null;
  agent_email: string | null;
  opened_at: Date | string | null;
  department_id: string;
  department_name: LocalizedText;
  ticket_prefix: string;
  service_ids: string[];
  called_ticket: { id: string; code: string; call_count: number; called_at: string } | null;
}

/**
 * A consulate's counters as the floor sees them: department, the services each serves (none
 * listed: all of its department's), who is at it, and the ticket called there now. Agents see
 * their departments' counters (`departmentIds`), the admin all of them (null).
 */
export async function loadCounters(
  db: Db,
  scope: { consulateId: string; departmentIds: string[] | null; counterId?: string; now: Date },
) {
  const rows = await queryRows<CounterRow>(
    db,
    sql`SELECT k.id, k.label, k.is_active, k.agent_id, ag.email AS agent_email, k.opened_at,
               d.id AS department_id, d.name AS department_name, d.ticket_prefix,
               coalesce((SELECT array_agg(cs.service_id::text ORDER BY cs.service_id)
                         FROM counter_services cs WHERE cs.counter_id = k.id), '{}'::text[]) AS service_ids,
               (SELECT row_to_json(x) FROM (
                  SELECT t.id, t.code, t.call_count, t.called_at FROM tickets t
                  WHERE ${calledAtCounter('t', { id: sql`k.id`, departmentId: sql`k.department_id` }, scope.now)}
                  ORDER BY t.called_at DESC LIMIT 1) x) AS called_ticket
        FROM counters k
        JOIN departments d ON d.id = k.department_id
        LEFT JOIN accounts ag ON ag.id = k.agent_id
        WHERE d.consulate_id = ${scope.consulateId}
          ${scope.departmentIds ? sql`AND d.id = ANY(${uuidArray(scope.departmentIds)})` : sql``}
          ${scope.counterId ? sql`AND k.id = ${scope.counterId}` : sql``}
        ORDER BY d.ticket_prefix, length(k.label), k.label`,
  );
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    isActive: row.is_active,
    department: { id: row.department_id, name: row.department_name, ticketPrefix: row.ticket_prefix },
    serviceIds: row.service_ids,
    agent: row.agent_id ? { id: row.agent_id, email: row.agent_email ?? '' } : null,
    openedAt: row.opened_at === null ? null : new Date(row.opened_at).toISOString(),
    calledTicket: row.called_ticket
      ? {
          id: row.called_ticket.id,
          code: row.called_ticket.code,
          callCount: Number(row.called_ticket.call_count),
          calledAt: new Date(row.called_ticket.called_at).toISOString(),
        }
      : null,
  }));
}

export type CounterView = Awaited<ReturnType<typeof loadCounters>>[number];

/** The departments a caller sees counters of: an agent's own, everything for the admin. */
export const counterScope = (principal: { role: string; departmentIds: string[] }) =>
  principal.role === 'consular_agent' ? principal.departmentIds : null;
