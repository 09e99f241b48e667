import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { cookieOf, countRows, createTestContext, signIn, TEST_NOW, type TestContext } from '../../test/harness.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../network/demo/seed-demo.ts';
import { totpCode } from './totp.ts';

let addressCounter = 0;
/** A fresh client address per request, so the per-address throttle only bites where a test wants it. */
const freshAddress = () => `192.0.2.${(addressCounter++ % 250) + 1}`;

describe.each(engines)('accounts and sessions on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const register = (payload: Record<string, unknown>, remoteAddress = freshAddress()) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload, remoteAddress });
  const signInRequest = (payload: Record<string, unknown>, remoteAddress = freshAddress(), cookie?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload,
      remoteAddress,
      headers: cookie ? { cookie } : {},
    });
  const me = (cookie?: string) =>
    ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: cookie ? { cookie } : {} });
  const signOut = (cookie?: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: cookie ? { cookie } : {} });

  const newCitizen = (email: string) => ({
    email,
    password: 'correct horse battery',
    givenNameLatin: 'Nadia',
    familyNameLatin: 'Alaoui',
    givenNameArabic: 'نادية',
    familyNameArabic: 'العلوي',
    locale: 'en',
  });

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
  }

  async function accountByEmail(email: string) {
    const [row] = await queryRows<{ id: string; email: string; password_hash: string; role: string; locale: string }>(
      ctx.db,
      sql`SELECT id, email, password_hash, role, locale FROM accounts WHERE lower(email) = lower(${email})`,
    );
    return row;
  }

  describe('registration', () => {
    it('creates a citizen with their own person record and signs them in with a HttpOnly, Secure, SameSite=Lax cookie', async () => {
      const response = await register(newCitizen('Nadia.Alaoui@Example.org'));
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        email: 'nadia.alaoui@example.org',
        role: 'citizen',
        consulateId: null,
        departmentIds: [],
        locale: 'en',
      });
      expect(body.persons).toEqual([
        {
          id: expect.any(String),
          relation: 'self',
          givenNameLatin: 'Nadia',
          familyNameLatin: 'Alaoui',
          givenNameArabic: 'نادية',
          familyNameArabic: 'العلوي',
        },
      ]);
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie).toBeDefined();
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.secure).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      expect(cookie.path).toBe('/');
      expect(new Date(cookie.expires!).getTime()).toBe(new Date(TEST_NOW).getTime() + 12 * 3_600_000);
      const raw = String(response.headers['set-cookie']);
      expect(raw).toMatch(/HttpOnly/);
      expect(raw).toMatch(/Secure/);
      expect(raw).toMatch(/SameSite=Lax/);

      const account = await accountByEmail('nadia.alaoui@example.org');
      expect(account!.id).toBe(body.id);
      expect(await countRows(ctx, 'persons', sql`account_id = ${body.id} AND relation = 'self'`)).toBe(1);
      // The session works, and its token is not stored in clear.
      const whoAmI = await me(cookieOf(response));
      expect(whoAmI.statusCode).toBe(200);
      expect(whoAmI.json()).toEqual(body);
      expect(await countRows(ctx, 'sessions', sql`account_id = ${body.id}`)).toBe(1);
      expect(await countRows(ctx, 'sessions', sql`token_hash = ${cookie.value}`)).toBe(0);
    });

    it('stores the password as an argon2id PHC string, never in clear', async () => {
      const account = await accountByEmail('nadia.alaoui@example.org');
      expect(account!.password_hash.startsWith('$argon2id$')).toBe(true);
      expect(account!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(account!.password_hash).not.toContain('correct horse battery');
      const [clear] = await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM accounts WHERE password_hash LIKE ${'%correct horse%'}`,
      );
      expect(clear!.n).toBe(0);
      // The stored hash verifies the password through sign-in.
      const ok = await signInRequest({ email: 'nadia.alaoui@example.org', password: 'correct horse battery' });
      expect(ok.statusCode).toBe(200);
    });

    it('records the registration in the audit log without the e-mail or the name', async () => {
      const account = await accountByEmail('nadia.alaoui@example.org');
      const rows = await queryRows<{ actor_account_id: string; after: unknown; everything: string }>(
        ctx.db,
        sql`SELECT actor_account_id, after, row_to_json(e)::text AS everything FROM audit_events e
            WHERE action = 'account.registered' AND entity_id = ${account!.id}`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actor_account_id).toBe(account!.id);
      expect(rows[0]!.after).toEqual({ role: 'citizen', locale: 'en', hasPhone: false });
      expect(rows[0]!.everything.toLowerCase()).not.toContain('nadia');
      expect(rows[0]!.everything.toLowerCase()).not.toContain('alaoui');
      expect(rows[0]!.everything).not.toContain('@');
    });

    it('dates the registration audit event with the application clock, like every other audit event', async () => {
      const account = await accountByEmail('nadia.alaoui@example.org');
      const [event] = await queryRows<{ at: Date | string }>(
        ctx.db,
        sql`SELECT at FROM audit_events WHERE action = 'account.registered' AND entity_id = ${account!.id}`,
      );
      // The test clock stands at TEST_NOW; the seed's audit event is dated by it.
      const [seeded] = await queryRows<{ at: Date | string }>(
        ctx.db,
        sql`SELECT at FROM audit_events WHERE action = 'network.demo_seeded'`,
      );
      expect(new Date(seeded!.at).toISOString()).toBe(new Date(TEST_NOW).toISOString());
      expect(new Date(event!.at).toISOString()).toBe(ctx.clock.now().toISOString());
    });

    it('refuses an e-mail already in use, whatever its case, with 409 EMAIL_TAKEN and creates nothing', async () => {
      const accountsBefore = await countRows(ctx, 'accounts');
      const personsBefore = await countRows(ctx, 'persons');
      const auditBefore = await countRows(ctx, 'audit_events');
      for (const email of ['NADIA.ALAOUI@example.org', 'nadia.alaoui@EXAMPLE.ORG', 'Amina.Benali@Example.org']) {
        const response = await register(newCitizen(email));
        expectProblem(response, 409, 'EMAIL_TAKEN');
        expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      }
      expect(await countRows(ctx, 'accounts')).toBe(accountsBefore);
      expect(await countRows(ctx, 'persons')).toBe(personsBefore);
      expect(await countRows(ctx, 'audit_events')).toBe(auditBefore);
    });

    it('refuses a password shorter than 10 characters, and other invalid fields, with 400 and creates nothing', async () => {
      const accountsBefore = await countRows(ctx, 'accounts');
      const weak = await register({ ...newCitizen('weak@example.org'), password: 'abc123xyz' });
      expectProblem(weak, 400, 'VALIDATION_FAILED');
      expect(weak.json().fields).toEqual([{ path: 'body.password', message: 'must have at least 10 characters' }]);
      const several = await register({
        email: 'not-an-email',
        password: 'long enough password',
        givenNameLatin: '   ',
        familyNameLatin: 'Alaoui',
        givenNameArabic: 'Nadia',
        locale: 'de',
      });
      expectProblem(several, 400, 'VALIDATION_FAILED');
      expect(
        several
          .json()
          .fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['body.email', 'body.givenNameArabic', 'body.givenNameLatin', 'body.locale']);
      expect(await countRows(ctx, 'accounts')).toBe(accountsBefore);
      expect(await accountByEmail('weak@example.org')).toBeUndefined();
    });
  });

  describe('sign-in and sessions', () => {
    it('refuses a wrong password with 401 INVALID_CREDENTIALS and no cookie', async () => {
      const response = await signInRequest({ email: 'amina.benali@example.org', password: 'Mawid-demo-2025' });
      expectProblem(response, 401, 'INVALID_CREDENTIALS');
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('answers an unknown e-mail exactly as a wrong password', async () => {
      const wrong = await signInRequest({ email: 'amina.benali@example.org', password: 'not the password' });
      const unknown = await signInRequest({ email: 'nobody@example.org', password: 'not the password' });
      expectProblem(unknown, 401, 'INVALID_CREDENTIALS');
      const { instance: _a, ...wrongProblem } = wrong.json();
      const { instance: _b, ...unknownProblem } = unknown.json();
      expect(unknownProblem).toEqual(wrongProblem);
      expect(unknown.headers['set-cookie']).toBeUndefined();
    });

    it('signs a staff member in with the e-mail in any case, and tells their role, consulate and departments once the second factor is given', async () => {
      const response = await signInRequest({ email: 'Agent.PAR@mawid.example', password: DEMO_PASSWORD });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toMatchObject({ secondFactor: 'verify' });
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
      const verified = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor/verify',
        headers: { cookie: cookieOf(response) },
        payload: { code: await totpCode(DEMO_TOTP_SECRET, ctx.clock.now()) },
        remoteAddress: freshAddress(),
      });
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json()).toMatchObject({
        email: 'agent.par@mawid.example',
        role: 'consular_agent',
        consulateId: ctx.ids.consulates.PAR,
        departmentIds: [ctx.ids.departments['PAR:passport']],
        persons: [],
      });
      expect(verified.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
      });
      const whoAmI = await me(cookieOf(verified));
      expect(whoAmI.json()).toEqual(verified.json());
    });

    it('answers /me for a citizen with their persons, and 401 without or with a made-up session', async () => {
      const cookie = await signIn(ctx, 'amina.benali@example.org');
      const response = await me(cookie);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        email: 'amina.benali@example.org',
        role: 'citizen',
        persons: [expect.objectContaining({ relation: 'self', givenNameLatin: 'Amina', givenNameArabic: 'أمينة' })],
      });
      expectProblem(await me(), 401, 'UNAUTHENTICATED');
      expectProblem(await me(`${SESSION_COOKIE}=made-up-token`), 401, 'UNAUTHENTICATED');
    });

    it('opens a new session at each sign-in and revokes the one the browser presented', async () => {
      const first = await signInRequest({ email: 'youssef.elidrissi@example.org', password: DEMO_PASSWORD });
      const firstCookie = cookieOf(first);
      const second = await signInRequest({ email: 'youssef.elidrissi@example.org', password: DEMO_PASSWORD });
      const secondCookie = cookieOf(second);
      expect(secondCookie).not.toBe(firstCookie);
      expect((await me(firstCookie)).statusCode).toBe(200);
      expect((await me(secondCookie)).statusCode).toBe(200);
      // Signing in again from the first browser replaces its session.
      const third = await signInRequest(
        { email: 'youssef.elidrissi@example.org', password: DEMO_PASSWORD },
        freshAddress(),
        firstCookie,
      );
      const thirdCookie = cookieOf(third);
      expect(thirdCookie).not.toBe(firstCookie);
      expectProblem(await me(firstCookie), 401, 'UNAUTHENTICATED');
      expect((await me(secondCookie)).statusCode).toBe(200);
      expect((await me(thirdCookie)).statusCode).toBe(200);
      expect((await me(thirdCookie)).json().locale).toBe('ar');
    });

    it('ends the session at sign-out: 204, the cookie cleared, and the old cookie refused at once', async () => {
      const cookie = await signIn(ctx, 'admin.par@mawid.example');
      const other = await signIn(ctx, 'admin.par@mawid.example');
      expect((await me(cookie)).statusCode).toBe(200); // now cached in the session store
      const account = (await me(cookie)).json().id as string;
      const sessionsBefore = await countRows(ctx, 'sessions', sql`account_id = ${account}`);

      const response = await signOut(cookie);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cleared.value).toBe('');
      expect(new Date(cleared.expires!).getTime()).toBeLessThanOrEqual(Date.now());
      expect(await countRows(ctx, 'sessions', sql`account_id = ${account}`)).toBe(sessionsBefore - 1);

      expectProblem(await me(cookie), 401, 'UNAUTHENTICATED');
      const adminRoute = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/departments`,
        headers: { cookie },
      });
      expectProblem(adminRoute, 401, 'UNAUTHENTICATED');
      // The same person's other session is not touched.
      expect((await me(other)).statusCode).toBe(200);
      // Signing out without a session is harmless.
      expect((await signOut()).statusCode).toBe(204);
    });

    it('ends a citizen’s session once its 12 hours have passed', async () => {
      const cookie = await signIn(ctx, 'youssef.elidrissi@example.org');
      expect((await me(cookie)).statusCode).toBe(200);
      try {
        ctx.clock.advanceMinutes(12 * 60 - 1);
        expect((await me(cookie)).statusCode).toBe(200);
        ctx.clock.advanceMinutes(2);
        expectProblem(await me(cookie), 401, 'UNAUTHENTICATED');
      } finally {
        ctx.clock.set(TEST_NOW);
      }
    });
  });

  describe('throttling', () => {
    it('answers the 11th sign-in attempt from one address within a minute with 429 RATE_LIMITED', async () => {
      const address = '198.51.100.7';
      // Ten different addresses guessed (each account's own lock is tested apart).
      for (let attempt = 1; attempt <= 10; attempt++) {
        const response = await signInRequest(
          { email: `someone-${attempt}@example.org`, password: `guess number ${attempt}` },
          address,
        );
        expect(response.statusCode, `attempt ${attempt}`).toBe(401);
      }
      const eleventh = await signInRequest({ email: 'amina.benali@example.org', password: DEMO_PASSWORD }, address);
      expectProblem(eleventh, 429, 'RATE_LIMITED');
      expect(eleventh.json()).toMatchObject({ status: 429, type: 'urn:mawid:problem:rate-limited' });
      expect(eleventh.headers['set-cookie']).toBeUndefined();
      // Another address is not held back.
      const elsewhere = await signInRequest(
        { email: 'amina.benali@example.org', password: DEMO_PASSWORD },
        '198.51.100.8',
      );
      expect(elsewhere.statusCode).toBe(200);
    });

    it('throttles registration from one address the same way', async () => {
      const address = '198.51.100.9';
      const accountsBefore = await countRows(ctx, 'accounts');
      for (let attempt = 1; attempt <= 10; attempt++) {
        const response = await register(
          { ...newCitizen(`throttled-${attempt}@example.org`), password: 'short' },
          address,
        );
        expect(response.statusCode, `attempt ${attempt}`).toBe(400);
      }
      const eleventh = await register(newCitizen('throttled-11@example.org'), address);
      expectProblem(eleventh, 429, 'RATE_LIMITED');
      expect(await countRows(ctx, 'accounts')).toBe(accountsBefore);
    });
  });
});
