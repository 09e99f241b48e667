import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditLog } from '../../platform/audit.ts';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, signIn, TEST_NOW, type TestContext } from '../../test/harness.ts';
import { accountIdOf, type Citizen, citizenOf, freeSlots } from '../callcenter/callcenter.testkit.ts';
import { samplePdf } from '../documents/documents.fixtures.ts';
import { openRequest, setRequestStatus, upload } from '../documents/documents.testkit.ts';

type Trail = {
  entityType: string;
  entityId: string;
  isTruncated: boolean;
  events: {
    action: string;
    entityType: string;
    actor: { accountId: string; email: string; role: string } | null;
    onBehalfOf: { accountId: string; email: string; role: string } | null;
    reason: string | null;
    changes: { field: string; before: unknown; after: unknown }[];
  }[];
};

describe.each(engines)('every record’s history on %s', (engine) => {
  let ctx: TestContext;
  let amina: Citizen;
  let agentId: string;
  let requestId: string;
  let appointmentId: string;
  let paymentId: string;
  let stampNumber: string;
  const reason = 'Asked by phone: she cannot use the portal';

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    amina = await citizenOf(ctx, 'amina.benali@example.org');
    agentId = await accountIdOf(ctx, 'callcenter@mawid.example');
    const callCenter = await signIn(ctx, 'callcenter@mawid.example');
    const consularAgent = await signIn(ctx, 'agent.par@mawid.example');
    requestId = await openRequest(ctx, amina);
    const uploaded = await upload(ctx, await signIn(ctx, 'amina.benali@example.org'), requestId, {
      kind: 'cnie_copy',
      filename: 'cnie.pdf',
      data: samplePdf(),
    });
    expect(uploaded.statusCode).toBe(201);
    await setRequestStatus(ctx, requestId, 'accepted');
    const slots = await freeSlots(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const base = `/api/v1/callcenter/citizens/${amina.accountId}/appointments`;
    const booked = await ctx.app.inject({
      method: 'POST',
      url: base,
      headers: { cookie: callCenter },
      payload: { requestId, slotId: slots[0]!.slotId, reason },
    });
    appointmentId = booked.json().id;
    const moved = await ctx.app.inject({
      method: 'POST',
      url: `${base}/${appointmentId}/move`,
      headers: { cookie: callCenter },
      payload: { slotId: slots[2]!.slotId, reason },
    });
    expect(moved.statusCode).toBe(200);
    const paid = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${requestId}/counter-payments`,
      headers: { cookie: consularAgent },
      payload: { terminalReference: 'TPE-0042', authorizationCode: 'Z9Y8' },
    });
    expect(paid.statusCode).toBe(201);
    paymentId = paid.json().id;
    const [stamp] = await queryRows<{ number: string }>(
      ctx.db,
      sql`SELECT number FROM stamps WHERE payment_id = ${paymentId}`,
    );
    stampNumber = stamp!.number;
    const consumed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/stamps/${stampNumber}/consume`,
      headers: { cookie: consularAgent },
      payload: {},
    });
    expect(consumed.statusCode).toBe(200);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const history = async (path: string, email: string) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/v1/staff/${path}/history`,
      headers: { cookie: await signIn(ctx, email) },
    });
  const trailOf = async (path: string, email = 'hq@mawid.example'): Promise<Trail> => {
    const response = await history(path, email);
    expect(response.statusCode).toBe(200);
    return response.json() as Trail;
  };

  it('gives an appointment’s trail: who, for whom, what changed, when and why', async () => {
    const trail = await trailOf(`appointments/${appointmentId}`);
    expect(trail).toMatchObject({ entityType: 'appointment', entityId: appointmentId, isTruncated: false });
    expect(trail.events.map((e) => e.action)).toEqual(['appointment.booked', 'appointment.moved']);
    const [booked, moved] = trail.events;
    expect(booked).toMatchObject({
      actor: { accountId: agentId, email: 'callcenter@mawid.example', role: 'call_center_agent' },
      onBehalfOf: { accountId: amina.accountId, email: 'amina.benali@example.org', role: 'citizen' },
      reason,
      at: new Date(TEST_NOW).toISOString(),
    });
    expect(booked!.changes).toContainEqual({ field: 'status', before: null, after: 'booked' });
    expect(moved!.changes.map((c) => c.field).sort()).toEqual(['slotId', 'startsAt']);
  });

  it('gives a request’s trail with its documents’', async () => {
    const trail = await trailOf(`requests/${requestId}`, 'agent.par@mawid.example');
    expect(trail.events.map((e) => `${e.entityType}:${e.action}`)).toContain('document:document.uploaded');
  });

  it('gives a payment’s and a stamp’s trail, to the treasury auditor too', async () => {
    const payment = await trailOf(`payments/${paymentId}`, 'treasury@mawid.example');
    expect(payment.events.length).toBeGreaterThan(0);
    expect(payment.events.every((e) => e.entityType === 'payment' || e.entityType === 'payment_order')).toBe(true);
    const stamp = await trailOf(`stamps/${stampNumber.replace(/(\d{4})(?=\d)/g, '$1 ')}`, 'treasury@mawid.example');
    expect(stamp.events.map((e) => e.action)).toEqual(['stamp.issued', 'stamp.consumed']);
    expect(stamp.events[1]!.changes).toContainEqual({ field: 'status', before: 'valid', after: 'consumed' });
  });

  it('is scoped like the record: another consulate’s staff get 404, the call center and HQ see it', async () => {
    for (const email of ['admin.dxb@mawid.example', 'agent.dxb@mawid.example', 'admin.mtl@mawid.example']) {
      for (const path of [
        `requests/${requestId}`,
        `appointments/${appointmentId}`,
        `payments/${paymentId}`,
        `stamps/${stampNumber}`,
      ]) {
        const response = await history(path, email);
        expect(response.statusCode).toBe(404);
      }
    }
    expect((await history(`appointments/${appointmentId}`, 'admin.par@mawid.example')).statusCode).toBe(200);
    expect((await history(`requests/${requestId}`, 'callcenter@mawid.example')).statusCode).toBe(200);
  });

  it('refuses the roles with no business there', async () => {
    const treasury = await history(`appointments/${appointmentId}`, 'treasury@mawid.example');
    expect(treasury.statusCode).toBe(403);
    const citizen = await history(`appointments/${appointmentId}`, 'amina.benali@example.org');
    expect(citizen.statusCode).toBe(403);
    const unknown = await history('payments/00000000-0000-4000-8000-000000000000', 'hq@mawid.example');
    expect(unknown.json().code).toBe('PAYMENT_NOT_FOUND');
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, { get?: unknown }>;
    };
    for (const path of [
      '/api/v1/staff/requests/{requestId}/history',
      '/api/v1/staff/appointments/{appointmentId}/history',
      '/api/v1/staff/payments/{paymentId}/history',
      '/api/v1/staff/stamps/{number}/history',
      '/api/v1/hq/audit/chain',
    ]) {
      expect(document.paths[path]?.get, path).toBeDefined();
    }
  });

  describe('the chain’s state for headquarters', () => {
    let hq: string;
    const chain = async (email = 'hq@mawid.example', query = '') =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/v1/hq/audit/chain${query}`,
        // Signing in writes audit events: HQ's session is opened once, before anything is sealed.
        headers: { cookie: email === 'hq@mawid.example' ? hq : await signIn(ctx, email) },
      });

    it('says what is sealed and waiting, and that the newest seals are intact', async () => {
      hq = await signIn(ctx, 'hq@mawid.example');
      const before = (await chain()).json();
      expect(before).toMatchObject({ lastSeal: null, seals: 0, sealedThroughEventId: 0 });
      expect(before.unsealedEvents).toBeGreaterThan(0);
      expect(before.verification).toMatchObject({ isIntact: true, checkedSeals: 0, firstBrokenLink: null });
      ctx.clock.advanceMinutes(5);
      await sealAuditLog(ctx.db, ctx.clock.now());
      const after = (await chain('hq@mawid.example', '?seals=5')).json();
      expect(after.seals).toBe(1);
      expect(after.unsealedEvents).toBe(0);
      expect(after.sealedThroughEventId).toBe(after.lastSeal.toEventId);
      expect(after.verification).toMatchObject({ lastSeals: 5, isIntact: true, checkedSeals: 1, brokenLinks: [] });
    });

    it('names the first broken link when an event was changed behind the triggers', async () => {
      const [event] = await queryRows<{ id: number }>(
        ctx.db,
        sql`SELECT id FROM audit_events WHERE action = 'appointment.moved' AND entity_id = ${appointmentId}`,
      );
      const tamper = (value: string | null) =>
        ctx.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(sql`UPDATE audit_events SET reason = ${value} WHERE id = ${event!.id}`);
        });
      await tamper('nothing happened');
      try {
        const state = (await chain()).json();
        expect(state.verification.isIntact).toBe(false);
        expect(state.verification.firstBrokenLink).toMatchObject({ kind: 'event', id: Number(event!.id) });
      } finally {
        await tamper(reason);
      }
      expect((await chain()).json().verification.isIntact).toBe(true);
    });

    it('is for headquarters only', async () => {
      for (const email of ['callcenter@mawid.example', 'treasury@mawid.example', 'admin.par@mawid.example']) {
        expect((await chain(email)).statusCode).toBe(403);
      }
      expect((await chain('hq@mawid.example', '?seals=0')).statusCode).toBe(400);
    });
  });
});
