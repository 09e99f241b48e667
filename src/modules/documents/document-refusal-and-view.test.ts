import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n/i18n.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { documentRefusalReasonCodes } from '../requests/index.ts';
import { samplePdf, samplePng } from './documents.fixtures.ts';
import { auditCount, documentRow, openRequest, setRequestStatus, upload } from './documents.testkit.ts';

describe.each(engines)('document refusal templates and inline viewing on %s', (engine) => {
  let ctx: TestContext;
  let agent: string;
  let agentDxb: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agent = await signIn(ctx, 'agent.par@mawid.example');
    agentDxb = await signIn(ctx, 'agent.dxb@mawid.example');
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  /** A submitted PAR passport request of a new citizen with a PDF and a PNG uploaded. */
  async function submittedWithFiles() {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await openRequest(ctx, citizen!);
    const pdf = await upload(ctx, citizen!.cookie, requestId, {
      kind: 'cnie_copy',
      filename: 'CNIE recto «verso».pdf',
      data: samplePdf(),
    });
    const png = await upload(ctx, citizen!.cookie, requestId, {
      kind: 'id_photos_biometric',
      filename: 'photo.png',
      data: samplePng(),
    });
    expect([pdf.statusCode, png.statusCode]).toEqual([201, 201]);
    await setRequestStatus(ctx, requestId, 'submitted');
    return { citizen: citizen!, requestId, pdfId: pdf.json().id as string, pngId: png.json().id as string };
  }
  const review = (requestId: string, documentId: string, payload: object, language = 'fr') =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${requestId}/documents/${documentId}/review`,
      headers: { cookie: agent, 'accept-language': language },
      payload,
    });

  it('lists the refusal templates in each of the four languages', async () => {
    for (const language of ['ar', 'fr', 'en', 'es'] as const) {
      const response = await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/document-refusal-reasons',
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(200);
      const reasons = response.json().reasons as { code: string; label: string }[];
      expect(reasons.map((r) => r.code)).toEqual([...documentRefusalReasonCodes]);
      for (const reason of reasons) {
        expect(reason.label, `${language} ${reason.code}`).not.toMatch(/^documentReason\./);
      }
    }
    const english = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/document-refusal-reasons',
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().reasons[0]).toEqual({ code: 'illegible', label: 'The document cannot be read' });
  });

  it('refuses with a template and a note; staff and citizen read it in their language', async () => {
    const { citizen, requestId, pdfId } = await submittedWithFiles();
    const refused = await review(requestId, pdfId, {
      decision: 'refused',
      reasonCode: 'illegible',
      note: ' Trop sombre ',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      status: 'refused',
      refusalReasonCode: 'illegible',
      refusalNote: 'Trop sombre',
      refusalReason: 'Le document est illisible — Trop sombre',
    });
    expect(Number.isInteger(refused.json().requestVersion)).toBe(true);
    const seen = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}`,
      headers: { cookie: citizen.cookie, 'accept-language': 'ar' },
    });
    const item = seen.json().checklist.find((i: { documentId: string }) => i.documentId === pdfId);
    expect(item).toMatchObject({
      status: 'refused',
      refusalReasonCode: 'illegible',
      refusalNote: 'Trop sombre',
      refusalReason: `${translate('ar', 'documentReason.illegible')} — Trop sombre`,
    });
    // A template alone reads as its label.
    const { requestId: other, pdfId: otherPdf } = await submittedWithFiles();
    const alone = await review(other, otherPdf, { decision: 'refused', reasonCode: 'expired' }, 'es');
    expect(alone.json()).toMatchObject({ refusalReason: 'El documento ha caducado', refusalNote: null });
    expect(await auditCount(ctx, 'document.refused', otherPdf)).toBe(1);
  });

  it('needs a note with the template "other", and refuses an unknown template, changing nothing', async () => {
    const { requestId, pdfId } = await submittedWithFiles();
    const noNote = await review(requestId, pdfId, { decision: 'refused', reasonCode: 'other' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields).toEqual([{ path: 'body.note', message: 'is required with the reason "other"' }]);
    const unknown = await review(requestId, pdfId, { decision: 'refused', reasonCode: 'ugly' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('body.reasonCode');
    expect((await documentRow(ctx, pdfId))!.status).toBe('uploaded');
    const withNote = await review(requestId, pdfId, { decision: 'refused', reasonCode: 'other', note: 'Scan coupé' });
    expect(withNote.json()).toMatchObject({ refusalReasonCode: 'other', refusalNote: 'Scan coupé' });
  });

  it('serves a PDF inline for an <iframe> and an image for an <img>, audited; ?download=1 as an attachment', async () => {
    const { requestId, pdfId, pngId } = await submittedWithFiles();
    const file = (documentId: string, query = '') =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/v1/staff/requests/${requestId}/documents/${documentId}/file${query}`,
        headers: { cookie: agent },
      });
    const pdf = await file(pdfId);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // The name is cleaned for the header: quotes and non-ASCII characters never break it.
    expect(pdf.headers['content-disposition']).toBe(
      `inline; filename="CNIE recto _verso_.pdf"; filename*=UTF-8''${encodeURIComponent('CNIE recto «verso»')}.pdf`,
    );
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.headers['cache-control']).toBe('no-store');
    // Chrome's PDF viewer will not start under `sandbox`: only framing by other sites is refused.
    expect(pdf.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    const png = await file(pngId);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toMatch(/^inline; filename="photo.png"/);
    expect(png.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
    const saved = await file(pdfId, '?download=1');
    expect(saved.headers['content-disposition']).toMatch(/^attachment; filename="CNIE recto _verso_.pdf"/);
    expect(saved.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
    expect(saved.rawPayload.equals(pdf.rawPayload)).toBe(true);
    expect(await auditCount(ctx, 'document.viewed', pdfId)).toBe(2);
    expect(await auditCount(ctx, 'document.viewed', pngId)).toBe(1);
    expect((await file(pdfId, '?download=yes')).statusCode).toBe(400);
  });

  it('answers 404 to another consulate’s agent and 403 to a citizen on the inline file', async () => {
    const { citizen, requestId, pdfId } = await submittedWithFiles();
    const url = `/api/v1/staff/requests/${requestId}/documents/${pdfId}/file`;
    const other = await ctx.app.inject({ method: 'GET', url, headers: { cookie: agentDxb } });
    expect(other.statusCode).toBe(404);
    const byCitizen = await ctx.app.inject({ method: 'GET', url, headers: { cookie: citizen.cookie } });
    expect(byCitizen.statusCode).toBe(403);
    expect(await auditCount(ctx, 'document.viewed', pdfId)).toBe(0);
  });
});
