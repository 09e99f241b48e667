import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { presentScreenToken, type ScreenTokenRow, screenTokenColumns } from './screen-token-view.ts';

/** The consulate's screen tokens (never the tokens themselves), the newest first. */
export async function listScreenTokens(db: Db, consulateId: string) {
  const rows = await queryRows<ScreenTokenRow>(
    db,
    sql`SELECT ${screenTokenColumns('s')} FROM screen_tokens s
        WHERE s.consulate_id = ${consulateId} ORDER BY s.created_at DESC, s.id`,
  );
  return rows.map(presentScreenToken);
}
