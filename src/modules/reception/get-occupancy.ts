import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import { servesDepartment } from './reception.policy.ts';

/**
 * Who is inside now: per department, the tickets of the consulate's day still waiting or called,
 * against the waiting room's capacity (set by the admin; null: not set). The total is the whole
 * consulate's, since the room is shared; an agent sees the lines of their own departments.
 */
export async function getOccupancy(db: Db, input: { principal: Principal; consulateId: string; now: Date }) {
  const rows = await queryRows<{
    id: string;
    name: LocalizedText;
    ticket_prefix: string;
    waiting: number;
    called: number;
    capacity: number | null;
  }>(
    db,
    sql`SELECT d.id, d.name, d.ticket_prefix, c.waiting_room_capacity AS capacity,
               count(t.id) FILTER (WHERE t.status = 'waiting')::int AS waiting,
               count(t.id) FILTER (WHERE t.status = 'called')::int AS called
        FROM departments d
        JOIN consulates c ON c.id = d.consulate_id
        LEFT JOIN tickets t ON t.department_id = d.id AND t.status IN ('waiting', 'called')
          AND t.local_date = (${input.now}::timestamptz AT TIME ZONE c.time_zone)::date
        WHERE d.consulate_id = ${input.consulateId}
        GROUP BY d.id, c.waiting_room_capacity
        ORDER BY d.ticket_prefix`,
  );
  const inside = rows.reduce((sum, row) => sum + row.waiting + row.called, 0);
  const capacity = rows[0]?.capacity ?? null;
  return {
    capacity,
    inside,
    isFull: capacity !== null && inside >= capacity,
    departments: rows
      .filter((row) => servesDepartment(input.principal, row.id))
      .map((row) => ({
        id: row.id,
        name: row.name,
        ticketPrefix: row.ticket_prefix,
        waiting: row.waiting,
        called: row.called,
        inside: row.waiting + row.called,
      })),
  };
}
