import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.tables.ts';
import { requests } from '../requests/requests.tables.ts';
import { documentStatuses } from './document-status.ts';

/**
 * A supporting document of a request. The file itself is stored encrypted (AES-256-GCM with a fresh
 * data key per document, itself wrapped by the configured master key) under `storageKey`, a
 * server-generated name; nothing here is the citizen's file name on disk.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    // Which required document this is (a code of the service's list, e.g. 'birth_certificate_full_copy').
    kind: text('kind').notNull(),
    // The name the citizen gave, for display only (never used as a path).
    originalName: text('original_name').notNull(),
    // Detected from the magic bytes: application/pdf, image/jpeg or image/png.
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    // The data key wrapped by the master key (base64: iv | tag | ciphertext), and its key version.
    wrappedKey: text('wrapped_key').notNull(),
    keyVersion: smallint('key_version').notNull(),
    // IV and tag of the file's own encryption (base64).
    iv: text('iv').notNull(),
    authTag: text('auth_tag').notNull(),
    status: text('status', { enum: documentStatuses }).notNull().default('uploaded'),
    refusalReason: text('refusal_reason'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => accounts.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    index('documents_request_idx').on(t.requestId),
    check('documents_status', sql.raw(`status IN (${documentStatuses.map((s) => `'${s}'`).join(', ')})`)),
    check('documents_content_type', sql`${t.contentType} IN ('application/pdf', 'image/jpeg', 'image/png')`),
    check('documents_size', sql`${t.sizeBytes} > 0`),
  ],
);
