import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { accounts } from './accounts.tables.ts';
import { hashPassword } from './passwords.ts';
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS } from './sign-in.ts';

describe.each(engines)('the sign-in lock on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const signIn = (email: string, password: string, i: number) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password },
      // Each guess from its own address: the per-address limiter is not what is tested here.
      remoteAddress: `10.9.${Math.floor(i / 250)}.${i % 250}`,
    });

  it('counts each attempt before checking it: of twenty guesses sent at once, only five are checked', async () => {
    const email = 'parallel.guesses@example.org';
    await ctx.db.insert(accounts).values({
      email,
      passwordHash: await hashPassword('the right password'),
      role: 'citizen',
      emailVerifiedAt: ctx.clock.now(),
    });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(email, `guess number ${i}`, i)));
    const codes = answers.map((a) => a.json().code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(20 - MAX_FAILED_SIGN_INS);
    // Locked: even the right password waits for the lock to run out, then works.
    expect((await signIn(email, 'the right password', 100)).json().code).toBe('ACCOUNT_LOCKED');
    const saved = ctx.clock.now();
    ctx.clock.advanceMinutes(LOCK_MINUTES + 1);
    try {
      expect((await signIn(email, 'the right password', 101)).statusCode).toBe(200);
      // A new count starts: one wrong guess is not a lock.
      expect((await signIn(email, 'wrong again', 102)).json().code).toBe('INVALID_CREDENTIALS');
      expect((await signIn(email, 'the right password', 103)).statusCode).toBe(200);
    } finally {
      ctx.clock.set(saved);
    }
  });
});
