import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * One id per test run, so two runs on one PostgreSQL server (two developers, CI and a developer)
 * never drop each other's databases; the run's databases are dropped when it ends.
 */
export function setup() {
  process.env.MAWID_TEST_RUN ??= randomBytes(4).toString('hex');
}

export async function teardown() {
  const base = process.env.TEST_DATABASE_URL;
  const run = process.env.MAWID_TEST_RUN;
  if (!base || !run) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `mawid_test_${run}_%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
