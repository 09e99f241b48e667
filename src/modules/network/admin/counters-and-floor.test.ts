import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db.ts';
import { engines } from '../../../test/databases.ts';
import { countRows, createTestContext, type TestContext } from '../../../test/harness.ts';
import { adminTestKit, expectProblem, UNKNOWN_UUID } from './admin.test-support.ts';

type Counter = {
  id: string;
  departmentId: string;
  label: string;
  isActive: boolean;
  agentId: string | null;
  openedAt: string | null;
  serviceIds: string[];
};

describe.each(engines)('counters, walk-ins and the waiting room on %s', (engine) => {
  let ctx: TestContext;
  let kit: Awaited<ReturnType<typeof adminTestKit>>;
  let passport: string;
  let created: Counter;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    kit = await adminTestKit(ctx);
    passport = ctx.ids.departments['PAR:passport']!;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const counters = async (cookie: string, query = '') => {
    const response = await kit.call('GET', kit.adminUrl('PAR', `/counters${query}`), cookie);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { counters: Counter[] }).counters;
  };
  const counterUrl = (id: string, rest = '') => kit.adminUrl('PAR', `/counters/${id}${rest}`);

  describe('counters', () => {
    it('lists the consulate’s counters by department to its admin and agents', async () => {
      for (const cookie of [kit.cookies.adminPar, kit.cookies.agentPar, kit.cookies.hq]) {
        const all = await counters(cookie);
        // The demo gives Paris five counters in each of its two departments, all serving everything.
        expect(all).toHaveLength(10);
        expect(all.filter((c) => c.departmentId === passport).map((c) => c.label)).toEqual(['1', '2', '3', '4', '5']);
        expect(all.every((c) => c.isActive && c.serviceIds.length === 0 && c.agentId === null)).toBe(true);
      }
      expect((await counters(kit.cookies.adminPar, `?departmentId=${passport}`)).map((c) => c.departmentId)).toEqual(
        Array(5).fill(passport),
      );
      expectProblem(
        await kit.call(
          'GET',
          kit.adminUrl('PAR', `/counters?departmentId=${ctx.ids.departments['MTL:passport']}`),
          kit.cookies.adminPar,
        ),
        404,
        'DEPARTMENT_NOT_FOUND',
      );
    });

    it('creates a counter, refuses a label the department already has, and audits it', async () => {
      const response = await kit.call('POST', kit.adminUrl('PAR', '/counters'), kit.cookies.adminPar, {
        departmentId: passport,
        label: '  Accueil A ',
      });
      expect(response.statusCode, response.body).toBe(201);
      created = response.json() as Counter;
      expect(created).toMatchObject({
        departmentId: passport,
        label: 'Accueil A',
        isActive: true,
        agentId: null,
        openedAt: null,
        serviceIds: [],
      });
      expect(await kit.lastAudit('counter.created', created.id)).toMatchObject({
        actor_account_id: kit.accountIds['admin.par@mawid.example'],
        consulate_id: ctx.ids.consulates.PAR,
        after: { departmentId: passport, label: 'Accueil A', isActive: true },
      });
      expect((await counters(kit.cookies.adminPar, `?departmentId=${passport}`)).map((c) => c.label)).toContain(
        'Accueil A',
      );

      const before = await countRows(ctx, 'counters');
      const again = await kit.call('POST', kit.adminUrl('PAR', '/counters'), kit.cookies.adminPar, {
        departmentId: passport,
        label: 'Accueil A',
      });
      expectProblem(again, 409, 'COUNTER_LABEL_TAKEN');
      // The same label in another department is another counter.
      const elsewhere = await kit.call('POST', kit.adminUrl('PAR', '/counters'), kit.cookies.adminPar, {
        departmentId: ctx.ids.departments['PAR:legalization'],
        label: 'Accueil A',
      });
      expect(elsewhere.statusCode, elsewhere.body).toBe(201);
      expectProblem(
        await kit.call('POST', kit.adminUrl('PAR', '/counters'), kit.cookies.adminPar, {
          departmentId: ctx.ids.departments['DXB:passport'],
          label: 'Intrus',
        }),
        404,
        'DEPARTMENT_NOT_FOUND',
      );
      expectProblem(
        await kit.call('POST', kit.adminUrl('PAR', '/counters'), kit.cookies.adminPar, {
          departmentId: passport,
          label: '   ',
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(await countRows(ctx, 'counters')).toBe(before + 1);
    });

    it('renames a counter and takes it out of service and back, refusing a taken label', async () => {
      const renamed = await kit.call('PATCH', counterUrl(created.id), kit.cookies.adminPar, { label: 'Guichet 6' });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json()).toMatchObject({ id: created.id, label: 'Guichet 6', isActive: true });
      expect(await kit.lastAudit('counter.updated', created.id)).toMatchObject({
        actor_account_id: kit.accountIds['admin.par@mawid.example'],
        before: { label: 'Accueil A', isActive: true },
        after: { label: 'Guichet 6', isActive: true },
      });
      expectProblem(
        await kit.call('PATCH', counterUrl(created.id), kit.cookies.adminPar, { label: '1' }),
        409,
        'COUNTER_LABEL_TAKEN',
      );
      const off = await kit.call('PATCH', counterUrl(created.id), kit.cookies.adminPar, { isActive: false });
      expect(off.json()).toMatchObject({ label: 'Guichet 6', isActive: false });
      const on = await kit.call('PATCH', counterUrl(created.id), kit.cookies.hq, { isActive: true });
      expect(on.json()).toMatchObject({ isActive: true });
      expect(await kit.lastAudit('counter.updated', created.id)).toMatchObject({
        actor_account_id: kit.accountIds['hq@mawid.example'],
        before: { isActive: false },
        after: { isActive: true },
      });
      expectProblem(
        await kit.call('PATCH', counterUrl(created.id), kit.cookies.adminPar, {}),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('does not take out of service a counter an agent has open', async () => {
      const [first] = await counters(kit.cookies.adminPar, `?departmentId=${passport}`);
      await ctx.db.execute(
        sql`UPDATE counters SET agent_id = ${kit.accountIds['agent.par@mawid.example']}, opened_at = ${ctx.clock.now()}
            WHERE id = ${first!.id}`,
      );
      const audit = await countRows(ctx, 'audit_events');
      expectProblem(
        await kit.call('PATCH', counterUrl(first!.id), kit.cookies.adminPar, { isActive: false }),
        409,
        'COUNTER_IN_USE',
      );
      expect(await countRows(ctx, 'audit_events')).toBe(audit);
      // A new label is fine while it is open.
      const renamed = await kit.call('PATCH', counterUrl(first!.id), kit.cookies.adminPar, { label: 'Un' });
      expect(renamed.json()).toMatchObject({
        label: 'Un',
        isActive: true,
        agentId: kit.accountIds['agent.par@mawid.example'],
      });
      await ctx.db.execute(sql`UPDATE counters SET agent_id = NULL, opened_at = NULL WHERE id = ${first!.id}`);
    });

    it('sets the services a counter serves among its department’s, refusing another department’s', async () => {
      const both = [ctx.ids.services.passport, ctx.ids.services.passportMinor];
      const set = await kit.call('PUT', counterUrl(created.id, '/services'), kit.cookies.adminPar, {
        serviceIds: both,
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().serviceIds).toEqual([...both].sort());
      expect(await kit.lastAudit('counter.services_set', created.id)).toMatchObject({
        before: { serviceIds: [] },
        after: { serviceIds: [...both].sort() },
      });

      const audit = await countRows(ctx, 'audit_events');
      const wrong = await kit.call('PUT', counterUrl(created.id, '/services'), kit.cookies.adminPar, {
        serviceIds: [ctx.ids.services.passport, ctx.ids.services.legalization],
      });
      expectProblem(wrong, 422, 'SERVICE_NOT_IN_DEPARTMENT');
      expect(wrong.json().serviceIds).toEqual([ctx.ids.services.legalization]);
      expect(await countRows(ctx, 'audit_events')).toBe(audit);
      const [unchanged] = await counters(kit.cookies.adminPar, '').then((all) =>
        all.filter((c) => c.id === created.id),
      );
      expect(unchanged!.serviceIds).toEqual([...both].sort());

      expectProblem(
        await kit.call('PUT', counterUrl(created.id, '/services'), kit.cookies.adminPar, {
          serviceIds: [ctx.ids.services.passport, ctx.ids.services.passport],
        }),
        400,
        'VALIDATION_FAILED',
      );
      // Empty: every service of the department again.
      const all = await kit.call('PUT', counterUrl(created.id, '/services'), kit.cookies.adminPar, { serviceIds: [] });
      expect(all.json().serviceIds).toEqual([]);
      expect(await countRows(ctx, 'counter_services', sql`counter_id = ${created.id}`)).toBe(0);
    });

    it('answers 404 for another consulate’s counter, and 403 to agents changing counters', async () => {
      const [dubaiCounter] = await queryRows<{ id: string }>(
        ctx.db,
        sql`SELECT id FROM counters WHERE department_id = ${ctx.ids.departments['DXB:passport']} LIMIT 1`,
      );
      expectProblem(
        await kit.call('PATCH', counterUrl(dubaiCounter!.id), kit.cookies.adminPar, { label: 'Mine' }),
        404,
        'COUNTER_NOT_FOUND',
      );
      expectProblem(
        await kit.call('PUT', counterUrl(UNKNOWN_UUID, '/services'), kit.cookies.adminPar, { serviceIds: [] }),
        404,
        'COUNTER_NOT_FOUND',
      );
      const before = { counters: await countRows(ctx, 'counters'), audit: await countRows(ctx, 'audit_events') };
      const changes = [
        {
          method: 'POST' as const,
          url: kit.adminUrl('PAR', '/counters'),
          payload: { departmentId: passport, label: 'X' },
        },
        { method: 'PATCH' as const, url: counterUrl(created.id), payload: { isActive: false } },
        { method: 'PUT' as const, url: counterUrl(created.id, '/services'), payload: { serviceIds: [] } },
      ];
      for (const { method, url, payload } of changes) {
        expectProblem(await kit.call(method, url, kit.cookies.adminDxb, payload), 404, 'CONSULATE_NOT_FOUND');
        for (const cookie of [kit.cookies.agentPar, kit.cookies.callCenter, kit.cookies.citizen]) {
          expectProblem(await kit.call(method, url, cookie, payload), 403, 'FORBIDDEN');
        }
        expectProblem(await kit.call(method, url, undefined, payload), 401, 'UNAUTHENTICATED');
      }
      expectProblem(
        await kit.call('GET', kit.adminUrl('PAR', '/counters'), kit.cookies.adminDxb),
        404,
        'CONSULATE_NOT_FOUND',
      );
      expectProblem(await kit.call('GET', kit.adminUrl('PAR', '/counters'), kit.cookies.citizen), 403, 'FORBIDDEN');
      expect({ counters: await countRows(ctx, 'counters'), audit: await countRows(ctx, 'audit_events') }).toEqual(
        before,
      );
    });
  });

  describe('walk-ins', () => {
    const offer = async (cookie: string) => {
      const response = await kit.call('GET', kit.adminUrl('PAR', '/services'), cookie);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { services: { id: string; acceptsWalkIns: boolean; isEnabled: boolean }[] }).services;
    };

    it('lets the admin say which services accept walk-ins, audited, and shows it to agents', async () => {
      const initial = new Map((await offer(kit.cookies.agentPar)).map((s) => [s.id, s.acceptsWalkIns]));
      const wanted = !initial.get(ctx.ids.services.copy);
      const url = kit.adminUrl('PAR', `/services/${ctx.ids.services.copy}`);
      const response = await kit.call('PATCH', url, kit.cookies.adminPar, { acceptsWalkIns: wanted });
      expect(response.statusCode, response.body).toBe(200);
      const services = await offer(kit.cookies.agentPar);
      expect(new Map(services.map((s) => [s.id, s.acceptsWalkIns]))).toEqual(
        new Map([...initial, [ctx.ids.services.copy, wanted]]),
      );
      const audit = await kit.lastAudit('offer.updated', `${ctx.ids.consulates.PAR}:${ctx.ids.services.copy}`);
      expect(audit).toMatchObject({
        actor_account_id: kit.accountIds['admin.par@mawid.example'],
        before: { acceptsWalkIns: !wanted },
        after: { acceptsWalkIns: wanted },
      });
      // A disabled service stays on the admin's list, with its settings.
      await kit.call('PATCH', url, kit.cookies.adminPar, { isEnabled: false });
      expect((await offer(kit.cookies.adminPar)).find((s) => s.id === ctx.ids.services.copy)).toMatchObject({
        isEnabled: false,
        acceptsWalkIns: wanted,
      });
      await kit.call('PATCH', url, kit.cookies.adminPar, { isEnabled: true });

      expectProblem(
        await kit.call('PATCH', url, kit.cookies.adminPar, { acceptsWalkIns: 'yes' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await kit.call('PATCH', url, kit.cookies.agentPar, { acceptsWalkIns: false }), 403, 'FORBIDDEN');
      expectProblem(
        await kit.call('PATCH', url, kit.cookies.adminDxb, { acceptsWalkIns: false }),
        404,
        'CONSULATE_NOT_FOUND',
      );
      expectProblem(
        await kit.call('GET', kit.adminUrl('PAR', '/services'), kit.cookies.adminDxb),
        404,
        'CONSULATE_NOT_FOUND',
      );
      expectProblem(await kit.call('GET', kit.adminUrl('PAR', '/services'), kit.cookies.citizen), 403, 'FORBIDDEN');
      expect((await offer(kit.cookies.adminPar)).find((s) => s.id === ctx.ids.services.copy)!.acceptsWalkIns).toBe(
        wanted,
      );
    });
  });

  describe('the waiting room', () => {
    const url = () => kit.adminUrl('PAR', '/waiting-room');

    it('sets and clears its capacity, audited, readable by agents', async () => {
      const initial = (await kit.call('GET', url(), kit.cookies.agentPar)).json() as { capacity: number | null };
      expect(initial).toEqual({ consulateId: ctx.ids.consulates.PAR, capacity: initial.capacity });
      expect(initial.capacity).not.toBe(80);
      const set = await kit.call('PUT', url(), kit.cookies.adminPar, { capacity: 80 });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({ consulateId: ctx.ids.consulates.PAR, capacity: 80 });
      expect((await kit.call('GET', url(), kit.cookies.agentPar)).json().capacity).toBe(80);
      expect(await kit.lastAudit('consulate.waiting_room_capacity_set', ctx.ids.consulates.PAR)).toMatchObject({
        actor_account_id: kit.accountIds['admin.par@mawid.example'],
        consulate_id: ctx.ids.consulates.PAR,
        before: { waitingRoomCapacity: initial.capacity },
        after: { waitingRoomCapacity: 80 },
      });
      // Montréal's is its own.
      const montreal = await kit.call('GET', kit.adminUrl('MTL', '/waiting-room'), kit.cookies.hq);
      expect(montreal.json().capacity).not.toBe(80);
      const cleared = await kit.call('PUT', url(), kit.cookies.hq, { capacity: null });
      expect(cleared.json().capacity).toBeNull();
      expect((await kit.call('GET', url(), kit.cookies.adminPar)).json().capacity).toBeNull();
      expect(await kit.lastAudit('consulate.waiting_room_capacity_set', ctx.ids.consulates.PAR)).toMatchObject({
        actor_account_id: kit.accountIds['hq@mawid.example'],
        before: { waitingRoomCapacity: 80 },
        after: { waitingRoomCapacity: null },
      });
      await kit.call('PUT', url(), kit.cookies.adminPar, { capacity: 80 });
    });

    it('refuses a capacity out of range and callers who may not set it, changing nothing', async () => {
      const audit = await countRows(ctx, 'audit_events');
      for (const capacity of [0, -5, 100_001, 2.5, '80']) {
        expectProblem(await kit.call('PUT', url(), kit.cookies.adminPar, { capacity }), 400, 'VALIDATION_FAILED');
      }
      expectProblem(await kit.call('PUT', url(), kit.cookies.adminPar, {}), 400, 'VALIDATION_FAILED');
      expectProblem(await kit.call('PUT', url(), kit.cookies.adminDxb, { capacity: 5 }), 404, 'CONSULATE_NOT_FOUND');
      expectProblem(await kit.call('GET', url(), kit.cookies.adminDxb), 404, 'CONSULATE_NOT_FOUND');
      for (const cookie of [kit.cookies.agentPar, kit.cookies.callCenter, kit.cookies.citizen]) {
        expectProblem(await kit.call('PUT', url(), cookie, { capacity: 5 }), 403, 'FORBIDDEN');
      }
      expectProblem(await kit.call('GET', url(), kit.cookies.citizen), 403, 'FORBIDDEN');
      expectProblem(await kit.call('PUT', url(), undefined, { capacity: 5 }), 401, 'UNAUTHENTICATED');
      expect(await countRows(ctx, 'audit_events')).toBe(audit);
      expect((await kit.call('GET', url(), kit.cookies.adminPar)).json().capacity).toBe(80);
    });
  });
});
