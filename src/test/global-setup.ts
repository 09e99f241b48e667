import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';

/**
 * One id per test run, so two runs on one PostgreSQL server (two developers, CI and a developer)
 * never drop each other's databases; the run's databases are dropped when it ends.
 */
export async function setup() {
  process.env.MAWID_TEST_RUN ??= randomBytes(4).toString('hex');
  // The browser tests serve the built portal. Build it once here, before the workers start: two
  // spec files building it at the same time would write over each other's files.
  if (existsSync('/usr/bin/chromium')) {
    const { buildWebIfMissing } = await import('../platform/web.ts');
    await buildWebIfMissing({
      info: () => undefined,
      warn: (message: unknown) => process.stderr.write(`${String(message)}\n`),
    });
  }
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
