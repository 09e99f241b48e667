import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';

/** Only the token's SHA-256 is stored: the database alone never opens a screen. */
export const hashScreenToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ScreenTokenRow {
  id: string;
  consulate_id: string;
  label: string;
  department_ids: string[] | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

export const screenTokenColumns = (alias: string): SQL => {
  const s = sql.raw(alias);
  return sql`${s}.id, ${s}.consulate_id, ${s}.label, ${s}.department_ids::text[] AS department_ids, ${s}.created_at, ${s}.revoked_at`;
};

export function presentScreenToken(row: ScreenTokenRow) {
  return {
    id: row.id,
    label: row.label,
    departmentIds: row.department_ids,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  };
}
