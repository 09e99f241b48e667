import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { samplePdf } from './documents.fixtures.ts';
import {
  auditCount,
  documentRow,
  openRequest,
  setRequestStatus,
  staffSession,
  storedFiles,
  upload,
} from './documents.testkit.ts';

describe.each(engines)('who may see documents on %s', (engine) => {
  let ctx: TestContext;
  let owner: { accountId: string; personId: string; cookie: string };
  let stranger: { accountId: string; personId: string; cookie: string };
  let passportRequest: string;
  let passportDocument: string;
  let legalizationRequest: string;
  let legalizationDocument: string;
  const pdf = samplePdf({ text: 'CNIE copy' });
  const cookies: Record<string, string> = {};
  const accountIds: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    [owner, stranger] = (await makeCitizens(ctx, 2)) as [typeof owner, typeof stranger];
    passportRequest = await openRequest(ctx, owner, { service: 'passport' });
    legalizationRequest = await openRequest(ctx, owner, { service: 'legalization' });
    const first = await upload(ctx, owner.cookie, passportRequest, {
      kind: 'cnie_copy',
      filename: 'cnie.pdf',
      data: pdf,
    });
    const second = await upload(ctx, owner.cookie, legalizationRequest, {
      kind: 'document_to_legalize',
      filename: 'contrat.pdf',
      data: samplePdf({ text: 'contract' }),
    });
    passportDocument = first.json().id;
    legalizationDocument = second.json().id;
    await setRequestStatus(ctx, passportRequest, 'submitted');
    await setRequestStatus(ctx, legalizationRequest, 'submitted');
    for (const who of ['agent.par', 'admin.par', 'agent.dxb', 'admin.dxb', 'callcenter', 'hq']) {
      const session = await staffSession(ctx, `${who}@mawid.example`);
      cookies[who] = session.cookie;
      accountIds[who] = session.accountId;
    }
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const citizenRoutes = (requestId: string, documentId: string) => [
    { method: 'GET' as const, url: `/api/v1/requests/${requestId}/documents` },
    { method: 'GET' as const, url: `/api/v1/requests/${requestId}/documents/${documentId}/file` },
  ];
  const staffRoutes = (requestId: string, documentId: string) => [
    { method: 'GET' as const, url: `/api/v1/staff/requests/${requestId}/documents` },
    { method: 'GET' as const, url: `/api/v1/staff/requests/${requestId}/documents/${documentId}/file` },
    {
      method: 'POST' as const,
      url: `/api/v1/staff/requests/${requestId}/documents/${documentId}/review`,
      payload: { decision: 'accepted' },
    },
  ];

  it('answers 404 to another citizen on every citizen route, and stores nothing', async () => {
    const filesBefore = storedFiles(ctx);
    for (const route of citizenRoutes(passportRequest, passportDocument)) {
      const response = await ctx.app.inject({ ...route, headers: { cookie: stranger.cookie } });
      expect(response.statusCode, route.url).toBe(404);
      expect(response.json().code).toBe('REQUEST_NOT_FOUND');
    }
    const uploadResponse = await upload(ctx, stranger.cookie, passportRequest, {
      kind: 'proof_of_residence',
      filename: 'x.pdf',
      data: samplePdf(),
    });
    expect(uploadResponse.statusCode).toBe(404);
    expect(uploadResponse.json().code).toBe('REQUEST_NOT_FOUND');
    expect(storedFiles(ctx)).toEqual(filesBefore);
    expect(await countRows(ctx, 'documents')).toBe(2);
  });

  it('answers 401 without a session, 400 for a malformed id, and 404 for a document of another request', async () => {
    for (const route of [
      ...citizenRoutes(passportRequest, passportDocument),
      ...staffRoutes(passportRequest, passportDocument),
    ]) {
      expect((await ctx.app.inject(route)).statusCode, route.url).toBe(401);
    }
    const malformed = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${passportRequest}/documents/not-a-uuid/file`,
      headers: { cookie: owner.cookie },
    });
    expect(malformed.statusCode).toBe(400);
    const elsewhere = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${passportRequest}/documents/${legalizationDocument}/file`,
      headers: { cookie: owner.cookie },
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('lets the agent of the consulate and department list and download, and audits every view', async () => {
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/staff/requests/${passportRequest}/documents`,
      headers: { cookie: cookies['agent.par']! },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().documents).toEqual([expect.objectContaining({ id: passportDocument, kind: 'cnie_copy' })]);

    const before = await auditCount(ctx, 'document.viewed', passportDocument);
    const file = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/staff/requests/${passportRequest}/documents/${passportDocument}/file`,
      headers: { cookie: cookies['agent.par']! },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Staff view documents inline in the verification page (?download=1 for an attachment).
    expect(file.headers['content-disposition']).toMatch(/^inline; filename="cnie.pdf"/);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(await auditCount(ctx, 'document.viewed', passportDocument)).toBe(before + 1);
    const [event] = await queryRows<{ actor_account_id: string; consulate_id: string; entity_type: string }>(
      ctx.db,
      sql`SELECT actor_account_id, consulate_id, entity_type FROM audit_events
          WHERE action = 'document.viewed' AND entity_id = ${passportDocument} ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({
      actor_account_id: accountIds['agent.par'],
      consulate_id: ctx.ids.consulates.PAR,
      entity_type: 'document',
    });

    // The consulate admin sees every department's requests, and is audited too.
    const byAdmin = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/staff/requests/${legalizationRequest}/documents/${legalizationDocument}/file`,
      headers: { cookie: cookies['admin.par']! },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(await auditCount(ctx, 'document.viewed', legalizationDocument)).toBe(1);
  });

  it.each([
    ['an agent of another consulate', 'agent.dxb', () => passportRequest, () => passportDocument],
    ['an admin of another consulate', 'admin.dxb', () => passportRequest, () => passportDocument],
    ['an agent of another department', 'agent.par', () => legalizationRequest, () => legalizationDocument],
  ])(
    'answers 404 to %s on every staff route, changes nothing and audits the attempt',
    async (_who, who, request, document) => {
      const refusedBefore = await auditCount(ctx, 'access.refused', request());
      const viewedBefore = await auditCount(ctx, 'document.viewed');
      const statusBefore = (await documentRow(ctx, document()))!.status;
      for (const route of staffRoutes(request(), document())) {
        const response = await ctx.app.inject({ ...route, headers: { cookie: cookies[who]! } });
        expect(response.statusCode, route.url).toBe(404);
        expect(response.json().code).toBe('REQUEST_NOT_FOUND');
        expect(response.body).not.toContain('cnie');
      }
      expect(await auditCount(ctx, 'access.refused', request())).toBe(refusedBefore + 3);
      const [event] = await queryRows<{ actor_account_id: string }>(
        ctx.db,
        sql`SELECT actor_account_id FROM audit_events WHERE action = 'access.refused' ORDER BY id DESC LIMIT 1`,
      );
      expect(event!.actor_account_id).toBe(accountIds[who]);
      expect(await auditCount(ctx, 'document.viewed')).toBe(viewedBefore);
      expect((await documentRow(ctx, document()))!.status).toBe(statusBefore);
      // Staff are not owners either: the citizen routes answer 404 as well.
      for (const route of citizenRoutes(request(), document())) {
        expect((await ctx.app.inject({ ...route, headers: { cookie: cookies[who]! } })).statusCode).toBe(404);
      }
    },
  );

  it('refuses staff routes to citizens and to network-wide roles', async () => {
    for (const cookie of [owner.cookie, cookies.callcenter!, cookies.hq!]) {
      for (const route of staffRoutes(passportRequest, passportDocument)) {
        const response = await ctx.app.inject({ ...route, headers: { cookie } });
        expect(response.statusCode, route.url).toBe(403);
        expect(response.json().code).toBe('FORBIDDEN');
      }
    }
    expect((await documentRow(ctx, passportDocument))!.status).toBe('uploaded');
  });

  it('never serves a stored file that was altered on disk', async () => {
    const { storage_key: key } = (await documentRow(ctx, passportDocument))!;
    const path = storedFiles(ctx).find((f) => f.endsWith(key))!;
    const original = readFileSync(path);
    const altered = Buffer.from(original);
    altered[10] = altered[10]! ^ 0xff;
    writeFileSync(path, altered);
    try {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/requests/${passportRequest}/documents/${passportDocument}/file`,
        headers: { cookie: owner.cookie },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json().code).toBe('INTERNAL_ERROR');
      expect(response.rawPayload.includes(pdf.subarray(0, 16))).toBe(false);
    } finally {
      writeFileSync(path, original);
    }
  });
});
