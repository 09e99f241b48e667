import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { type DocumentStorage, LocalDiskStorage } from './document-storage.ts';
import { samplePdf, samplePng, windowsExecutable } from './documents.fixtures.ts';
import { openRequest, setRequestStatus, storedFiles } from './documents.testkit.ts';
import { uploadDocument } from './upload-document.ts';

describe.each(engines)('the upload use case on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const newOwnerAndRequest = async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    return { citizen: citizen!, requestId: await openRequest(ctx, citizen!) };
  };

  describe('the use case itself', () => {
    const depsWith = (storage: DocumentStorage, maxPerRequest = ctx.deps.config.MAX_DOCUMENTS_PER_REQUEST) => ({
      db: ctx.db,
      clock: ctx.clock,
      storage,
      keys: ctx.deps.keys,
      limits: { maxBytes: ctx.deps.config.MAX_DOCUMENT_BYTES, maxPerRequest },
    });
    const input = (owner: { accountId: string }, requestId: string, kind: string) => ({
      accountId: owner.accountId,
      requestId,
      kind,
      fileName: `${kind}.pdf`,
      upload: { bytes: samplePdf({ text: kind }), isTruncated: false, declaredType: 'application/pdf' },
    });

    it('refuses a document beyond the per-request limit, but still lets one be replaced', async () => {
      const { citizen, requestId } = await newOwnerAndRequest();
      const deps = depsWith(new LocalDiskStorage(ctx.deps.config.DOCUMENTS_DIR), 2);
      await uploadDocument(deps, input(citizen, requestId, 'cnie_copy'));
      await uploadDocument(deps, input(citizen, requestId, 'proof_of_residence'));
      const filesBefore = storedFiles(ctx);
      const error = await uploadDocument(deps, input(citizen, requestId, 'consular_registration_card')).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'DOCUMENT_LIMIT_REACHED', status: 409 });
      expect(storedFiles(ctx)).toEqual(filesBefore);
      const replacement = await uploadDocument(deps, input(citizen, requestId, 'cnie_copy'));
      expect(replacement.status).toBe('uploaded');
    });

    it('keeps the limit and one current document per kind under concurrent uploads', async () => {
      const { citizen, requestId } = await newOwnerAndRequest();
      const deps = depsWith(new LocalDiskStorage(ctx.deps.config.DOCUMENTS_DIR), 2);
      const filesBefore = storedFiles(ctx).length;
      const kinds = ['cnie_copy', 'proof_of_residence', 'consular_registration_card', 'id_photos_biometric'];
      const results = await Promise.allSettled(
        kinds.map((kind) => uploadDocument(deps, input(citizen, requestId, kind))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      for (const result of results.filter((r) => r.status === 'rejected')) {
        expect(result.reason).toMatchObject({ code: 'DOCUMENT_LIMIT_REACHED' });
      }
      expect(storedFiles(ctx).length).toBe(filesBefore + 2);

      // Replacing a stored kind stays possible at the limit, however many arrive at once.
      const storedKind = results.find((r) => r.status === 'fulfilled')!.value.kind;
      const same = await Promise.all(
        [1, 2, 3, 4].map(() => uploadDocument(deps, input(citizen, requestId, storedKind)).catch((e: unknown) => e)),
      );
      expect(same.filter((r) => r instanceof AppError)).toEqual([]);
      const [counts] = await queryRows<{ current: number; replaced: number }>(
        ctx.db,
        sql`SELECT count(*) FILTER (WHERE status <> 'replaced')::int AS current,
                   count(*) FILTER (WHERE status = 'replaced')::int AS replaced
            FROM documents WHERE request_id = ${requestId}`,
      );
      expect(counts).toEqual({ current: 2, replaced: 4 });
    });

    it('removes the stored file when the transaction refuses the upload after all', async () => {
      const { citizen, requestId } = await newOwnerAndRequest();
      const disk = new LocalDiskStorage(ctx.deps.config.DOCUMENTS_DIR);
      const putKeys: string[] = [];
      // The request is submitted while the file is being written: the transaction's re-check refuses.
      const racing: DocumentStorage = {
        put: async (key, data) => {
          putKeys.push(key);
          await disk.put(key, data);
          await setRequestStatus(ctx, requestId, 'submitted');
        },
        get: (key) => disk.get(key),
        remove: (key) => disk.remove(key),
      };
      const filesBefore = storedFiles(ctx);
      const rowsBefore = await countRows(ctx, 'documents');
      const error = await uploadDocument(depsWith(racing), input(citizen, requestId, 'cnie_copy')).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'REQUEST_NOT_EDITABLE' });
      expect(putKeys).toHaveLength(1);
      expect(storedFiles(ctx)).toEqual(filesBefore);
      expect(await countRows(ctx, 'documents')).toBe(rowsBefore);
    });

    it('says what the file’s name claimed when its content is refused, and stores nothing', async () => {
      const { citizen, requestId } = await newOwnerAndRequest();
      const deps = depsWith(new LocalDiskStorage(ctx.deps.config.DOCUMENTS_DIR));
      const filesBefore = storedFiles(ctx);
      // A browser declares the type from the name's extension; a program may send none at all.
      const cases = [
        { fileName: 'passport.pdf', declaredType: 'application/pdf', bytes: windowsExecutable() },
        { fileName: 'photo.JPG', declaredType: 'application/octet-stream', bytes: Buffer.from('plain words') },
        { fileName: 'C:\\scans\\card.png', declaredType: 'image/png', bytes: samplePdf() },
      ];
      const claims = [];
      for (const { fileName, declaredType, bytes } of cases) {
        const error = await uploadDocument(deps, {
          ...input(citizen, requestId, 'cnie_copy'),
          fileName,
          upload: { bytes, isTruncated: false, declaredType },
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        claims.push([(error as AppError).code, (error as AppError).extra.claimedType]);
      }
      expect(claims).toEqual([
        ['DOCUMENT_TYPE_REFUSED', 'application/pdf'],
        ['DOCUMENT_TYPE_REFUSED', 'image/jpeg'],
        ['DOCUMENT_TYPE_MISMATCH', 'image/png'],
      ]);
      expect(storedFiles(ctx)).toEqual(filesBefore);
      // A PNG named .png is what it says: accepted.
      const png = await uploadDocument(deps, {
        ...input(citizen, requestId, 'cnie_copy'),
        fileName: 'card.png',
        upload: { bytes: samplePng(), isTruncated: false, declaredType: 'image/png' },
      });
      expect(png.contentType).toBe('image/png');
    });
  });
});
