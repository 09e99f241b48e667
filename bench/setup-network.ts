import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { demoNetwork } from '../src/modules/network/demo/demo-network.ts';
import type { DemoNetwork } from '../src/modules/network/demo/demo-network.types.ts';
import { seedDemo } from '../src/modules/network/demo/seed-demo.ts';
import { SESSION_COOKIE } from '../src/platform/auth.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type Database, type Db, queryRows } from '../src/platform/db.ts';

/**
 * Who does what in the bench network. Bookings go to a service that needs no prior verification
 * (a passport is booked from an accepted request), at four consulates; the rush uses the same
 * service at a fifth; availability reads the passport department of the first. No two scenarios
 * share a department's slots.
 */
export const PASSPORT = 'passport_adult_new';
export const LEGALIZATION = 'signature_legalization';
export const AVAILABILITY = { consulate: 'PAR', service: PASSPORT } as const;
export const BOOKING = { consulates: ['PAR', 'LYO', 'BRU', 'MTL'], service: LEGALIZATION } as const;
export const RUSH = { consulate: 'DXB', service: LEGALIZATION } as const;
const SERVICES = [PASSPORT, LEGALIZATION, 'certified_copy'];

/**
 * The bench network, cut from the demo one like the tests' network: five consulates in four time
 * zones, the passport and legalization departments, three services bookable 60 days ahead with two
 * hours' notice (so there are plenty of bookable slots from the first minute of the run).
 */
export function benchNetwork(): DemoNetwork {
  const keep = new Set<string>([AVAILABILITY.consulate, ...BOOKING.consulates, RUSH.consulate]);
  const services = demoNetwork.services
    .filter((s) => SERVICES.includes(s.code))
    .map((s) => ({ ...s, horizonDays: 60, minNoticeMinutes: 120 }));
  if (services.length !== SERVICES.length) throw new Error(`bench network: demo catalogue lacks one of ${SERVICES}`);
  if (services.find((s) => s.code === BOOKING.service)?.requiresVerification !== false) {
    throw new Error(`bench network: ${BOOKING.service} must be bookable without a request`);
  }
  const kinds = new Set(services.map((s) => s.departmentKind));
  const consulates = demoNetwork.consulates.filter((c) => keep.has(c.code));
  if (consulates.length !== keep.size) throw new Error(`bench network: demo network lacks one of ${[...keep]}`);
  const countries = new Set(consulates.map((c) => c.country));
  return {
    ...demoNetwork,
    departments: demoNetwork.departments.filter((d) => kinds.has(d.kind)),
    services,
    consulates,
    hostCountryHolidays: Object.fromEntries(
      Object.entries(demoNetwork.hostCountryHolidays).filter(([country]) => countries.has(country)),
    ),
  };
}

/** Drops and recreates a database on the server of `url` (connecting to its `postgres` database). */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseNameOf(url))} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Two runs against one server would drop each other's databases mid-measurement: a run holds this
 * advisory lock (on the `postgres` database, for its whole duration) and a second one waits for it.
 * Returns the release function.
 */
export async function lockBenchRun(url: string, maxSeconds: number, onWait: () => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(727099) AS ok');
    if (rows[0]?.ok) break;
    if (Date.now() - started > maxSeconds * 1000) {
      await client.end();
      throw new Error('another bench run still holds the bench lock on this PostgreSQL server');
    }
    if (attempt % 15 === 0) onWait();
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  return async () => {
    await client.end();
  };
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const result = await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']);
    return result.rows[0]?.v.split(' ')[0] ?? 'unknown';
  } finally {
    await client.end();
  }
}

export const databaseNameOf = (url: string) =>
  decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface BenchIds {
  services: Record<string, string>;
  consulates: Record<string, string>;
  /** `${consulateCode}:${serviceCode}` -> department id */
  departments: Record<string, string>;
}

/** Migrations and the bench network through the application's own code, then the ids we need. */
export async function seedBenchNetwork(database: Database): Promise<BenchIds & { slots: number }> {
  await database.migrate();
  const seeded = await seedDemo({ db: database.db, clock: systemClock }, benchNetwork());
  if (!seeded.seeded) throw new Error('bench database was not empty');
  const rows = await queryRows<{
    code: string;
    consulate_id: string;
    service_code: string;
    service_id: string;
    department_id: string;
  }>(
    database.db,
    sql`SELECT c.code, c.id AS consulate_id, s.code AS service_code, s.id AS service_id, cs.department_id
        FROM consulate_services cs
        JOIN consulates c ON c.id = cs.consulate_id
        JOIN services s ON s.id = cs.service_id`,
  );
  const ids: BenchIds = { services: {}, consulates: {}, departments: {} };
  for (const row of rows) {
    ids.consulates[row.code] = row.consulate_id;
    ids.services[row.service_code] = row.service_id;
    ids.departments[`${row.code}:${row.service_code}`] = row.department_id;
  }
  return { ...ids, slots: seeded.slots };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * `count` signed-in citizens, made in bulk straight in the database (an account, its 'self'
 * person and a session each), as SessionStore.create would make them. Returns one cookie header
 * per citizen, in order. Registration and sign-in are not what the bench measures.
 */
export async function createCitizens(db: Db, prefix: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  await db.execute(sql`
    INSERT INTO accounts (email, password_hash, role, email_verified_at)
    SELECT ${prefix} || '-' || g || '@bench.example', 'not-a-usable-hash', 'citizen', now()
    FROM generate_series(0, ${count - 1}::int) AS g`);
  await db.execute(sql`
    INSERT INTO persons (account_id, relation, given_name_latin, family_name_latin)
    SELECT id, 'self', 'Bench', 'Citizen'
    FROM accounts WHERE email LIKE ${`${prefix}-%@bench.example`}`);
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const chunk = 10_000;
  for (let start = 0; start < count; start += chunk) {
    const rows = tokens
      .slice(start, start + chunk)
      .map((token, k) => ({ e: `${prefix}-${start + k}@bench.example`, h: hashToken(token) }));
    await db.execute(sql`
      INSERT INTO sessions (token_hash, account_id, expires_at)
      SELECT r.h, a.id, now() + interval '12 hours'
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(e text, h text)
      JOIN accounts a ON lower(a.email) = lower(r.e)`);
  }
  const [made] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE a.email LIKE ${`${prefix}-%@bench.example`}`,
  );
  if (made?.n !== count) throw new Error(`created ${made?.n} sessions for ${count} ${prefix} citizens`);
  return tokens.map((token) => `${SESSION_COOKIE}=${token}`);
}

/**
 * The open slots of an offer that the booking statement will accept for the whole run: past the
 * minimum notice (plus an hour of margin) and a day short of the horizon.
 */
export async function bookableSlots(db: Db, consulateId: string, serviceId: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT s.id FROM slots s
        JOIN consulate_services cs ON cs.department_id = s.department_id
        WHERE cs.consulate_id = ${consulateId} AND cs.service_id = ${serviceId}
          AND s.status = 'open'
          AND s.starts_at >= now() + (cs.min_notice_minutes + 60) * interval '1 minute'
          AND s.starts_at < now() + (cs.horizon_days - 1) * interval '1 day'
        ORDER BY s.starts_at, s.id`,
  );
  return rows.map((r) => Number(r.id));
}

/** Gives slots a new capacity (and planned capacity, so no conflict shows). Capacity is a smallint. */
export async function setCapacity(db: Db, slotIds: number[], capacity: number): Promise<void> {
  if (capacity < 1 || capacity > 32_767) throw new Error(`capacity ${capacity} out of range`);
  await db.execute(sql`
    UPDATE slots SET capacity = ${capacity}, planned_capacity = ${capacity}
    WHERE id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(slotIds)}::jsonb))::bigint)`);
}

export interface SlotCheck {
  slots: number;
  capacity: number;
  booked: number;
  activeAppointments: number;
  overbooked: number;
  bookedMismatches: number;
}

/** Overbooking and counter drift, counted from the appointments themselves. */
export async function checkSlots(db: Db, slotIds: number[]): Promise<SlotCheck> {
  const [row] = await queryRows<SlotCheck>(
    db,
    sql`WITH per_slot AS (
          SELECT s.id, s.capacity, s.booked,
                 (SELECT count(*) FROM appointments a
                   WHERE a.slot_id = s.id AND a.status IN ('booked', 'checked_in'))::int AS active
          FROM slots s
          WHERE s.id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(slotIds)}::jsonb))::bigint)
        )
        SELECT count(*)::int AS slots,
               coalesce(sum(capacity), 0)::int AS capacity,
               coalesce(sum(booked), 0)::int AS booked,
               coalesce(sum(active), 0)::int AS "activeAppointments",
               coalesce(sum(greatest(0, active - capacity)), 0)::int AS overbooked,
               count(*) FILTER (WHERE booked <> active)::int AS "bookedMismatches"
        FROM per_slot`,
  );
  if (!row) throw new Error('slot check returned nothing');
  return row;
}
