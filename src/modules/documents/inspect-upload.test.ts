import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { sampleJpeg, samplePdf, samplePng, windowsExecutable } from './documents.fixtures.ts';
import { claimedTypeOf, inspectUpload, type UploadedBytes } from './inspect-upload.ts';

const MAX = 10 * 1024 * 1024;

async function refusal(upload: Partial<UploadedBytes> & { bytes: Buffer }, maxBytes = MAX): Promise<AppError> {
  try {
    await inspectUpload({ isTruncated: false, ...upload }, maxBytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the upload was accepted');
}

describe('inspecting an upload', () => {
  it('accepts whole PDF, PNG and JPEG files by their bytes', async () => {
    expect(await inspectUpload({ bytes: samplePdf(), isTruncated: false }, MAX)).toEqual({
      contentType: 'application/pdf',
      sizeBytes: samplePdf().length,
    });
    expect((await inspectUpload({ bytes: samplePng(), isTruncated: false }, MAX)).contentType).toBe('image/png');
    expect((await inspectUpload({ bytes: sampleJpeg(), isTruncated: false }, MAX)).contentType).toBe('image/jpeg');
  });

  it('accepts a declared type that agrees, an alias of it, or none at all', async () => {
    for (const declaredType of [
      'image/jpeg',
      'image/jpg',
      'IMAGE/JPEG; charset=binary',
      'application/octet-stream',
      'text/plain',
      '',
    ]) {
      const result = await inspectUpload({ bytes: sampleJpeg(), isTruncated: false, declaredType }, MAX);
      expect(result.contentType).toBe('image/jpeg');
    }
  });

  it('refuses a Windows executable named and declared as a PDF, saying what it is', async () => {
    const error = await refusal({ bytes: windowsExecutable(), declaredType: 'application/pdf' });
    expect(error.code).toBe('DOCUMENT_TYPE_REFUSED');
    expect(error.status).toBe(415);
    expect(error.detail).toContain('application/x-msdownload');
    expect(error.extra.detectedType).toBe('application/x-msdownload');
  });

  it('refuses content of no recognisable type', async () => {
    const error = await refusal({ bytes: Buffer.from('just some text, named passport.pdf') });
    expect(error.code).toBe('DOCUMENT_TYPE_REFUSED');
    expect(error.extra.detectedType).toBeNull();
  });

  it('says what the name claimed, so the citizen can be told "this is not a real PDF"', async () => {
    const named = await refusal({ bytes: windowsExecutable(), fileName: 'passeport.PDF', declaredType: 'text/plain' });
    expect(named.code).toBe('DOCUMENT_TYPE_REFUSED');
    expect(named.extra.claimedType).toBe('application/pdf');
    const unknown = await refusal({ bytes: Buffer.from('plain words'), fileName: 'photo.jpeg' });
    expect(unknown.extra).toMatchObject({ detectedType: null, claimedType: 'image/jpeg' });
    const mismatch = await refusal({ bytes: samplePdf(), fileName: 'scan.png', declaredType: 'image/png' });
    expect(mismatch.code).toBe('DOCUMENT_TYPE_MISMATCH');
    expect(mismatch.extra.claimedType).toBe('image/png');
    const silent = await refusal({ bytes: windowsExecutable(), fileName: 'setup.exe' });
    expect(silent.extra.claimedType).toBeNull();
  });

  it('reads the claim from the name first, then from an accepted declared type', () => {
    expect(claimedTypeOf({ fileName: 'C:\\Users\\a\\scan.Jpg' })).toBe('image/jpeg');
    expect(claimedTypeOf({ fileName: 'scan', declaredType: 'image/x-png' })).toBe('image/png');
    expect(claimedTypeOf({ fileName: 'scan.docx', declaredType: 'application/octet-stream' })).toBeNull();
    expect(claimedTypeOf({ fileName: '.pdf' })).toBeNull();
  });

  it('refuses a PNG declared as a PDF', async () => {
    const error = await refusal({ bytes: samplePng(), declaredType: 'application/pdf' });
    expect(error.code).toBe('DOCUMENT_TYPE_MISMATCH');
    expect(error.detail).toBe('The file was sent as application/pdf but its content is image/png.');
  });

  it('refuses an empty file', async () => {
    const error = await refusal({ bytes: Buffer.alloc(0) });
    expect(error.code).toBe('DOCUMENT_EMPTY');
    expect(error.status).toBe(400);
  });

  it('refuses a file over the limit, and one the parser cut at the limit', async () => {
    const big = await refusal({ bytes: samplePdf({ padTo: 2048 }) }, 2047);
    expect(big.code).toBe('DOCUMENT_TOO_LARGE');
    expect(big.status).toBe(413);
    expect(big.extra.maxBytes).toBe(2047);
    const cut = await refusal({ bytes: samplePdf(), isTruncated: true });
    expect(cut.code).toBe('DOCUMENT_TOO_LARGE');
    // Exactly at the limit is fine.
    expect((await inspectUpload({ bytes: samplePdf({ padTo: 2048 }), isTruncated: false }, 2048)).sizeBytes).toBe(2048);
  });

  it('refuses truncated PDF, PNG and JPEG files', async () => {
    const pdf = samplePdf({ padTo: 4096 });
    const cases: [Buffer, RegExp][] = [
      [pdf.subarray(0, pdf.length - 1500), /%%EOF/],
      [samplePng().subarray(0, samplePng().length - 5), /IEND/],
      [sampleJpeg().subarray(0, sampleJpeg().length - 2), /FF D9/],
    ];
    for (const [bytes, why] of cases) {
      const error = await refusal({ bytes });
      expect(error.code).toBe('DOCUMENT_CORRUPT');
      expect(error.status).toBe(422);
      expect(error.detail).toMatch(why);
    }
  });
});
