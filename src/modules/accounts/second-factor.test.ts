import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { cookieOf, createTestContext, signInPending, TEST_NOW, type TestContext } from '../../test/harness.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../network/demo/seed-demo.ts';
import { RECOVERY_CODE_COUNT } from './recovery-codes.ts';
import {
  auditLogText,
  caller,
  codeAt,
  decodeQrDataUrl,
  expectProblem,
  freshAddress,
  makeStaff,
  otherThan,
} from './second-factor.test-support.ts';
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from './sign-in.ts';

describe.each(engines)('staff sign-in with a second factor on %s', (engine) => {
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

  const signInRequest = (email: string, password = DEMO_PASSWORD) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password },
      remoteAddress: freshAddress(),
    });
  const verify = (cookie: string, payload: object) =>
    call('POST', '/api/v1/auth/second-factor/verify', cookie, payload);

  it('enrols at the first sign-in, then asks a code at every sign-in; a code and a recovery code work once', async () => {
    const agent = await makeStaff(ctx, 'consular_agent', { consulateId: ctx.ids.consulates.PAR });

    // The right password opens a half-open session and says what comes next.
    const first = await signInRequest(agent.email);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ secondFactor: 'enrol', expiresAt: '2026-12-01T08:15:00.000Z' });
    const pending = cookieOf(first);
    expect((await call('GET', '/api/v1/auth/second-factor', pending)).json()).toMatchObject({ secondFactor: 'enrol' });
    const refused = await call('GET', '/api/v1/me', pending);
    expectProblem(refused, 401, 'SECOND_FACTOR_REQUIRED');
    expect(refused.json().secondFactor).toBe('enrol');
    expectProblem(await verify(pending, { code: '123456' }), 409, 'SECOND_FACTOR_NOT_ENROLLED');

    // The secret, shown once: as text, as an otpauth URL, and as a QR code of that URL.
    const enrolment = await call('POST', '/api/v1/auth/second-factor/enrolment', pending);
    expect(enrolment.statusCode, enrolment.body).toBe(200);
    expect(enrolment.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUrl, qrCode } = enrolment.json() as { secret: string; otpauthUrl: string; qrCode: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe(`/Mawid:${agent.email}`);
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Mawid');
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect(decodeQrDataUrl(qrCode)).toBe(otpauthUrl);
    // Kept sealed: the secret is nowhere in the account's row.
    const [row] = await queryRows<{ sealed: string; enrolled_at: Date | null }>(
      ctx.db,
      sql`SELECT totp_secret_sealed AS sealed, totp_enrolled_at AS enrolled_at FROM accounts WHERE id = ${agent.accountId}`,
    );
    expect(row!.sealed).toMatch(/^v1\./);
    expect(row!.sealed).not.toContain(secret);
    expect(row!.enrolled_at).toBeNull();

    // A wrong code is refused and changes nothing; the right one enrols and hands out the recovery codes.
    const code = await codeAt(ctx, secret);
    const confirm = (payload: object) => call('POST', '/api/v1/auth/second-factor/enrolment/confirm', pending, payload);
    expectProblem(await confirm({ code: otherThan(code) }), 400, 'SECOND_FACTOR_CODE_INVALID');
    expectProblem(await confirm({ code: 'abcdef' }), 400, 'VALIDATION_FAILED');
    expectProblem(await call('GET', '/api/v1/me', pending), 401, 'SECOND_FACTOR_REQUIRED');
    const confirmed = await confirm({ code });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const recoveryCode of recoveryCodes)
      expect(recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const signedIn = cookieOf(confirmed);
    expect(signedIn).not.toBe(pending);
    expect((await call('GET', '/api/v1/me', signedIn)).json()).toMatchObject({ email: agent.email });
    // The half-open session was replaced, not promoted.
    expectProblem(await call('GET', '/api/v1/me', pending), 401, 'UNAUTHENTICATED');
    expectProblem(
      await call('POST', '/api/v1/auth/second-factor/enrolment', signedIn),
      409,
      'SECOND_FACTOR_NOT_PENDING',
    );

    // Next sign-in: a code is required, and the one already used is refused.
    expect((await call('POST', '/api/v1/auth/sign-out', signedIn)).statusCode).toBe(204);
    const second = await signInRequest(agent.email);
    expect(second.statusCode).toBe(202);
    expect(second.json().secondFactor).toBe('verify');
    const pendingAgain = cookieOf(second);
    expectProblem(await call('GET', '/api/v1/me', pendingAgain), 401, 'SECOND_FACTOR_REQUIRED');
    expectProblem(
      await call('POST', '/api/v1/auth/second-factor/enrolment', pendingAgain),
      409,
      'SECOND_FACTOR_ALREADY_ENROLLED',
    );
    expectProblem(await verify(pendingAgain, { code }), 400, 'SECOND_FACTOR_CODE_USED');

    // A recovery code stands in for the app, once (typed in lower case and without the dash).
    const byRecovery = await verify(pendingAgain, { recoveryCode: recoveryCodes[3]!.replace('-', '').toLowerCase() });
    expect(byRecovery.statusCode, byRecovery.body).toBe(200);
    expect(byRecovery.json()).toMatchObject({ email: agent.email, role: 'consular_agent' });
    const third = cookieOf(await signInRequest(agent.email));
    expectProblem(await verify(third, { recoveryCode: recoveryCodes[3]! }), 400, 'SECOND_FACTOR_CODE_INVALID');
    expectProblem(await verify(third, { recoveryCode: 'ZZZZZ-ZZZZZ' }), 400, 'SECOND_FACTOR_CODE_INVALID');
    expectProblem(await verify(third, {}), 400, 'VALIDATION_FAILED');

    // The next step's code works, once.
    ctx.clock.set(new Date(new Date(TEST_NOW).getTime() + 30_000));
    const nextCode = await codeAt(ctx, secret);
    const byCode = await verify(third, { code: nextCode });
    expect(byCode.statusCode, byCode.body).toBe(200);
    const fourth = cookieOf(await signInRequest(agent.email));
    expectProblem(await verify(fourth, { code: nextCode }), 400, 'SECOND_FACTOR_CODE_USED');

    const events = await queryRows<{ action: string; actor_account_id: string; after: unknown }>(
      ctx.db,
      sql`SELECT action, actor_account_id, after FROM audit_events WHERE entity_id = ${agent.accountId} ORDER BY id`,
    );
    expect(events).toEqual([
      {
        action: 'account.second_factor_enrolled',
        actor_account_id: agent.accountId,
        after: { method: 'totp', recoveryCodes: 10 },
      },
      {
        action: 'account.recovery_code_used',
        actor_account_id: agent.accountId,
        after: { recoveryCodesLeft: 9 },
      },
    ]);
    const audit = await auditLogText(ctx);
    expect(audit).toContain('account.second_factor_enrolled');
    expect(audit).not.toContain(secret);
    for (const recoveryCode of recoveryCodes) {
      expect(audit).not.toContain(recoveryCode);
      expect(audit).not.toContain(recoveryCode.replace('-', ''));
    }
  });

  it('refuses a half-open staff session everywhere but the second-factor routes and sign-out', async () => {
    const pending = await signInPending(ctx, 'admin.par@mawid.example');
    for (const [method, url] of [
      ['GET', '/api/v1/me'],
      ['GET', `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/departments`],
      ['GET', `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/closures`],
      ['GET', '/api/v1/me/persons'],
      ['POST', `/api/v1/hq/staff/${ctx.ids.consulates.PAR}/second-factor/reset`],
    ] as const) {
      const body = method === 'POST' ? { reason: 'a phone was lost' } : undefined;
      const response = await call(method, url, pending, body);
      expectProblem(response, 401, 'SECOND_FACTOR_REQUIRED');
      expect(response.json().secondFactor).toBe('verify');
    }
    // The demo secret completes it.
    const verified = await verify(pending, { code: await codeAt(ctx, DEMO_TOTP_SECRET) });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ role: 'consulate_admin', consulateId: ctx.ids.consulates.PAR });
    const departments = await call(
      'GET',
      `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/departments`,
      cookieOf(verified),
    );
    expect(departments.statusCode, departments.body).toBe(200);

    // Sign-out ends a half-open session too.
    const another = await signInPending(ctx, 'admin.par@mawid.example');
    expect((await call('POST', '/api/v1/auth/sign-out', another)).statusCode).toBe(204);
    expectProblem(await call('GET', '/api/v1/auth/second-factor', another), 401, 'UNAUTHENTICATED');
  });

  it('leaves citizens as they were: signed in by the password, no second-factor step', async () => {
    const response = await signInRequest('amina.benali@example.org');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: 'citizen' });
    const cookie = cookieOf(response);
    expect((await call('GET', '/api/v1/me', cookie)).statusCode).toBe(200);
    expectProblem(await call('GET', '/api/v1/auth/second-factor', cookie), 409, 'SECOND_FACTOR_NOT_PENDING');
    expectProblem(await call('POST', '/api/v1/auth/second-factor/enrolment', cookie), 409, 'SECOND_FACTOR_NOT_PENDING');
    expectProblem(await verify(cookie, { code: '123456' }), 409, 'SECOND_FACTOR_NOT_PENDING');
    expectProblem(await call('POST', '/api/v1/auth/second-factor/enrolment'), 401, 'UNAUTHENTICATED');
  });

  it('counts wrong codes with wrong passwords: five in a row lock the account', async () => {
    const agent = await makeStaff(ctx, 'consular_agent', { consulateId: ctx.ids.consulates.PAR, isEnrolled: true });
    const pending = cookieOf(await signInRequest(agent.email));
    const wrong = otherThan(await codeAt(ctx, agent.secret!));
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expectProblem(await verify(pending, { code: wrong }), 400, 'SECOND_FACTOR_CODE_INVALID');
    }
    // Locked: even the right code waits, and so does the password.
    expectProblem(await verify(pending, { code: await codeAt(ctx, agent.secret!) }), 429, 'ACCOUNT_LOCKED');
    expectProblem(await signInRequest(agent.email), 429, 'ACCOUNT_LOCKED');
    ctx.clock.advanceMinutes(LOCK_MINUTES + 1);
    const later = cookieOf(await signInRequest(agent.email));
    expect((await verify(later, { code: await codeAt(ctx, agent.secret!) })).statusCode).toBe(200);
  });

  it('accepts a code once when two sign-ins send it at the same moment', async () => {
    const agent = await makeStaff(ctx, 'consular_agent', { consulateId: ctx.ids.consulates.PAR, isEnrolled: true });
    const pendings = [cookieOf(await signInRequest(agent.email)), cookieOf(await signInRequest(agent.email))];
    const code = await codeAt(ctx, agent.secret!);
    const answers = await Promise.all(pendings.map((pending) => verify(pending, { code })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400]);
    expect(answers.find((a) => a.statusCode === 400)!.json().code).toBe('SECOND_FACTOR_CODE_USED');
  });

  it('starts a new enrolment each time it is asked before confirming: only the last secret works', async () => {
    const agent = await makeStaff(ctx, 'consular_agent', { consulateId: ctx.ids.consulates.DXB });
    const pending = cookieOf(await signInRequest(agent.email));
    const first = (await call('POST', '/api/v1/auth/second-factor/enrolment', pending)).json().secret as string;
    const second = (await call('POST', '/api/v1/auth/second-factor/enrolment', pending)).json().secret as string;
    expect(second).not.toBe(first);
    const confirm = (code: string) => call('POST', '/api/v1/auth/second-factor/enrolment/confirm', pending, { code });
    expectProblem(await confirm(await codeAt(ctx, first)), 400, 'SECOND_FACTOR_CODE_INVALID');
    expect((await confirm(await codeAt(ctx, second))).statusCode).toBe(200);
  });
});

describe.each(engines)('what staff sign-in writes to the logs on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('never writes a secret, a code or a recovery code, even at the most verbose level', async () => {
    const written: string[] = [];
    // Pino writes to process.stdout when its write was replaced before the logger is made.
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace', DATA_DIR: ctx.deps.config.DATA_DIR });
    const { app } = await buildApp({ config, database: ctx.database, clock: ctx.clock, keys: ctx.deps.keys });
    try {
      await app.ready();
      const agent = await makeStaff(ctx, 'consular_agent', { consulateId: ctx.ids.consulates.PAR });
      const post = (url: string, cookie: string | undefined, payload?: object) =>
        app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {}, remoteAddress: freshAddress() });
      const pending = cookieOf(
        await post('/api/v1/auth/sign-in', undefined, { email: agent.email, password: DEMO_PASSWORD }),
      );
      const { secret } = (await post('/api/v1/auth/second-factor/enrolment', pending)).json() as { secret: string };
      const code = await codeAt(ctx, secret);
      const confirmed = await post('/api/v1/auth/second-factor/enrolment/confirm', pending, { code });
      const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
      const again = cookieOf(
        await post('/api/v1/auth/sign-in', undefined, { email: agent.email, password: DEMO_PASSWORD }),
      );
      expect(
        (await post('/api/v1/auth/second-factor/verify', again, { recoveryCode: recoveryCodes[0] })).statusCode,
      ).toBe(200);

      const logs = written.join('');
      // The flow was logged (so the search below searched something)…
      expect(logs).toContain('/api/v1/auth/second-factor/enrolment/confirm');
      // …and nothing secret was.
      for (const secretText of [secret, DEMO_PASSWORD, ...recoveryCodes]) expect(logs).not.toContain(secretText);
      // Six digits alone (not inside a longer number such as a timestamp).
      expect(logs).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
    } finally {
      await app.close();
      spy.mockRestore();
    }
  });
});
