import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { cookieOf, countRows, createTestContext, type TestContext } from '../../test/harness.ts';

let counter = 0;
const address = () => `203.0.113.${(counter++ % 250) + 1}`;

describe.each(engines)('account lifecycle on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const post = (url: string, payload?: object, cookie?: string) =>
    ctx.app.inject({ method: 'POST', url, payload, remoteAddress: address(), headers: cookie ? { cookie } : {} });

  async function register(email: string, extra: Record<string, unknown> = {}) {
    const response = await post('/api/v1/auth/register', {
      email,
      password: 'a long enough password',
      givenNameLatin: 'Karim',
      familyNameLatin: 'Tazi',
      locale: 'fr',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return { cookie: cookieOf(response), accountId: response.json().id as string };
  }

  /** The last code queued for an account (the notification worker delivers it by e-mail). */
  async function lastCode(accountId: string, kind: string): Promise<string> {
    const [row] = await queryRows<{ code: string }>(
      ctx.db,
      sql`SELECT payload->>'code' AS code FROM outbox_messages WHERE account_id = ${accountId} AND kind = ${kind}
          ORDER BY id DESC LIMIT 1`,
    );
    return row!.code;
  }

  it('confirms the e-mail with the code sent at registration, and only then lets the citizen open requests', async () => {
    const { cookie, accountId } = await register('karim.tazi@example.org', {
      phone: '+33 6 12 34 56 78',
      birthDate: '1991-07-23',
    });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ emailConfirmed: false, phone: '+33612345678' });
    const openRequest = () =>
      post(
        '/api/v1/requests',
        { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.legalization },
        cookie,
      );
    expect((await openRequest()).json().code).toBe('EMAIL_NOT_CONFIRMED');
    const code = await lastCode(accountId, 'account.email_code');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await post('/api/v1/auth/email/confirm', { code: code === '000000' ? '111111' : '000000' }, cookie);
    expect(wrong.json().code).toBe('CODE_INVALID');
    const right = await post('/api/v1/auth/email/confirm', { code }, cookie);
    expect(right.statusCode).toBe(200);
    expect(right.json().emailConfirmed).toBe(true);
    expect((await post('/api/v1/auth/email/confirm', { code }, cookie)).json().code).toBe('CODE_INVALID');
    expect((await openRequest()).statusCode).toBe(201);
  });

  it('lets a code be guessed five times at most', async () => {
    const { cookie, accountId } = await register('five.tries@example.org');
    const code = await lastCode(accountId, 'account.email_code');
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/email/confirm', { code: wrong }, cookie);
    const late = await post('/api/v1/auth/email/confirm', { code }, cookie);
    expect(late.json().code).toBe('CODE_INVALID');
    // A new code works.
    await post('/api/v1/auth/email/resend', undefined, cookie);
    const fresh = await lastCode(accountId, 'account.email_code');
    expect((await post('/api/v1/auth/email/confirm', { code: fresh }, cookie)).statusCode).toBe(200);
  });

  it('resets a forgotten password with the e-mailed code and ends every session', async () => {
    const { cookie, accountId } = await register('forgetful@example.org');
    const unknown = await post('/api/v1/auth/password-reset', { email: 'nobody@example.org' });
    const known = await post('/api/v1/auth/password-reset', { email: 'Forgetful@example.org' });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const code = await lastCode(accountId, 'account.password_reset_code');
    const reset = await post('/api/v1/auth/password-reset/confirm', {
      email: 'forgetful@example.org',
      code,
      password: 'a brand new password',
    });
    expect(reset.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    const old = await post('/api/v1/auth/sign-in', {
      email: 'forgetful@example.org',
      password: 'a long enough password',
    });
    expect(old.statusCode).toBe(401);
    const fresh = await post('/api/v1/auth/sign-in', {
      email: 'forgetful@example.org',
      password: 'a brand new password',
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().emailConfirmed).toBe(true);
  });

  it('changes the password: the other sessions end, the caller gets a new one', async () => {
    const { cookie } = await register('changer@example.org');
    const other = cookieOf(
      await post('/api/v1/auth/sign-in', { email: 'changer@example.org', password: 'a long enough password' }),
    );
    const wrong = await post(
      '/api/v1/me/password',
      { currentPassword: 'not it at all', newPassword: 'another good password' },
      cookie,
    );
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const changed = await post(
      '/api/v1/me/password',
      { currentPassword: 'a long enough password', newPassword: 'another good password' },
      cookie,
    );
    expect(changed.statusCode).toBe(204);
    const renewed = cookieOf(changed);
    for (const [c, status] of [
      [cookie, 401],
      [other, 401],
      [renewed, 200],
    ] as const) {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c } })).statusCode).toBe(
        status,
      );
    }
  });

  it('locks an account after five wrong passwords from any addresses, for fifteen minutes', async () => {
    await register('target@example.org');
    for (let i = 0; i < 5; i++) {
      expect(
        (await post('/api/v1/auth/sign-in', { email: 'target@example.org', password: `wrong ${i} password` }))
          .statusCode,
      ).toBe(401);
    }
    const locked = await post('/api/v1/auth/sign-in', {
      email: 'target@example.org',
      password: 'a long enough password',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const saved = ctx.clock.now();
    ctx.clock.advanceMinutes(16);
    try {
      const later = await post('/api/v1/auth/sign-in', {
        email: 'target@example.org',
        password: 'a long enough password',
      });
      expect(later.statusCode).toBe(200);
    } finally {
      ctx.clock.set(saved);
    }
  });

  it('adds a relative with validated identity details and acts for them', async () => {
    const { cookie, accountId } = await register('parent@example.org');
    await post('/api/v1/auth/email/confirm', { code: await lastCode(accountId, 'account.email_code') }, cookie);
    const invalid = await post(
      '/api/v1/me/persons',
      {
        relation: 'child',
        givenNameLatin: 'Rayan',
        familyNameLatin: 'Tazi',
        givenNameArabic: 'Rayan',
        birthDate: '2999-01-01',
        cnieNumber: '12345',
        passportNumber: 'A12',
        consularRegistrationNumber: 'abc',
      },
      cookie,
    );
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual([
      'body.birthDate',
      'body.cnieNumber',
      'body.consularRegistrationNumber',
      'body.givenNameArabic',
      'body.passportNumber',
    ]);
    expect(await countRows(ctx, 'persons', sql`account_id = ${accountId}`)).toBe(1);
    const child = await post(
      '/api/v1/me/persons',
      {
        relation: 'child',
        givenNameLatin: 'Rayan',
        familyNameLatin: 'Tazi',
        givenNameArabic: 'ريان',
        familyNameArabic: 'التازي',
        birthDate: '2019-05-04',
        birthPlace: 'Lyon',
        passportNumber: 'ab1234567',
      },
      cookie,
    );
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({ relation: 'child', passportNumber: 'AB1234567', noShowCount: 0 });
    // A seven-year-old gets a minor's passport, never an adult's.
    const adults = await post(
      '/api/v1/requests',
      { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.passport, personId: child.json().id },
      cookie,
    );
    expect(adults.statusCode).toBe(422);
    expect(adults.json()).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'too_young', minAgeYears: 18 });
    const request = await post(
      '/api/v1/requests',
      { consulateId: ctx.ids.consulates.PAR, serviceId: ctx.ids.services.passportMinor, personId: child.json().id },
      cookie,
    );
    expect(request.statusCode).toBe(201);
    expect(request.json().person.givenNameArabic).toBe('ريان');
    // The audit names the fields, never the identity numbers.
    const [event] = await queryRows<{ text: string }>(
      ctx.db,
      sql`SELECT row_to_json(e)::text AS text FROM audit_events e WHERE action = 'person.added' AND entity_id = ${child.json().id}`,
    );
    expect(event!.text).toContain('passportNumber');
    expect(event!.text).not.toContain('AB1234567');
    const stranger = await register('stranger@example.org');
    const hijack = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/me/persons/${child.json().id}`,
      headers: { cookie: stranger.cookie },
      payload: { birthPlace: 'Paris' },
    });
    expect(hijack.statusCode).toBe(404);
  });
});
