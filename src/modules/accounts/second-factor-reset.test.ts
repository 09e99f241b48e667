import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { cookieOf, countRows, createTestContext, signIn, signInPending, type TestContext } from '../../test/harness.ts';
import { DEMO_PASSWORD } from '../network/demo/seed-demo.ts';
import { auditLogText, caller, codeAt, expectProblem, freshAddress, makeStaff } from './second-factor.test-support.ts';

describe.each(engines)('resetting a staff member’s second factor on %s', (engine) => {
  let ctx: TestContext;
  let call: ReturnType<typeof caller>;
  let adminPar: string;
  let hq: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    call = caller(ctx);
    [adminPar, hq] = [await signIn(ctx, 'admin.par@mawid.example'), await signIn(ctx, 'hq@mawid.example')];
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const adminReset = (cookie: string, consulateId: string, accountId: string, reason = 'Téléphone perdu') =>
    call('POST', `/api/v1/admin/consulates/${consulateId}/staff/${accountId}/second-factor/reset`, cookie, { reason });
  const hqReset = (cookie: string, accountId: string, reason = 'Lost phone, ticket 42') =>
    call('POST', `/api/v1/hq/staff/${accountId}/second-factor/reset`, cookie, { reason });
  const accountIdOf = async (cookie: string) => (await call('GET', '/api/v1/me', cookie)).json().id as string;

  /** A staff member enrolled with their own secret, and one signed-in session of theirs. */
  async function enrolledStaff(role: 'consular_agent' | 'consulate_admin', consulateId: string) {
    const staff = await makeStaff(ctx, role, { consulateId, isEnrolled: true });
    const pending = await signInPending(ctx, staff.email);
    const verified = await call('POST', '/api/v1/auth/second-factor/verify', pending, {
      code: await codeAt(ctx, staff.secret!),
    });
    expect(verified.statusCode, verified.body).toBe(200);
    return { ...staff, cookie: cookieOf(verified) };
  }

  const secondFactorOf = async (accountId: string) => {
    const [row] = await queryRows<{ sealed: string | null; enrolled_at: Date | null; codes: number }>(
      ctx.db,
      sql`SELECT totp_secret_sealed AS sealed, totp_enrolled_at AS enrolled_at,
                 (SELECT count(*)::int FROM recovery_codes r WHERE r.account_id = a.id) AS codes
          FROM accounts a WHERE id = ${accountId}`,
    );
    return row!;
  };

  it('lets a consulate admin reset an agent of their consulate: audited, their sessions ended, enrolment anew', async () => {
    const agent = await enrolledStaff('consular_agent', ctx.ids.consulates.PAR);
    await ctx.db.execute(
      sql`INSERT INTO recovery_codes (account_id, code_hash) VALUES (${agent.accountId}, 'not-a-real-hash')`,
    );
    expect((await call('GET', '/api/v1/me', agent.cookie)).statusCode).toBe(200);
    const sessionsBefore = await countRows(ctx, 'sessions', sql`account_id = ${agent.accountId}`);
    expect(sessionsBefore).toBeGreaterThan(0);

    const response = await adminReset(adminPar, ctx.ids.consulates.PAR, agent.accountId);
    expect(response.statusCode, response.body).toBe(204);

    expect(await countRows(ctx, 'sessions', sql`account_id = ${agent.accountId}`)).toBe(0);
    expectProblem(await call('GET', '/api/v1/me', agent.cookie), 401, 'UNAUTHENTICATED');
    expect(await secondFactorOf(agent.accountId)).toEqual({ sealed: null, enrolled_at: null, codes: 0 });
    const [event] = await queryRows<{
      actor_account_id: string;
      entity_type: string;
      consulate_id: string;
      reason: string;
      before: unknown;
      after: unknown;
    }>(
      ctx.db,
      sql`SELECT actor_account_id, entity_type, consulate_id, reason, before, after FROM audit_events
          WHERE action = 'account.second_factor_reset' AND entity_id = ${agent.accountId}`,
    );
    expect(event).toEqual({
      actor_account_id: await accountIdOf(adminPar),
      entity_type: 'account',
      consulate_id: ctx.ids.consulates.PAR,
      reason: 'Téléphone perdu',
      before: { isEnrolled: true },
      after: { isEnrolled: false, sessionsEnded: true },
    });
    expect(await auditLogText(ctx)).not.toContain(agent.secret!);

    // The agent's password still works; the next step is a new enrolment.
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: agent.email, password: DEMO_PASSWORD },
      remoteAddress: freshAddress(),
    });
    expect(again.statusCode).toBe(202);
    expect(again.json().secondFactor).toBe('enrol');
  });

  it('answers 404 for another consulate’s agent, 403 for another admin, and 403 to citizens and agents', async () => {
    const dubaiAgent = await enrolledStaff('consular_agent', ctx.ids.consulates.DXB);
    const parisAdmin = await enrolledStaff('consulate_admin', ctx.ids.consulates.PAR);
    const parisAgent = await enrolledStaff('consular_agent', ctx.ids.consulates.PAR);

    // Another consulate's agent, through this consulate's route or that consulate's: as if absent.
    expectProblem(await adminReset(adminPar, ctx.ids.consulates.PAR, dubaiAgent.accountId), 404, 'STAFF_NOT_FOUND');
    expectProblem(await adminReset(adminPar, ctx.ids.consulates.DXB, dubaiAgent.accountId), 404, 'CONSULATE_NOT_FOUND');
    // A citizen, or no one, is not staff.
    const citizen = await signIn(ctx, 'amina.benali@example.org');
    const citizenId = await accountIdOf(citizen);
    expectProblem(await adminReset(adminPar, ctx.ids.consulates.PAR, citizenId), 404, 'STAFF_NOT_FOUND');
    // Another admin of the same consulate, and oneself: only HQ.
    expectProblem(await adminReset(adminPar, ctx.ids.consulates.PAR, parisAdmin.accountId), 403, 'FORBIDDEN');
    expectProblem(await adminReset(adminPar, ctx.ids.consulates.PAR, await accountIdOf(adminPar)), 403, 'FORBIDDEN');
    // Wrong roles.
    expectProblem(await adminReset(citizen, ctx.ids.consulates.PAR, parisAgent.accountId), 403, 'FORBIDDEN');
    expectProblem(await adminReset(parisAgent.cookie, ctx.ids.consulates.PAR, parisAgent.accountId), 403, 'FORBIDDEN');
    expectProblem(await hqReset(adminPar, parisAgent.accountId), 403, 'FORBIDDEN');
    // Without a reason, nothing happens.
    expectProblem(
      await adminReset(adminPar, ctx.ids.consulates.PAR, parisAgent.accountId, ' '),
      400,
      'VALIDATION_FAILED',
    );

    // None of it changed anything.
    for (const staff of [dubaiAgent, parisAdmin, parisAgent]) {
      expect((await call('GET', '/api/v1/me', staff.cookie)).statusCode).toBe(200);
      expect((await secondFactorOf(staff.accountId)).enrolled_at).not.toBeNull();
    }
    expect(
      await countRows(
        ctx,
        'audit_events',
        sql`action = 'account.second_factor_reset' AND entity_id IN (${dubaiAgent.accountId}, ${parisAdmin.accountId}, ${parisAgent.accountId})`,
      ),
    ).toBe(0);
  });

  it('lets HQ reset a consulate admin’s second factor (and any staff member’s), audited', async () => {
    const dubaiAdmin = await enrolledStaff('consulate_admin', ctx.ids.consulates.DXB);
    const response = await hqReset(hq, dubaiAdmin.accountId);
    expect(response.statusCode, response.body).toBe(204);
    expectProblem(await call('GET', '/api/v1/me', dubaiAdmin.cookie), 401, 'UNAUTHENTICATED');
    expect(await secondFactorOf(dubaiAdmin.accountId)).toMatchObject({ sealed: null, enrolled_at: null });
    const [event] = await queryRows<{ actor_account_id: string; reason: string; consulate_id: string }>(
      ctx.db,
      sql`SELECT actor_account_id, reason, consulate_id FROM audit_events
          WHERE action = 'account.second_factor_reset' AND entity_id = ${dubaiAdmin.accountId}`,
    );
    expect(event).toEqual({
      actor_account_id: await accountIdOf(hq),
      reason: 'Lost phone, ticket 42',
      consulate_id: ctx.ids.consulates.DXB,
    });

    // Through a consulate's route as well; a network-wide role too; never a citizen or oneself.
    const montrealAgent = await enrolledStaff('consular_agent', ctx.ids.consulates.MTL);
    expect((await adminReset(hq, ctx.ids.consulates.MTL, montrealAgent.accountId)).statusCode).toBe(204);
    const auditor = await makeStaff(ctx, 'treasury_auditor', { isEnrolled: true });
    expect((await hqReset(hq, auditor.accountId)).statusCode).toBe(204);
    const citizenId = await accountIdOf(await signIn(ctx, 'youssef.elidrissi@example.org'));
    expectProblem(await hqReset(hq, citizenId), 404, 'STAFF_NOT_FOUND');
    expectProblem(await hqReset(hq, await accountIdOf(hq)), 403, 'FORBIDDEN');
  });
});
