import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import { hashScreenToken } from './screen-token-view.ts';

export interface Screen {
  id: string;
  label: string;
  consulateId: string;
  // null: every department of the consulate.
  departmentIds: string[] | null;
  consulate: { code: string; name: LocalizedText; timeZone: string };
}

/** The screen a token opens: 404 for a token never issued, 410 once revoked. */
export async function findScreen(db: Db, token: string): Promise<Screen> {
  const [row] = await queryRows<{
    id: string;
    label: string;
    consulate_id: string;
    department_ids: string[] | null;
    revoked_at: Date | string | null;
    code: string;
    name: LocalizedText;
    time_zone: string;
  }>(
    db,
    sql`SELECT s.id, s.label, s.consulate_id, s.department_ids::text[] AS department_ids, s.revoked_at,
               c.code, c.name, c.time_zone
        FROM screen_tokens s JOIN consulates c ON c.id = s.consulate_id
        WHERE s.token_hash = ${hashScreenToken(token)}`,
  );
  if (!row) throw new AppError('SCREEN_NOT_FOUND', 404, 'No screen has this token.');
  if (row.revoked_at !== null) throw new AppError('SCREEN_REVOKED', 410, 'This screen’s token was revoked.');
  return {
    id: row.id,
    label: row.label,
    consulateId: row.consulate_id,
    departmentIds: row.department_ids,
    consulate: { code: row.code, name: row.name, timeZone: row.time_zone },
  };
}

/** True when a screen shows this department's calls. */
export const showsDepartment = (screen: Screen, departmentId: string) =>
  screen.departmentIds === null || screen.departmentIds.includes(departmentId);

/** What a waiting-room screen shows when it opens (or after a gap): the last calls of each department today. */
export async function getScreenState(db: Db, screen: Screen, input: { now: Date; last: number }) {
  const rows = await queryRows<{
    id: string;
    name: LocalizedText;
    ticket_prefix: string;
    local_date: string;
    calls: {
      id: string;
      code: string;
      counter_id: string;
      counter_label: string;
      call_count: number;
      called_at: string;
    }[];
  }>(
    db,
    sql`SELECT d.id, d.name, d.ticket_prefix, (${input.now}::timestamptz AT TIME ZONE c.time_zone)::date AS local_date,
               coalesce((SELECT json_agg(x ORDER BY x.called_at DESC) FROM (
                 SELECT t.id, t.code, t.counter_id, k.label AS counter_label, t.call_count, t.called_at
                 FROM tickets t JOIN counters k ON k.id = t.counter_id
                 WHERE t.department_id = d.id AND t.called_at IS NOT NULL
                   AND t.local_date = (${input.now}::timestamptz AT TIME ZONE c.time_zone)::date
                 ORDER BY t.called_at DESC LIMIT ${input.last}) x), '[]'::json) AS calls
        FROM departments d JOIN consulates c ON c.id = d.consulate_id
        WHERE d.consulate_id = ${screen.consulateId}
        ORDER BY d.ticket_prefix`,
  );
  return {
    screen: { id: screen.id, label: screen.label },
    consulate: screen.consulate,
    localDate: rows[0]?.local_date ?? null,
    departments: rows
      .filter((row) => showsDepartment(screen, row.id))
      .map((row) => ({
        id: row.id,
        name: row.name,
        ticketPrefix: row.ticket_prefix,
        calls: row.calls.map((call) => ({
          ticketId: call.id,
          code: call.code,
          counterId: call.counter_id,
          counterLabel: call.counter_label,
          callCount: Number(call.call_count),
          calledAt: new Date(call.called_at).toISOString(),
        })),
      })),
  };
}
