import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { accounts, persons } from '../modules/accounts/accounts.tables.ts';
import { totpCode } from '../modules/accounts/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../modules/network/demo/seed-demo.ts';
import { consulates, departments, services } from '../modules/network/network.tables.ts';
import { SESSION_COOKIE, sessionTokenHash } from '../platform/auth.ts';
import { ManualClock } from '../platform/clock.ts';
import { type Database, type Db, queryRows } from '../platform/db.ts';
import type { App, AppDeps } from '../platform/http.ts';
import { ephemeralKeys } from '../platform/keys.ts';
import { type Engine, resetDatabase, testDatabase } from './databases.ts';
import { testNetwork } from './test-network.ts';

// Tests stand on a fixed Tuesday morning in Paris, whatever the real date.
export const TEST_NOW = '2026-12-01T08:00:00Z';

export interface TestContext {
  engine: Engine;
  app: App;
  deps: AppDeps;
  db: Db;
  database: Database;
  clock: ManualClock;
  ids: {
    consulates: Record<'PAR' | 'MTL' | 'DXB', string>;
    services: Record<'passport' | 'passportMinor' | 'legalization' | 'copy', string>;
    departments: Record<string, string>; // `${code}:${kind}`
  };
}

/** A fresh, seeded database and an app on it; call in beforeAll of each engine's block. */
export async function createTestContext(engine: Engine): Promise<TestContext> {
  const database = await testDatabase(engine);
  await resetDatabase(database);
  const clock = new ManualClock(new Date(TEST_NOW));
  // The same keys seal the demo staff's TOTP secret and serve the app, which must open it.
  const keys = ephemeralKeys();
  await seedDemo({ db: database.db, clock, keys }, testNetwork());
  const dataDir = mkdtempSync(join(tmpdir(), 'mawid-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AVAILABILITY_CACHE_SECONDS: '2',
    DATA_DIR: dataDir,
  });
  const { app, deps } = await buildApp({ config, database, clock, logger: false, keys });
  app.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  await app.ready();
  const consulateRows = await database.db.select().from(consulates);
  const serviceRows = await database.db.select().from(services);
  const departmentRows = await database.db
    .select({ id: departments.id, kind: departments.kind, code: consulates.code })
    .from(departments)
    .innerJoin(consulates, eq(consulates.id, departments.consulateId));
  const byCode = (code: string) => consulateRows.find((c) => c.code === code)!.id;
  const service = (code: string) => serviceRows.find((s) => s.code === code)!.id;
  return {
    engine,
    app,
    deps,
    db: database.db,
    database,
    clock,
    ids: {
      consulates: { PAR: byCode('PAR'), MTL: byCode('MTL'), DXB: byCode('DXB') },
      services: {
        passport: service('passport_adult_new'),
        passportMinor: service('passport_minor'),
        legalization: service('signature_legalization'),
        copy: service('certified_copy'),
      },
      departments: Object.fromEntries(departmentRows.map((d) => [`${d.code}:${d.kind}`, d.id])),
    },
  };
}

export function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `${SESSION_COOKIE}=${cookie.value}`;
}

/**
 * Signs an account in through the API (password only) and returns its cookie header. For staff the
 * session still waits for its second factor: for tests of that half-open state.
 */
export async function signInPending(
  ctx: TestContext,
  email: string,
  password = DEMO_PASSWORD,
  remoteAddress = anyAddress(),
): Promise<string> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress,
  });
  if (response.statusCode !== 200 && response.statusCode !== 202) {
    throw new Error(`sign-in ${email}: ${response.statusCode} ${response.body}`);
  }
  return cookieOf(response);
}

// Sign-ins of one account, one after the other (see signInWithSecondFactor).
const signInsInFlight = new Map<string, Promise<unknown>>();

/**
 * Signs a seeded account in through the API and returns its cookie header, fully signed in: staff
 * complete the second factor with the code of DEMO_TOTP_SECRET at the test clock's time.
 *
 * The session has no idle limit: most tests move the clock by hours between two calls of the same
 * staff member, which is not what they test. Tests of the staff session limits use
 * signInWithSecondFactor, whose session keeps them.
 */
export async function signIn(ctx: TestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const cookie = await signInWithSecondFactor(ctx, email, password);
  await ctx.db.execute(
    sql`UPDATE sessions SET idle_minutes = NULL
        WHERE token_hash = ${sessionTokenHash(cookie.slice(SESSION_COOKIE.length + 1))}`,
  );
  return cookie;
}

/**
 * Signs a seeded account in through the API with its second factor (staff: the code of
 * DEMO_TOTP_SECRET at the test clock's time), and returns the cookie of a session with the real limits.
 *
 * Tests sign the same staff member in many times at one frozen instant, and a TOTP step is accepted
 * once: the account's last accepted step is forgotten before each code (replays are refused, and
 * tested, in the accounts module). Sign-ins of one account are serialized for the same reason.
 */
export async function signInWithSecondFactor(
  ctx: TestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const key = `${ctx.engine}:${email.toLowerCase()}`;
  const previous = signInsInFlight.get(key) ?? Promise.resolve();
  const attempt = previous.catch(() => undefined).then(() => signInNow(ctx, email, password));
  signInsInFlight.set(key, attempt);
  try {
    return await attempt;
  } finally {
    if (signInsInFlight.get(key) === attempt) signInsInFlight.delete(key);
  }
}

// Each sign-in from its own address: the per-address rate limits are not what these tests are about.
const anyAddress = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function signInNow(ctx: TestContext, email: string, password: string): Promise<string> {
  const remoteAddress = anyAddress();
  const pending = await signInPending(ctx, email, password, remoteAddress);
  const step = await ctx.app.inject({
    method: 'GET',
    url: '/api/v1/auth/second-factor',
    headers: { cookie: pending },
    remoteAddress,
  });
  // Citizens: nothing is pending, the session is complete.
  if (step.statusCode === 409) return pending;
  if (step.json().secondFactor !== 'verify') throw new Error(`sign-in ${email}: no second factor enrolled`);
  await ctx.db
    .update(accounts)
    .set({ totpLastStep: null })
    .where(eq(sql`lower(${accounts.email})`, email.toLowerCase()));
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/second-factor/verify',
    headers: { cookie: pending },
    payload: { code: await totpCode(DEMO_TOTP_SECRET, ctx.clock.now()) },
    remoteAddress,
  });
  if (response.statusCode !== 200) throw new Error(`second factor ${email}: ${response.statusCode} ${response.body}`);
  return cookieOf(response);
}

/**
 * Citizens made directly in the database with a session each, for tests that need many of them
 * (registration's argon2 hash is deliberately slow and is tested on its own).
 */
export async function makeCitizens(
  ctx: TestContext,
  count: number,
): Promise<{ accountId: string; personId: string; cookie: string }[]> {
  const made: { accountId: string; personId: string; cookie: string }[] = [];
  for (let i = 0; i < count; i++) {
    const [account] = await ctx.db
      .insert(accounts)
      .values({
        email: `citizen-${randomUUID()}@example.org`,
        passwordHash: 'not-a-usable-hash',
        role: 'citizen',
        emailVerifiedAt: ctx.clock.now(),
      })
      .returning({ id: accounts.id });
    const [person] = await ctx.db
      .insert(persons)
      .values({
        accountId: account!.id,
        relation: 'self',
        givenNameLatin: 'Test',
        familyNameLatin: `Citizen ${i}`,
        birthDate: '1990-01-01',
      })
      .returning({ id: persons.id });
    const session = await ctx.deps.sessions.create(account!.id);
    made.push({ accountId: account!.id, personId: person!.id, cookie: `${SESSION_COOKIE}=${session.token}` });
  }
  return made;
}

/** The first free slot of a service at a consulate, seen through the availability API. */
export async function firstFreeSlot(
  ctx: TestContext,
  consulateId: string,
  serviceId: string,
  range = { from: '2026-12-02', to: '2026-12-31' },
): Promise<{ slotId: number; startsAt: string; free: number }> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${range.from}&to=${range.to}`,
  });
  const body = response.json() as { days: { times: { slotId: number; startsAt: string; free: number }[] }[] };
  const slot = body.days[0]?.times[0];
  if (!slot) throw new Error(`no free slot: ${response.body}`);
  return slot;
}

export async function slotRow(ctx: TestContext, slotId: number) {
  const [row] = await queryRows<{ booked: number; capacity: number; status: string; planned_capacity: number }>(
    ctx.db,
    sql`SELECT booked, capacity, status, planned_capacity FROM slots WHERE id = ${slotId}`,
  );
  return row!;
}

export async function countRows(ctx: TestContext, table: string, where = sql`TRUE`): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`,
  );
  return row!.n;
}

/**
 * The body of a booking as a citizen's app sends it: for a service that needs verification, with
 * the person's accepted request (made directly in the database: verification has its own tests).
 */
export async function bookingBody(
  ctx: TestContext,
  cookie: string,
  body: { consulateId: string; serviceId: string; slotId: number; personId?: string },
): Promise<{ consulateId: string; serviceId: string; slotId: number; personId?: string; requestId?: string }> {
  const isUuid = /^[0-9a-f-]{36}$/.test(body.serviceId) && /^[0-9a-f-]{36}$/.test(body.consulateId);
  if (!isUuid) return body;
  const [service] = await ctx.db.select().from(services).where(eq(services.id, body.serviceId));
  if (!service?.requiresVerification) return body;
  const principal = await ctx.deps.sessions.resolve(cookie.replace(`${SESSION_COOKIE}=`, ''));
  // Anonymous or staff callers get the body as is: the API must refuse it on its own.
  if (!principal?.selfPersonId) return body;
  const personId = body.personId ?? principal.selfPersonId;
  const [existing] = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM requests WHERE person_id = ${personId} AND service_id = ${body.serviceId}
          AND consulate_id = ${body.consulateId} AND status = 'accepted'`,
  );
  if (existing) return { ...body, requestId: existing.id };
  const [department] = await queryRows<{ department_id: string }>(
    ctx.db,
    sql`SELECT department_id FROM consulate_services WHERE consulate_id = ${body.consulateId} AND service_id = ${body.serviceId}`,
  );
  if (!department) return body;
  const [created] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status, decided_at)
        VALUES (${`TST-D-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`},
                ${body.consulateId}, ${body.serviceId}, ${department!.department_id}, ${personId},
                ${principal.accountId}, 'accepted', ${ctx.clock.now()})
        RETURNING id`,
  );
  return { ...body, requestId: created!.id };
}
