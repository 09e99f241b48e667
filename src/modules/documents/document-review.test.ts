import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { samplePdf } from './documents.fixtures.ts';
import { auditCount, documentRow, openRequest, setRequestStatus, staffSession, upload } from './documents.testkit.ts';

describe.each(engines)('reviewing documents on %s', (engine) => {
  let ctx: TestContext;
  let agent: { accountId: string; cookie: string };
  let admin: { accountId: string; cookie: string };
  let callCenter: { accountId: string; cookie: string };

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agent = await staffSession(ctx, 'agent.par@mawid.example');
    admin = await staffSession(ctx, 'admin.par@mawid.example');
    callCenter = await staffSession(ctx, 'callcenter@mawid.example');
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  /** A PAR passport request of a new citizen with one uploaded document, in the given status. */
  async function requestWithDocument(status: string) {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await openRequest(ctx, citizen!);
    const uploaded = await upload(ctx, citizen!.cookie, requestId, {
      kind: 'cnie_copy',
      filename: 'cnie.pdf',
      data: samplePdf(),
    });
    expect(uploaded.statusCode).toBe(201);
    await setRequestStatus(ctx, requestId, status);
    return { citizen: citizen!, requestId, documentId: uploaded.json().id as string };
  }

  const review = (cookie: string, requestId: string, documentId: string, payload: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${requestId}/documents/${documentId}/review`,
      headers: { cookie },
      payload,
    });

  it('refuses a document with a reason the citizen reads, then accepts it, each with an audit event', async () => {
    const { citizen, requestId, documentId } = await requestWithDocument('submitted');
    const refused = await review(agent.cookie, requestId, documentId, {
      decision: 'refused',
      reason: ' The copy is blurred ',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ id: documentId, status: 'refused', refusalReason: 'The copy is blurred' });
    expect(refused.json().reviewedAt).toBe(ctx.clock.now().toISOString());
    const [event] = await queryRows<{
      actor_account_id: string;
      consulate_id: string;
      reason: string;
      before: unknown;
      after: unknown;
    }>(
      ctx.db,
      sql`SELECT actor_account_id, consulate_id, reason, before, after FROM audit_events
          WHERE action = 'document.refused' AND entity_id = ${documentId}`,
    );
    expect(event).toEqual({
      actor_account_id: agent.accountId,
      consulate_id: ctx.ids.consulates.PAR,
      reason: 'The copy is blurred',
      before: { status: 'uploaded', refusalReason: null },
      after: { status: 'refused', refusalReason: 'The copy is blurred' },
    });

    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/documents`,
      headers: { cookie: citizen.cookie },
    });
    expect(list.json().documents[0]).toMatchObject({ status: 'refused', refusalReason: 'The copy is blurred' });

    // The consulate admin may review as well; accepting clears the refusal reason.
    const accepted = await review(admin.cookie, requestId, documentId, { decision: 'accepted' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', refusalReason: null });
    expect(await auditCount(ctx, 'document.accepted', documentId)).toBe(1);
  });

  it('needs a reason to refuse, and changes nothing without one', async () => {
    const { requestId, documentId } = await requestWithDocument('submitted');
    for (const payload of [{ decision: 'refused' }, { decision: 'refused', reason: '   ' }, { decision: 'maybe' }]) {
      const response = await review(agent.cookie, requestId, documentId, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const missing = await review(agent.cookie, requestId, documentId, { decision: 'refused' });
    expect(missing.json().fields).toEqual([
      { path: 'body.reason', message: 'is required when the document is refused' },
    ]);
    expect((await documentRow(ctx, documentId))!.status).toBe('uploaded');
  });

  it('reviews only while the request is submitted', async () => {
    for (const status of ['draft', 'more_info_requested', 'accepted', 'rejected']) {
      const { requestId, documentId } = await requestWithDocument(status);
      const response = await review(agent.cookie, requestId, documentId, { decision: 'accepted' });
      expect(response.statusCode, status).toBe(409);
      expect(response.json()).toMatchObject({ code: 'REQUEST_NOT_UNDER_REVIEW', requestStatus: status });
      expect((await documentRow(ctx, documentId))!.status).toBe('uploaded');
    }
  });

  it('follows the transition table: no second acceptance, no review of a replaced document', async () => {
    const { citizen, requestId, documentId } = await requestWithDocument('submitted');
    expect((await review(agent.cookie, requestId, documentId, { decision: 'accepted' })).statusCode).toBe(200);
    const again = await review(agent.cookie, requestId, documentId, { decision: 'accepted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOCUMENT_TRANSITION_REFUSED');
    expect(await auditCount(ctx, 'document.accepted', documentId)).toBe(1);

    await setRequestStatus(ctx, requestId, 'draft');
    ctx.clock.advanceMinutes(1);
    await upload(ctx, citizen.cookie, requestId, { kind: 'proof_of_residence', filename: 'a.pdf', data: samplePdf() });
    ctx.clock.advanceMinutes(1);
    const newer = await upload(ctx, citizen.cookie, requestId, {
      kind: 'proof_of_residence',
      filename: 'b.pdf',
      data: samplePdf(),
    });
    expect(newer.statusCode).toBe(201);
    await setRequestStatus(ctx, requestId, 'submitted');
    const [replaced] = await queryRows<{ id: string }>(
      ctx.db,
      sql`SELECT id FROM documents WHERE request_id = ${requestId} AND status = 'replaced'`,
    );
    const response = await review(agent.cookie, requestId, replaced!.id, { decision: 'refused', reason: 'x' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('DOCUMENT_TRANSITION_REFUSED');
  });

  it('answers 404 for a document of another request, and 403 to roles that do not review', async () => {
    const one = await requestWithDocument('submitted');
    const other = await requestWithDocument('submitted');
    const crossed = await review(agent.cookie, one.requestId, other.documentId, { decision: 'accepted' });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().code).toBe('DOCUMENT_NOT_FOUND');
    const byCallCenter = await review(callCenter.cookie, one.requestId, one.documentId, { decision: 'accepted' });
    expect(byCallCenter.statusCode).toBe(403);
    const byOwner = await review(one.citizen.cookie, one.requestId, one.documentId, { decision: 'accepted' });
    expect(byOwner.statusCode).toBe(403);
    expect((await documentRow(ctx, one.documentId))!.status).toBe('uploaded');
    expect((await documentRow(ctx, other.documentId))!.status).toBe('uploaded');
  });
});
