import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgDialect, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../schema.ts';

/** A Drizzle database or transaction, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Applies the committed migrations (db/migrations), once, under a lock. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * A connection of its own that receives NOTIFY messages (see platform/events.ts, its only user).
   * `lost` is called once if the connection drops; the caller opens a new one.
   */
  openListener(handlers: ListenerHandlers): Promise<NotificationListener>;
}

export interface ListenerHandlers {
  notification(channel: string, payload: string): void;
  lost(error: unknown): void;
}

export interface NotificationListener {
  /** LISTEN on one more channel (a lower-case SQL identifier). */
  listen(channel: string): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

// DATE columns stay 'YYYY-MM-DD' strings: a JavaScript Date would put them at a local midnight.
const DATE_OID = 1082;
const INT8_OID = 20;

/** Runs a raw statement and returns its rows. Use for what the query builder cannot say in one statement. */
export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

interface PreparingSession {
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string,
    isResponseInArrayMode: boolean,
  ): { execute(): Promise<unknown> };
}

/**
 * Like queryRows, for a hot statement run with the same text many times: PostgreSQL parses and
 * plans it once per connection under `name` instead of at every call (planning the booking
 * statement costs about as much as running it). The text must never change for a given name.
 * Works inside transactions too; PGlite runs it as a plain query.
 */
export async function preparedRows<T>(db: Db, name: string, statement: SQL): Promise<T[]> {
  const internals = db as unknown as { dialect: PgDialect; session: PreparingSession };
  const query = internals.dialect.sqlToQuery(statement);
  const result = (await internals.session.prepareQuery(query, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, {
    parsers: { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) },
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      await client.close();
    },
    // PGlite is this process: its notifications arrive on the same in-process client, never lost.
    async openListener(handlers) {
      const stops: (() => Promise<void>)[] = [];
      return {
        async listen(channel) {
          stops.push(await client.listen(channel, (payload) => handlers.notification(channel, payload)));
        },
        async close() {
          await Promise.all(stops.splice(0).map((stop) => stop().catch(() => undefined)));
        },
      };
    },
  };
}

pg.types.setTypeParser(DATE_OID, (value: string) => value);
// Counts and sums fit easily in a double; a bigint string would leak into JSON otherwise.
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async migrate() {
      // One process migrates at a time: the others wait on the advisory lock, then find nothing to do.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(727001)');
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
    // LISTEN holds its connection for good: a client apart from the pool, with TCP keep-alive so a
    // silently dead server is noticed.
    async openListener(handlers) {
      const client = new pg.Client({ connectionString: url, keepAlive: true });
      let isOver = false;
      const lost = (error: unknown) => {
        if (isOver) return;
        isOver = true;
        client.end().catch(() => undefined);
        handlers.lost(error);
      };
      client.on('error', lost);
      client.on('end', () => lost(new Error('the listening connection ended')));
      client.on('notification', (message) => handlers.notification(message.channel, message.payload ?? ''));
      try {
        await client.connect();
      } catch (error) {
        isOver = true;
        await client.end().catch(() => undefined);
        throw error;
      }
      return {
        async listen(channel) {
          await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
        },
        async close() {
          isOver = true;
          await client.end().catch(() => undefined);
        },
      };
    },
  };
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 20) : openPglite(options.dataDir);
}
