import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors.ts';

export const acceptedContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedContentType = (typeof acceptedContentTypes)[number];

export const extensionOf: Record<AcceptedContentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export interface UploadedBytes {
  bytes: Buffer;
  // The multipart parser stopped reading at the size limit: `bytes` is only the beginning.
  isTruncated: boolean;
  // The part's Content-Type as the client declared it; only used to catch a contradiction.
  declaredType?: string;
  // The file's name as sent; only used to say what the file claimed to be when it is refused.
  fileName?: string;
}

// Other spellings clients use for the accepted types.
const aliases: Record<string, AcceptedContentType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

const PDF_HEADER = Buffer.from('%PDF-');
const PDF_TRAILER = Buffer.from('%%EOF');
// Length 0, "IEND", and the CRC of an empty IEND chunk: the last 12 bytes of every complete PNG.
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_END = Buffer.from([0xff, 0xd9]);

const isAccepted = (type: string): type is AcceptedContentType =>
  (acceptedContentTypes as readonly string[]).includes(type);

/** A stored content type, narrowed (the documents_content_type check constraint guarantees it). */
export function asAcceptedContentType(type: string): AcceptedContentType {
  if (!isAccepted(type)) throw new Error(`Unexpected stored content type ${type}.`);
  return type;
}

/**
 * The declared type when it names one of the accepted types, else undefined. Only a contradiction
 * between two accepted types is certain: a part sent without a type reaches us as text/plain (the
 * parser's default), and browsers send application/octet-stream for anything they do not know.
 */
function declaredAcceptedType(raw: string | undefined): AcceptedContentType | undefined {
  const type = raw?.split(';')[0]?.trim().toLowerCase() ?? '';
  const canonical = aliases[type] ?? type;
  return isAccepted(canonical) ? canonical : undefined;
}

// The accepted types a file name's extension stands for.
const typeOfExtension: Record<string, AcceptedContentType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
};

/**
 * What the file claimed to be: the accepted type its name's extension stands for, else its
 * declared type when that is an accepted one. Refusals carry it (`claimedType`) so that a citizen
 * reads "this file is not a real PDF" rather than a list of formats. It never decides anything.
 */
export function claimedTypeOf(upload: Pick<UploadedBytes, 'fileName' | 'declaredType'>): AcceptedContentType | null {
  const base = upload.fileName?.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const extension =
    dot > 0
      ? base
          .slice(dot + 1)
          .trim()
          .toLowerCase()
      : '';
  return typeOfExtension[extension] ?? declaredAcceptedType(upload.declaredType) ?? null;
}

/** Why a file of this type looks cut short or damaged, or undefined when it looks whole. */
function integrityFault(type: AcceptedContentType, bytes: Buffer): string | undefined {
  switch (type) {
    case 'application/pdf':
      if (!bytes.subarray(0, PDF_HEADER.length).equals(PDF_HEADER)) return 'the PDF does not start with %PDF-';
      // The end-of-file marker may be followed by a little whitespace, never by much.
      if (!bytes.subarray(-1024).includes(PDF_TRAILER)) return 'the PDF has no %%EOF marker at its end';
      return undefined;
    case 'image/png':
      if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return 'the PNG has no IHDR header chunk';
      if (!bytes.subarray(-PNG_END.length).equals(PNG_END)) return 'the PNG does not end with its IEND chunk';
      return undefined;
    case 'image/jpeg':
      if (!bytes.subarray(-JPEG_END.length).equals(JPEG_END)) return 'the JPEG does not end with its FF D9 marker';
      return undefined;
  }
}

/**
 * Decides from the bytes alone what an upload is, and refuses anything that is not a whole PDF,
 * JPEG or PNG within the size limit. The file name and extension play no part; a declared PDF,
 * JPEG or PNG type that contradicts the bytes is refused, as the client is confused or lying.
 */
export async function inspectUpload(
  upload: UploadedBytes,
  maxBytes: number,
): Promise<{ contentType: AcceptedContentType; sizeBytes: number }> {
  const { bytes } = upload;
  if (upload.isTruncated || bytes.length > maxBytes) {
    const maxMegabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
    throw new AppError(
      'DOCUMENT_TOO_LARGE',
      413,
      `The file is larger than the limit of ${maxBytes} bytes (${maxMegabytes} MB).`,
      { maxBytes, maxMegabytes },
    );
  }
  if (bytes.length === 0) throw new AppError('DOCUMENT_EMPTY', 400, 'The file is empty (0 bytes).');

  const claimedType = claimedTypeOf(upload);
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) {
    throw new AppError(
      'DOCUMENT_TYPE_REFUSED',
      415,
      'The file’s content is not recognised as PDF, JPEG or PNG (its name and declared type are not taken into account).',
      { detectedType: null, claimedType, accepted: [...acceptedContentTypes] },
    );
  }
  if (!isAccepted(detected.mime)) {
    throw new AppError(
      'DOCUMENT_TYPE_REFUSED',
      415,
      `The file’s content is ${detected.mime} (.${detected.ext}); only PDF, JPEG and PNG are accepted, whatever the file is named.`,
      { detectedType: detected.mime, claimedType, accepted: [...acceptedContentTypes] },
    );
  }
  const declared = declaredAcceptedType(upload.declaredType);
  if (declared !== undefined && declared !== detected.mime) {
    throw new AppError(
      'DOCUMENT_TYPE_MISMATCH',
      415,
      `The file was sent as ${declared} but its content is ${detected.mime}.`,
      { detectedType: detected.mime, declaredType: declared, claimedType },
    );
  }
  const fault = integrityFault(detected.mime, bytes);
  if (fault) {
    throw new AppError('DOCUMENT_CORRUPT', 422, `The file looks truncated or damaged: ${fault}.`, {
      detectedType: detected.mime,
    });
  }
  return { contentType: detected.mime, sizeBytes: bytes.length };
}
