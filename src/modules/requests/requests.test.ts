import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import {
  countRows,
  createTestContext,
  firstFreeSlot,
  makeCitizens,
  signIn,
  slotRow,
  type TestContext,
} from '../../test/harness.ts';

describe.each(engines)('requests and verification on %s', (engine) => {
  let ctx: TestContext;
  let agentPar: string;
  let agentDxb: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agentPar = await signIn(ctx, 'agent.par@mawid.example');
    agentDxb = await signIn(ctx, 'agent.dxb@mawid.example');
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, payload });

  async function openPassportRequest(cookie: string) {
    const response = await call('POST', '/api/v1/requests', cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as {
      id: string;
      reference: string;
      status: string;
      checklist: { kind: string; status: string }[];
    };
  }

  /** Documents as the upload route leaves them (the upload itself is tested with the documents module). */
  async function attachDocuments(requestId: string, accountId: string, kinds: string[], status = 'uploaded') {
    for (const kind of kinds) {
      await ctx.db.execute(sql`
        INSERT INTO documents (request_id, kind, original_name, content_type, size_bytes, sha256, storage_key,
                               wrapped_key, key_version, iv, auth_tag, status, uploaded_by, uploaded_at)
        VALUES (${requestId}, ${kind}, ${`${kind}.pdf`}, 'application/pdf', 1000, 'x', ${randomUUID()}, 'k', 1, 'iv', 'tag',
                ${status}, ${accountId}, ${ctx.clock.now()})`);
    }
  }
  /** A decision by the Paris agent, naming the version the staff page shows now. */
  async function decide(requestId: string, body: object) {
    const page = await call('GET', `/api/v1/staff/requests/${requestId}`, agentPar);
    expect(page.statusCode, page.body).toBe(200);
    return call('POST', `/api/v1/staff/requests/${requestId}/decision`, agentPar, {
      version: page.json().version,
      ...body,
    });
  }
  const outbox = (accountId: string) =>
    queryRows<{ kind: string }>(
      ctx.db,
      sql`SELECT kind FROM outbox_messages WHERE account_id = ${accountId} ORDER BY id`,
    );

  it('walks a passport request from draft to an appointment, telling the citizen at each step', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const request = await openPassportRequest(citizen!.cookie);
    expect(request.status).toBe('draft');
    expect(request.reference).toMatch(/^PAR-D-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const kinds = request.checklist.map((item) => item.kind);
    expect(kinds.length).toBeGreaterThan(1);
    expect(request.checklist.every((item) => item.status === 'missing')).toBe(true);

    const early = await call('POST', `/api/v1/requests/${request.id}/submit`, citizen!.cookie);
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('REQUEST_INCOMPLETE');

    await attachDocuments(request.id, citizen!.accountId, kinds);
    const submitted = await call('POST', `/api/v1/requests/${request.id}/submit`, citizen!.cookie);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');

    ctx.clock.advanceMinutes(90);
    const queue = await call('GET', `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/requests/queue`, agentPar);
    const entry = queue.json().requests.find((r: { id: string }) => r.id === request.id);
    expect(entry).toMatchObject({ reference: request.reference, ageMinutes: 90 });

    const moreInfo = await decide(request.id, {
      decision: 'more_info_requested',
      reasonCode: 'photo_not_compliant',
      note: 'Fond blanc requis.',
    });
    expect(moreInfo.statusCode, moreInfo.body).toBe(200);
    expect(moreInfo.json()).toMatchObject({
      status: 'more_info_requested',
      decision: { reasonCode: 'photo_not_compliant', note: 'Fond blanc requis.' },
    });
    const resubmitted = await call('POST', `/api/v1/requests/${request.id}/submit`, citizen!.cookie);
    expect(resubmitted.json().status).toBe('submitted');

    const tooEarly = await decide(request.id, {
      decision: 'accepted',
    });
    expect(tooEarly.json().code).toBe('DOCUMENTS_NOT_REVIEWED');
    await ctx.db.execute(sql`UPDATE documents SET status = 'accepted' WHERE request_id = ${request.id}`);
    const accepted = await decide(request.id, {
      decision: 'accepted',
    });
    expect(accepted.json().status).toBe('accepted');

    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const booked = await call('POST', '/api/v1/appointments', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: slot.slotId,
      requestId: request.id,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const detail = await call('GET', `/api/v1/requests/${request.id}`, citizen!.cookie);
    expect(detail.json().appointmentId).toBe(booked.json().id);

    expect((await outbox(citizen!.accountId)).map((m) => m.kind)).toEqual([
      'request.received',
      'request.more_info',
      'request.received',
      'request.accepted',
      'appointment.booked',
    ]);
    const actions = await queryRows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${request.id} ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'request.created',
      'request.submitted',
      'request.more_info_requested',
      'request.submitted',
      'request.accepted',
    ]);
  });

  it('keeps one open request per person and service', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const first = await openPassportRequest(citizen!.cookie);
    const second = await call('POST', '/api/v1/requests', citizen!.cookie, {
      consulateId: ctx.ids.consulates.DXB,
      serviceId: ctx.ids.services.passport,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'REQUEST_ALREADY_OPEN', requestId: first.id });
    const withdrawn = await call('POST', `/api/v1/requests/${first.id}/withdraw`, citizen!.cookie);
    expect(withdrawn.json().status).toBe('withdrawn');
    const again = await call('POST', '/api/v1/requests', citizen!.cookie, {
      consulateId: ctx.ids.consulates.DXB,
      serviceId: ctx.ids.services.passport,
    });
    expect(again.statusCode).toBe(201);
  });

  it('rejects with a reason, and then nothing more can be decided or submitted', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const request = await openPassportRequest(citizen!.cookie);
    await attachDocuments(
      request.id,
      citizen!.accountId,
      request.checklist.map((i) => i.kind),
    );
    await call('POST', `/api/v1/requests/${request.id}/submit`, citizen!.cookie);
    const noReason = await decide(request.id, {
      decision: 'rejected',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields.map((f: { path: string }) => f.path)).toContain('body.reasonCode');
    const rejected = await decide(request.id, {
      decision: 'rejected',
      reasonCode: 'not_eligible',
    });
    expect(rejected.json().status).toBe('rejected');
    const afterwards = await decide(request.id, {
      decision: 'accepted',
    });
    expect(afterwards.statusCode).toBe(409);
    expect(afterwards.json().code).toBe('REQUEST_TRANSITION_REFUSED');
    const resubmit = await call('POST', `/api/v1/requests/${request.id}/submit`, citizen!.cookie);
    expect(resubmit.json().code).toBe('REQUEST_TRANSITION_REFUSED');
  });

  it('answers 404 to an agent of another consulate on every request route, audits it, and changes nothing', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const request = await openPassportRequest(citizen!.cookie);
    await attachDocuments(
      request.id,
      citizen!.accountId,
      request.checklist.map((i) => i.kind),
    );
    await call('POST', `/api/v1/requests/${request.id}/submit`, citizen!.cookie);
    const refusedBefore = await countRows(
      ctx,
      'audit_events',
      sql`action = 'access.refused' AND entity_id = ${request.id}`,
    );
    const attempts = await Promise.all([
      call('GET', `/api/v1/staff/requests/${request.id}`, agentDxb),
      call('POST', `/api/v1/staff/requests/${request.id}/decision`, agentDxb, { decision: 'accepted', version: 0 }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.statusCode).toBe(404);
      expect(attempt.json().code).toBe('REQUEST_NOT_FOUND');
    }
    const queue = await call('GET', `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/requests/queue`, agentDxb);
    expect(queue.statusCode).toBe(404);
    expect(await countRows(ctx, 'audit_events', sql`action = 'access.refused' AND entity_id = ${request.id}`)).toBe(
      refusedBefore + 2,
    );
    const [row] = await queryRows<{ status: string }>(
      ctx.db,
      sql`SELECT status FROM requests WHERE id = ${request.id}`,
    );
    expect(row!.status).toBe('submitted');
    // Another citizen does not see it either.
    const [stranger] = await makeCitizens(ctx, 1);
    expect((await call('GET', `/api/v1/requests/${request.id}`, stranger!.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/requests/${request.id}/withdraw`, stranger!.cookie)).statusCode).toBe(404);
  });

  it('shows the agent the identity details to verify, and pages the queue oldest first', async () => {
    const citizens = await makeCitizens(ctx, 3);
    const ids: string[] = [];
    for (const citizen of citizens) {
      await ctx.db.execute(
        sql`UPDATE persons SET passport_number = 'AB1234567', birth_place = 'Fès' WHERE account_id = ${citizen.accountId}`,
      );
      const request = await openPassportRequest(citizen.cookie);
      await attachDocuments(
        request.id,
        citizen.accountId,
        request.checklist.map((i) => i.kind),
      );
      await call('POST', `/api/v1/requests/${request.id}/submit`, citizen.cookie);
      ids.push(request.id);
      ctx.clock.advanceMinutes(1);
    }
    const detail = await call('GET', `/api/v1/staff/requests/${ids[0]}`, agentPar);
    expect(detail.json().identity).toMatchObject({ passportNumber: 'AB1234567', birthPlace: 'Fès' });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const url: string = `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/requests/queue?limit=1${next ? `&after=${next}` : ''}`;
      const page = await call('GET', url, agentPar);
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.json().requests.map((r: { id: string }) => r.id));
      next = page.json().next;
    } while (next);
    const ours = seen.filter((id) => ids.includes(id));
    expect(ours).toEqual(ids);
  });

  it('books a service without verification directly, its request accepted at once', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const response = await call('POST', '/api/v1/requests', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.legalization,
    });
    expect(response.json().status).toBe('accepted');
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.legalization);
    const before = (await slotRow(ctx, slot.slotId)).booked;
    const booked = await call('POST', '/api/v1/appointments', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.legalization,
      slotId: slot.slotId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().requestId).toBe(response.json().id);
    expect((await slotRow(ctx, slot.slotId)).booked).toBe(before + 1);
  });
});
