import { readFileSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { sampleJpeg, samplePdf, samplePng, windowsExecutable } from './documents.fixtures.ts';
import {
  auditCount,
  documentRow,
  openRequest,
  setRequestStatus,
  storedFiles,
  upload,
  uploadDocumentRequest,
} from './documents.testkit.ts';

describe.each(engines)('uploading documents on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const newOwnerAndRequest = async (options: Parameters<typeof openRequest>[2] = {}) => {
    const [citizen] = await makeCitizens(ctx, 1);
    return { citizen: citizen!, requestId: await openRequest(ctx, citizen!, options) };
  };

  it('stores a PDF encrypted under a server-generated name and returns it to its owner byte for byte', async () => {
    const { citizen, requestId } = await newOwnerAndRequest();
    const pdf = samplePdf({ text: 'Acte de naissance' });
    const filesBefore = storedFiles(ctx);
    const response = await upload(ctx, citizen.cookie, requestId, {
      kind: 'birth_certificate_full_copy',
      filename: 'acte de naissance.pdf',
      contentType: 'application/pdf',
      data: pdf,
    });
    expect(response.statusCode).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({
      requestId,
      kind: 'birth_certificate_full_copy',
      originalName: 'acte de naissance.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      status: 'uploaded',
      refusalReason: null,
      reviewedAt: null,
    });
    expect(new Date(document.uploadedAt).toISOString()).toBe(ctx.clock.now().toISOString());
    expect(document).not.toHaveProperty('storageKey');
    expect(document).not.toHaveProperty('wrappedKey');

    // One new file, named by the server, owner-only, and not the plain text.
    const row = await documentRow(ctx, document.id);
    const newFiles = storedFiles(ctx).filter((f) => !filesBefore.includes(f));
    expect(newFiles).toHaveLength(1);
    expect(newFiles[0]!.endsWith(`/${row!.storage_key}`)).toBe(true);
    expect(newFiles[0]).not.toContain('acte');
    expect(statSync(newFiles[0]!).mode & 0o777).toBe(0o600);
    const onDisk = readFileSync(newFiles[0]!);
    expect(onDisk.length).toBe(pdf.length);
    expect(onDisk.equals(pdf)).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(Buffer.from('Acte de naissance'))).toBe(false);
    expect(await auditCount(ctx, 'document.uploaded', document.id)).toBe(1);

    const download = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/documents/${document.id}/file`,
      headers: { cookie: citizen.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="acte de naissance.pdf"; filename*=UTF-8''acte%20de%20naissance.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('no-store');
  });

  it('detects PNG and JPEG by their bytes, whatever they are called, and keeps an Arabic file name', async () => {
    const { citizen, requestId } = await newOwnerAndRequest();
    const png = await upload(ctx, citizen.cookie, requestId, {
      kind: 'id_photos_biometric',
      filename: 'صورة.png',
      contentType: 'image/png',
      data: samplePng(),
    });
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', originalName: 'صورة.png' });
    ctx.clock.advanceMinutes(1);
    // No declared type at all: the bytes decide, and the name gets the right extension.
    const jpeg = await upload(ctx, citizen.cookie, requestId, {
      kind: 'cnie_copy',
      filename: 'cnie',
      data: sampleJpeg(),
    });
    expect(jpeg.statusCode).toBe(201);
    expect(jpeg.json()).toMatchObject({ contentType: 'image/jpeg', originalName: 'cnie.jpg' });

    const download = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/documents/${png.json().id}/file`,
      headers: { cookie: citizen.cookie },
    });
    expect(download.rawPayload.equals(samplePng())).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('صورة')}.png`,
    );

    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/documents`,
      headers: { cookie: citizen.cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['id_photos_biometric', 'cnie_copy']);
    expect(list.json().requiredKinds).toContain('proof_of_residence');
  });

  it('accepts a file of exactly the size limit', async () => {
    const { citizen, requestId } = await newOwnerAndRequest();
    const pdf = samplePdf({ padTo: ctx.deps.config.MAX_DOCUMENT_BYTES });
    const response = await upload(ctx, citizen.cookie, requestId, {
      kind: 'cnie_copy',
      filename: 'big.pdf',
      data: pdf,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().sizeBytes).toBe(ctx.deps.config.MAX_DOCUMENT_BYTES);
  });

  it('documents the multipart upload in the OpenAPI description', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const operation = spec.paths['/api/v1/requests/{requestId}/documents'].post;
    expect(operation.description).toContain('`kind`');
    expect(operation.description).toContain('multipart/form-data');
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['201', '413', '415', '422']));
    expect(spec.paths['/api/v1/staff/requests/{requestId}/documents/{documentId}/review'].post).toBeDefined();
  });

  describe('refusals: a clear error, and nothing stored', () => {
    const max = 10 * 1024 * 1024;
    const refused: [string, { filename: string; contentType?: string; data: () => Buffer }, number, string, RegExp][] =
      [
        [
          'a Windows executable renamed .pdf',
          { filename: 'passport.pdf', contentType: 'application/pdf', data: windowsExecutable },
          415,
          'DOCUMENT_TYPE_REFUSED',
          /application\/x-msdownload/,
        ],
        [
          'a PNG declared as a PDF',
          { filename: 'scan.pdf', contentType: 'application/pdf', data: samplePng },
          415,
          'DOCUMENT_TYPE_MISMATCH',
          /sent as application\/pdf but its content is image\/png/,
        ],
        [
          'a file of 10 MB + 1 byte',
          { filename: 'huge.pdf', contentType: 'application/pdf', data: () => samplePdf({ padTo: max + 1 }) },
          413,
          'DOCUMENT_TOO_LARGE',
          /10485760 bytes/,
        ],
        [
          'an empty file',
          { filename: 'empty.pdf', contentType: 'application/pdf', data: () => Buffer.alloc(0) },
          400,
          'DOCUMENT_EMPTY',
          /empty/,
        ],
        [
          'a truncated PDF',
          {
            filename: 'cut.pdf',
            contentType: 'application/pdf',
            data: () => samplePdf({ padTo: 8000 }).subarray(0, 5000),
          },
          422,
          'DOCUMENT_CORRUPT',
          /%%EOF/,
        ],
      ];

    it.each(refused)('refuses %s', async (_name, file, status, code, detail) => {
      expect(ctx.deps.config.MAX_DOCUMENT_BYTES).toBe(max);
      const { citizen, requestId } = await newOwnerAndRequest();
      const filesBefore = storedFiles(ctx);
      const rowsBefore = await countRows(ctx, 'documents');
      const auditsBefore = await countRows(ctx, 'audit_events');
      const response = await upload(ctx, citizen.cookie, requestId, {
        kind: 'cnie_copy',
        filename: file.filename,
        contentType: file.contentType,
        data: file.data(),
      });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe(code);
      expect(problem.detail).toMatch(detail);
      expect(problem.title).not.toBe(`error.${code}`);
      expect(await countRows(ctx, 'documents')).toBe(rowsBefore);
      expect(await countRows(ctx, 'audit_events')).toBe(auditsBefore);
      expect(storedFiles(ctx)).toEqual(filesBefore);
    });

    it('refuses a kind the service does not ask for, a missing kind, a missing file and a non-multipart body', async () => {
      const { citizen, requestId } = await newOwnerAndRequest();
      const filesBefore = storedFiles(ctx);
      const rowsBefore = await countRows(ctx, 'documents');
      const unknown = await upload(ctx, citizen.cookie, requestId, {
        kind: 'marriage_certificate',
        filename: 'a.pdf',
        data: samplePdf(),
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ code: 'DOCUMENT_KIND_UNKNOWN' });
      expect(unknown.json().kinds).toContain('cnie_copy');

      const noKind = await uploadDocumentRequest(ctx, citizen.cookie, requestId, [
        { name: 'file', filename: 'a.pdf', data: samplePdf() },
      ]);
      expect(noKind.statusCode).toBe(400);
      expect(noKind.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.kind' }] });

      // The kind after the file is too late: the file is read as it streams.
      const kindAfter = await uploadDocumentRequest(ctx, citizen.cookie, requestId, [
        { name: 'file', filename: 'a.pdf', data: samplePdf() },
        { name: 'kind', value: 'cnie_copy' },
      ]);
      expect(kindAfter.json().code).toBe('VALIDATION_FAILED');

      const noFile = await uploadDocumentRequest(ctx, citizen.cookie, requestId, [
        { name: 'kind', value: 'cnie_copy' },
      ]);
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().code).toBe('DOCUMENT_MISSING');

      const json = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${requestId}/documents`,
        headers: { cookie: citizen.cookie },
        payload: { kind: 'cnie_copy' },
      });
      expect(json.statusCode).toBe(415);
      expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await countRows(ctx, 'documents')).toBe(rowsBefore);
      expect(storedFiles(ctx)).toEqual(filesBefore);
    });

    it('refuses uploads once the request is submitted, and needs a session', async () => {
      const { citizen, requestId } = await newOwnerAndRequest({ status: 'submitted' });
      const filesBefore = storedFiles(ctx);
      const response = await upload(ctx, citizen.cookie, requestId, {
        kind: 'cnie_copy',
        filename: 'a.pdf',
        data: samplePdf(),
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'REQUEST_NOT_EDITABLE', status: 409, requestStatus: 'submitted' });
      const anonymous = await upload(ctx, '', requestId, { kind: 'cnie_copy', filename: 'a.pdf', data: samplePdf() });
      expect(anonymous.statusCode).toBe(401);
      expect(storedFiles(ctx)).toEqual(filesBefore);
    });
  });

  it('replaces an uploaded or refused document of the same kind, and keeps an accepted one', async () => {
    const { citizen, requestId } = await newOwnerAndRequest();
    const send = (name: string) => {
      ctx.clock.advanceMinutes(1);
      return upload(ctx, citizen.cookie, requestId, {
        kind: 'proof_of_residence',
        filename: name,
        data: samplePdf({ text: name }),
      });
    };
    const first = (await send('first.pdf')).json();
    const second = (await send('second.pdf')).json();
    expect(second.status).toBe('uploaded');
    expect((await documentRow(ctx, first.id))!.status).toBe('replaced');
    expect(await auditCount(ctx, 'document.replaced', first.id)).toBe(1);

    // The consulate refuses it and asks for more: a new upload replaces the refused one.
    await setRequestStatus(ctx, requestId, 'more_info_requested');
    await ctx.db.execute(sql`UPDATE documents SET status = 'refused' WHERE id = ${second.id}`);
    const third = (await send('third.pdf')).json();
    expect((await documentRow(ctx, second.id))!.status).toBe('replaced');
    await ctx.db.execute(sql`UPDATE documents SET status = 'accepted' WHERE id = ${third.id}`);
    const fourth = await send('fourth.pdf');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().code).toBe('DOCUMENT_ALREADY_ACCEPTED');
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/documents`,
      headers: { cookie: citizen.cookie },
    });
    expect(list.json().documents.map((d: { status: string }) => d.status)).toEqual([
      'replaced',
      'replaced',
      'accepted',
    ]);
  });
});
