import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';

describe.each(engines)('the verification workspace: review lock and versioned decisions, on %s', (engine) => {
  let ctx: TestContext;
  // Two staff members of Paris who may both open and decide a passport request.
  let agent: string;
  let admin: string;
  let agentDxb: string;
  let hq: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agent = await signIn(ctx, 'agent.par@mawid.example');
    admin = await signIn(ctx, 'admin.par@mawid.example');
    agentDxb = await signIn(ctx, 'agent.dxb@mawid.example');
    hq = await signIn(ctx, 'hq@mawid.example');
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, payload });
  const lock = (id: string, cookie: string) => call('POST', `/api/v1/staff/requests/${id}/review-lock`, cookie);
  const release = (id: string, cookie: string) => call('DELETE', `/api/v1/staff/requests/${id}/review-lock`, cookie);
  const page = async (id: string, cookie = agent) => {
    const response = await call('GET', `/api/v1/staff/requests/${id}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const opened = (id: string) =>
    countRows(ctx, 'audit_events', sql`action = 'request.review_opened' AND entity_id = ${id}`);

  /** A submitted passport request of a new citizen, its documents uploaded (accepted when asked). */
  async function submitted(options: { documentsAccepted?: boolean } = {}) {
    const [citizen] = await makeCitizens(ctx, 1);
    const created = await call('POST', '/api/v1/requests', citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, checklist } = created.json() as { id: string; checklist: { kind: string }[] };
    for (const { kind } of checklist) {
      await ctx.db.execute(sql`
        INSERT INTO documents (request_id, kind, original_name, content_type, size_bytes, sha256, storage_key,
                               wrapped_key, key_version, iv, auth_tag, status, uploaded_by, uploaded_at)
        VALUES (${id}, ${kind}, ${`${kind}.pdf`}, 'application/pdf', 1000, 'x', ${randomUUID()}, 'k', 1, 'iv', 'tag',
                'uploaded', ${citizen!.accountId}, ${ctx.clock.now()})`);
    }
    expect((await call('POST', `/api/v1/requests/${id}/submit`, citizen!.cookie)).statusCode).toBe(200);
    if (options.documentsAccepted) {
      await ctx.db.execute(sql`UPDATE documents SET status = 'accepted' WHERE request_id = ${id}`);
    }
    return { id, citizen: citizen! };
  }

  it('shows the agent the person, their age in the consulate’s zone, the account holder and the version', async () => {
    const { id, citizen } = await submitted();
    // A child on the parent's account, born on 1 December 2016 (Paris is already there at 08:00 UTC).
    const [child] = await queryRows<{ id: string }>(
      ctx.db,
      sql`INSERT INTO persons (account_id, relation, given_name_latin, family_name_latin, given_name_arabic,
                               family_name_arabic, birth_date)
          VALUES (${citizen.accountId}, 'child', 'Rayan', 'Benali', 'ريان', 'بنعلي', '2016-12-01') RETURNING id`,
    );
    await ctx.db.execute(sql`UPDATE requests SET person_id = ${child!.id} WHERE id = ${id}`);
    const seen = await page(id);
    expect(seen.person).toMatchObject({ givenNameLatin: 'Rayan', givenNameArabic: 'ريان' });
    expect(seen.identity).toMatchObject({
      relation: 'child',
      birthDate: '2016-12-01',
      ageYears: 10,
      ageOn: '2026-12-01',
    });
    expect(seen.accountHolder).toEqual({
      givenNameLatin: 'Test',
      familyNameLatin: 'Citizen 0',
      givenNameArabic: null,
      familyNameArabic: null,
    });
    expect(seen.service).toMatchObject({ id: ctx.ids.services.passport });
    expect(seen.checklist.length).toBeGreaterThan(1);
    expect(seen.checklist[0]).toMatchObject({
      status: 'uploaded',
      file: { contentType: 'application/pdf', sizeBytes: 1000 },
    });
    expect(Number.isInteger(seen.version)).toBe(true);
    expect(seen.reviewLock).toMatchObject({ isHeldByYou: false, reviewer: null, staleAfterSeconds: 120 });
  });

  it('lets one agent hold the request; the other sees who reviews it since when; a stale lock is taken over', async () => {
    const { id } = await submitted();
    const versionBefore = (await page(id)).version;
    const first = await lock(id, agent);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      isHeldByYou: true,
      reviewer: { name: 'agent.par@mawid.example', since: ctx.clock.now().toISOString() },
    });
    const openedAt = ctx.clock.now().toISOString();

    ctx.clock.advanceMinutes(0.5);
    const second = await lock(id, admin);
    expect(second.json()).toMatchObject({
      isHeldByYou: false,
      reviewer: { name: 'agent.par@mawid.example', since: openedAt },
    });
    expect((await page(id, admin)).reviewLock.reviewer).toMatchObject({ name: 'agent.par@mawid.example' });

    // The holder's page refreshes it: same lock, same start, no second audit event.
    ctx.clock.advanceMinutes(1);
    expect((await lock(id, agent)).json()).toMatchObject({ isHeldByYou: true, reviewer: { since: openedAt } });
    expect(await opened(id)).toBe(1);

    // Two minutes without a refresh: stale, and the other may take it over.
    ctx.clock.advanceMinutes(2.1);
    expect((await page(id, admin)).reviewLock.reviewer).toBeNull();
    const takeover = await lock(id, admin);
    expect(takeover.json()).toMatchObject({
      isHeldByYou: true,
      reviewer: { name: 'admin.par@mawid.example', since: ctx.clock.now().toISOString() },
    });
    expect((await lock(id, agent)).json()).toMatchObject({
      isHeldByYou: false,
      reviewer: { name: 'admin.par@mawid.example' },
    });
    expect(await opened(id)).toBe(2);

    // Releasing: only the holder's release counts.
    expect((await release(id, agent)).json().reviewer).toMatchObject({ name: 'admin.par@mawid.example' });
    expect((await release(id, admin)).json()).toMatchObject({ isHeldByYou: false, reviewer: null });
    expect((await lock(id, agent)).json().isHeldByYou).toBe(true);
    // None of this is a change of the request.
    expect((await page(id)).version).toBe(versionBefore);
  });

  it('gives the lock to exactly one of two agents opening at once', async () => {
    const { id } = await submitted();
    const answers = await Promise.all([lock(id, agent), lock(id, admin)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.filter((a) => a.json().isHeldByYou)).toHaveLength(1);
    const holder = answers.find((a) => a.json().isHeldByYou)!.json().reviewer.accountId;
    for (const answer of answers) expect(answer.json().reviewer.accountId).toBe(holder);
    expect(await opened(id)).toBe(1);
  });

  it('refuses a decision made on an old version with REQUEST_CHANGED, and changes nothing', async () => {
    const { id, citizen } = await submitted({ documentsAccepted: true });
    const seenByAgent = (await page(id, agent)).version;
    const seenByAdmin = (await page(id, admin)).version;
    const accepted = await call('POST', `/api/v1/staff/requests/${id}/decision`, agent, {
      decision: 'accepted',
      version: seenByAgent,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewLock: { reviewer: null } });
    const late = await call('POST', `/api/v1/staff/requests/${id}/decision`, admin, {
      decision: 'rejected',
      reasonCode: 'not_eligible',
      version: seenByAdmin,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'REQUEST_CHANGED',
      currentVersion: accepted.json().version,
      requestStatus: 'accepted',
    });
    expect(accepted.json().version).toBeGreaterThan(seenByAdmin);
    const [row] = await queryRows<{ status: string; decision_reason_code: string | null }>(
      ctx.db,
      sql`SELECT status, decision_reason_code FROM requests WHERE id = ${id}`,
    );
    expect(row).toEqual({ status: 'accepted', decision_reason_code: null });
    expect(await countRows(ctx, 'audit_events', sql`action = 'request.rejected' AND entity_id = ${id}`)).toBe(0);
    expect(
      await countRows(ctx, 'outbox_messages', sql`account_id = ${citizen.accountId} AND kind = 'request.rejected'`),
    ).toBe(0);
  });

  it('lets one of two decisions naming the same version through, whatever the timing', async () => {
    const { id } = await submitted({ documentsAccepted: true });
    const { version } = await page(id);
    const answers = await Promise.all([
      call('POST', `/api/v1/staff/requests/${id}/decision`, agent, { decision: 'accepted', version }),
      call('POST', `/api/v1/staff/requests/${id}/decision`, admin, {
        decision: 'more_info_requested',
        reasonCode: 'photo_not_compliant',
        version,
      }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('REQUEST_CHANGED');
    expect(
      await countRows(
        ctx,
        'audit_events',
        sql`action LIKE 'request.%' AND action <> 'request.review_opened'
      AND action NOT IN ('request.created', 'request.submitted') AND entity_id = ${id}`,
      ),
    ).toBe(1);
  });

  it('moves the version on with every document review, so a decision on the view before it is refused', async () => {
    const { id } = await submitted();
    const before = await page(id);
    const documentId = before.checklist[0].documentId;
    const review = (version: number) =>
      call('POST', `/api/v1/staff/requests/${id}/documents/${documentId}/review`, admin, {
        decision: 'refused',
        reasonCode: 'illegible',
        version,
      });
    const reviewed = await review(before.version);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().requestVersion).toBe(before.version + 1);
    // A second review naming the old version is refused too, and leaves the document as it is.
    const stale = await review(before.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'REQUEST_CHANGED', currentVersion: before.version + 1 });
    const decision = await call('POST', `/api/v1/staff/requests/${id}/decision`, agent, {
      decision: 'more_info_requested',
      reasonCode: 'document_illegible',
      version: before.version,
    });
    expect(decision.statusCode).toBe(409);
    expect(decision.json().code).toBe('REQUEST_CHANGED');
    expect((await page(id)).status).toBe('submitted');
  });

  it('answers 404 to another consulate’s staff and 403 to other roles on the request page, lock and decision', async () => {
    const { id, citizen } = await submitted();
    const routes = [
      { method: 'GET' as const, url: `/api/v1/staff/requests/${id}` },
      { method: 'POST' as const, url: `/api/v1/staff/requests/${id}/review-lock` },
      { method: 'DELETE' as const, url: `/api/v1/staff/requests/${id}/review-lock` },
      {
        method: 'POST' as const,
        url: `/api/v1/staff/requests/${id}/decision`,
        payload: { decision: 'accepted', version: 0 },
      },
    ];
    for (const route of routes) {
      const other = await call(route.method, route.url, agentDxb, route.payload);
      expect(other.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect(other.json().code).toBe('REQUEST_NOT_FOUND');
      const byCitizen = await call(route.method, route.url, citizen.cookie, route.payload);
      expect(byCitizen.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    // Headquarters may read the request, not open it for review nor decide.
    expect((await call('GET', `/api/v1/staff/requests/${id}`, hq)).statusCode).toBe(200);
    expect((await lock(id, hq)).statusCode).toBe(403);
    const after = await page(id);
    expect(after).toMatchObject({ status: 'submitted', reviewLock: { reviewer: null } });
  });
});
