import type { Locale } from '../../platform/i18n/i18n.ts';
import { presentRefusal } from '../requests/index.ts';
import type { documents } from './documents.tables.ts';
import { asAcceptedContentType } from './inspect-upload.ts';

/** A documents row as Drizzle returns it. */
export type DocumentRow = typeof documents.$inferSelect;

/**
 * What the API shows of a document: never its storage key nor any key material. A refusal reads in
 * `locale`, the caller's.
 */
export function presentDocumentIn(row: DocumentRow, locale: Locale) {
  return {
    id: row.id,
    requestId: row.requestId,
    kind: row.kind,
    originalName: row.originalName,
    contentType: asAcceptedContentType(row.contentType),
    sizeBytes: row.sizeBytes,
    status: row.status,
    ...presentRefusal(locale, row.refusalReason),
    uploadedAt: row.uploadedAt.toISOString(),
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
  };
}

/** What an audit event records of a document (no key material, no content). */
export function auditedDocument(row: DocumentRow) {
  return {
    requestId: row.requestId,
    kind: row.kind,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
  };
}
