import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';

describe.each(engines)('the staff context on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const me = (cookie?: string) =>
    ctx.app.inject({ method: 'GET', url: '/api/v1/staff/me', headers: cookie ? { cookie } : {} });

  it('tells an agent their consulate and only their departments, an admin all of them', async () => {
    const agent = (await me(await signIn(ctx, 'agent.par@mawid.example'))).json();
    expect(agent).toMatchObject({ role: 'consular_agent', consulate: { id: ctx.ids.consulates.PAR, code: 'PAR' } });
    const agentKinds = agent.departments.map((d: { kind: string }) => d.kind).sort();
    const admin = (await me(await signIn(ctx, 'admin.par@mawid.example'))).json();
    expect(admin.role).toBe('consulate_admin');
    const adminKinds = admin.departments.map((d: { kind: string }) => d.kind).sort();
    expect(adminKinds.length).toBeGreaterThanOrEqual(agentKinds.length);
    expect(agentKinds.every((kind: string) => adminKinds.includes(kind))).toBe(true);
    expect(agent.departments[0].ticketPrefix).toMatch(/^[A-Z]{1,2}$/);
  });

  it('gives network roles no consulate, and refuses citizens and strangers', async () => {
    expect((await me(await signIn(ctx, 'hq@mawid.example'))).json()).toMatchObject({
      role: 'hq_admin',
      consulate: null,
      departments: [],
    });
    const [citizen] = await makeCitizens(ctx, 1);
    expect((await me(citizen!.cookie)).statusCode).toBe(403);
    expect((await me()).statusCode).toBe(401);
  });
});
