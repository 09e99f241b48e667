import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openPglite, openPostgres, queryRows } from '../platform/db.ts';

/**
 * Test databases, one per engine per worker, shared by the files that worker runs (vitest runs
 * with isolate: false): PGlite costs seconds and ~0.8 GB to start. Each test file resets it.
 * PostgreSQL is used when TEST_DATABASE_URL is set; each worker gets its own database on it.
 */
export type Engine = 'pglite' | 'postgres';

export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const opened = new Map<Engine, Promise<Database>>();

async function createPostgres(): Promise<Database> {
  const base = process.env.TEST_DATABASE_URL as string;
  const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0';
  const name = `mawid_test_${process.env.MAWID_TEST_RUN ?? 'local'}_${worker}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  // Room for the concurrency tests: 200 simultaneous requests share these connections.
  return openPostgres(url.toString(), 24);
}

export function testDatabase(engine: Engine): Promise<Database> {
  let database = opened.get(engine);
  if (!database) {
    database = (async () => {
      const db = engine === 'pglite' ? await openPglite(undefined) : await createPostgres();
      await db.migrate();
      return db;
    })();
    opened.set(engine, database);
  }
  return database;
}

/** Empties every table (the audit triggers are bypassed for this reset only). */
export async function resetDatabase(database: Database): Promise<void> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql.raw(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`));
  });
}
