import { type SQL, sql } from 'drizzle-orm';

const DAY_MS = 86_400_000;

/**
 * The condition "ticket `alias` is called at this counter now". tickets has no index on counter_id
 * (a table that grows every day): a counter calls only its department's tickets, and the day's
 * close ends any left called, so the department and the last two days find them through the index
 * on (department, day, number) instead of reading the whole table. Two days cover every zone's
 * local date, whatever the server's.
 */
export function calledAtCounter(
  alias: string,
  counter: { id: SQL | string; departmentId: SQL | string },
  now: Date,
): SQL {
  const t = sql.raw(alias);
  const since = new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10);
  return sql`${t}.department_id = ${counter.departmentId} AND ${t}.local_date >= ${since}::date
    AND ${t}.counter_id = ${counter.id} AND ${t}.status = 'called'`;
}
