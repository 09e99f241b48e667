import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PENDING_SECOND_FACTOR_MINUTES,
  SESSION_COOKIE,
  SessionStore,
  STAFF_IDLE_MINUTES,
  STAFF_SESSION_HOURS,
  sessionTokenHash,
} from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import {
  createTestContext,
  makeCitizens,
  signInPending,
  signInWithSecondFactor,
  TEST_NOW,
  type TestContext,
} from '../../test/harness.ts';
import { caller, expectProblem, makeStaff } from './second-factor.test-support.ts';

describe.each(engines)('staff session limits on %s', (engine) => {
  let ctx: TestContext;
  let call: ReturnType<typeof caller>;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    call = caller(ctx);
  });
  afterAll(async () => {
    await ctx.app.close();
  });
  afterEach(() => ctx.clock.set(TEST_NOW));

  const me = (cookie: string) => call('GET', '/api/v1/me', cookie);
  const lastSeenAt = async (cookie: string) => {
    const [row] = await queryRows<{ last_seen_at: Date | string }>(
      ctx.db,
      sql`SELECT last_seen_at FROM sessions WHERE token_hash = ${sessionTokenHash(cookie.slice(SESSION_COOKIE.length + 1))}`,
    );
    return new Date(row!.last_seen_at).toISOString();
  };

  it('ends a staff session after 30 minutes idle, not after 29; each request starts the count again', async () => {
    expect(STAFF_IDLE_MINUTES).toBe(30);
    const cookie = await signInWithSecondFactor(ctx, 'agent.par@mawid.example');
    ctx.clock.advanceMinutes(29);
    expect((await me(cookie)).statusCode).toBe(200);
    ctx.clock.advanceMinutes(29);
    expect((await me(cookie)).statusCode).toBe(200);
    ctx.clock.advanceMinutes(31);
    expectProblem(await me(cookie), 401, 'UNAUTHENTICATED');
  });

  it('ends a staff session after 10 hours however active, and sign-out ends it at once', async () => {
    expect(STAFF_SESSION_HOURS).toBe(10);
    const cookie = await signInWithSecondFactor(ctx, 'callcenter@mawid.example');
    for (let minutes = 20; minutes < 10 * 60; minutes += 20) {
      ctx.clock.advanceMinutes(20);
      expect((await me(cookie)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    ctx.clock.advanceMinutes(19);
    expect((await me(cookie)).statusCode).toBe(200);
    ctx.clock.advanceMinutes(2);
    expectProblem(await me(cookie), 401, 'UNAUTHENTICATED');

    ctx.clock.set(TEST_NOW);
    const another = await signInWithSecondFactor(ctx, 'callcenter@mawid.example');
    expect((await me(another)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/auth/sign-out', another)).statusCode).toBe(204);
    expectProblem(await me(another), 401, 'UNAUTHENTICATED');
  });

  it('gives a half-open session 15 minutes to complete its second factor', async () => {
    const pending = await signInPending(ctx, 'hq@mawid.example');
    ctx.clock.advanceMinutes(PENDING_SECOND_FACTOR_MINUTES - 1);
    expect((await call('GET', '/api/v1/auth/second-factor', pending)).statusCode).toBe(200);
    ctx.clock.advanceMinutes(2);
    expectProblem(await call('GET', '/api/v1/auth/second-factor', pending), 401, 'UNAUTHENTICATED');
  });

  it('keeps citizens’ sessions to SESSION_TTL_HOURS, with no idle limit', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    ctx.clock.advanceMinutes(ctx.deps.config.SESSION_TTL_HOURS * 60 - 1);
    expect((await me(citizen!.cookie)).statusCode).toBe(200);
    ctx.clock.advanceMinutes(2);
    expectProblem(await me(citizen!.cookie), 401, 'UNAUTHENTICATED');
  });

  it('writes last_seen_at at most once a minute', async () => {
    const cookie = await signInWithSecondFactor(ctx, 'admin.dxb@mawid.example');
    const opened = await lastSeenAt(cookie);
    expect(opened).toBe(TEST_NOW.replace('Z', '.000Z'));
    // A store without a cache, so every request reads the session.
    const store = new SessionStore({ db: ctx.db, clock: ctx.clock, ttlHours: 12, cacheMs: 0 });
    const token = cookie.slice(SESSION_COOKIE.length + 1);
    ctx.clock.set(new Date(new Date(TEST_NOW).getTime() + 59_000));
    expect(await store.resolve(token)).not.toBeNull();
    expect(await lastSeenAt(cookie)).toBe(opened);
    ctx.clock.set(new Date(new Date(TEST_NOW).getTime() + 61_000));
    expect(await store.resolve(token)).not.toBeNull();
    const refreshed = await lastSeenAt(cookie);
    expect(refreshed).toBe('2026-12-01T08:01:01.000Z');
    ctx.clock.set(new Date(new Date(TEST_NOW).getTime() + 90_000));
    expect(await store.resolve(token)).not.toBeNull();
    expect(await lastSeenAt(cookie)).toBe(refreshed);
  });

  it('never serves an idle-ended session from its cache, and counts activity the cache answered', async () => {
    const staff = await makeStaff(ctx, 'treasury_auditor');
    const store = new SessionStore({ db: ctx.db, clock: ctx.clock, ttlHours: 12, cacheMs: 24 * 3_600_000 });
    const { token } = await store.create(staff.accountId);
    expect(await store.resolve(token)).toMatchObject({ accountId: staff.accountId, role: 'treasury_auditor' });
    ctx.clock.advanceMinutes(29);
    expect(await store.resolve(token)).not.toBeNull();
    ctx.clock.advanceMinutes(29);
    expect(await store.resolve(token)).not.toBeNull();
    // 31 minutes since the session was last seen: neither the cache nor the database may answer.
    ctx.clock.advanceMinutes(31);
    expect(await store.resolve(token)).toBeNull();
  });
});
