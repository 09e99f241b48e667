import { createHash, randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Keys } from '../../platform/keys.ts';
import { type RequestRow, type RequestStatus, requestOfCitizen } from '../requests/index.ts';
import { documentsOfRequest, requiredKindsOf } from './document-access.ts';
import { encryptDocument } from './document-crypto.ts';
import { displayNameOf } from './document-name.ts';
import { assertDocumentTransition, canTransitionDocument } from './document-status.ts';
import { type DocumentStorage, newStorageKey } from './document-storage.ts';
import { auditedDocument, type DocumentRow } from './document-view.ts';
import { documents } from './documents.tables.ts';
import { inspectUpload, type UploadedBytes } from './inspect-upload.ts';

export interface DocumentLimits {
  maxBytes: number;
  maxPerRequest: number;
}

export interface UploadDocumentDeps {
  db: Db;
  clock: Clock;
  storage: DocumentStorage;
  keys: Pick<Keys, 'documentMasterKey' | 'documentKeyVersion'>;
  limits: DocumentLimits;
}

export interface UploadDocumentInput {
  accountId: string;
  requestId: string;
  kind: string;
  fileName: string | undefined;
  upload: UploadedBytes;
}

// A citizen changes documents while the request is theirs to edit: before submission, or when
// the consulate asked for more information.
const editableStatuses: readonly RequestStatus[] = ['draft', 'more_info_requested'];

function assertEditable(request: RequestRow): void {
  if (!editableStatuses.includes(request.status)) {
    throw new AppError(
      'REQUEST_NOT_EDITABLE',
      409,
      `Documents can be added only while the request is a draft or more information was asked; it is ${request.status}.`,
      { requestStatus: request.status },
    );
  }
}

/**
 * Which documents a new upload of `kind` replaces, or why it is refused: an accepted document
 * stays (there is nothing to correct), and the request keeps at most `maxPerRequest` documents.
 */
export function planUpload(
  existing: Pick<DocumentRow, 'id' | 'kind' | 'status'>[],
  kind: string,
  maxPerRequest: number,
) {
  const current = existing.filter((d) => d.status !== 'replaced');
  const sameKind = current.filter((d) => d.kind === kind);
  if (sameKind.some((d) => d.status === 'accepted')) {
    throw new AppError('DOCUMENT_ALREADY_ACCEPTED', 409, `The consulate already accepted the ${kind} document.`, {
      kind,
    });
  }
  const replaced = sameKind.filter((d) => canTransitionDocument(d.status, 'replaced'));
  if (current.length - replaced.length + 1 > maxPerRequest) {
    throw new AppError(
      'DOCUMENT_LIMIT_REACHED',
      409,
      `A request holds at most ${maxPerRequest} documents; this one already has ${current.length}.`,
      { max: maxPerRequest },
    );
  }
  return replaced;
}

/**
 * Adds a supporting document to a citizen's request. Every check runs before anything is written;
 * the encrypted file is stored first, then its row and audit event are committed together (an
 * older document of the same kind becomes 'replaced' in the same transaction). If the transaction
 * fails, the stored file is removed again.
 */
export async function uploadDocument(deps: UploadDocumentDeps, input: UploadDocumentInput): Promise<DocumentRow> {
  const { db, clock, storage, keys, limits } = deps;
  const request = await requestOfCitizen(db, input.requestId, input.accountId);
  assertEditable(request);
  const kinds = await requiredKindsOf(db, request);
  if (!kinds.includes(input.kind)) {
    throw new AppError(
      'DOCUMENT_KIND_UNKNOWN',
      400,
      `This service does not ask for a document of kind "${input.kind}"; it asks for: ${kinds.join(', ')}.`,
      { kind: input.kind, kinds },
    );
  }
  // The name goes along only so that a refusal can say what the file claimed to be.
  const { contentType, sizeBytes } = await inspectUpload(
    { ...input.upload, fileName: input.fileName },
    limits.maxBytes,
  );
  planUpload(await documentsOfRequest(db, request.id), input.kind, limits.maxPerRequest);

  const id = randomUUID();
  const storageKey = newStorageKey();
  const sealed = encryptDocument(input.upload.bytes, keys.documentMasterKey, storageKey);
  await storage.put(storageKey, sealed.ciphertext);
  try {
    return await db.transaction(async (tx) => {
      // The request row lock orders every document change of this request.
      const locked = await requestOfCitizen(tx, request.id, input.accountId, { lock: true });
      assertEditable(locked);
      const replaced = planUpload(await documentsOfRequest(tx, request.id), input.kind, limits.maxPerRequest);
      const now = clock.now();
      if (replaced.length > 0) {
        for (const old of replaced) assertDocumentTransition(old.status, 'replaced');
        await tx
          .update(documents)
          .set({ status: 'replaced' })
          .where(
            inArray(
              documents.id,
              replaced.map((d) => d.id),
            ),
          );
        for (const old of replaced) {
          await recordAudit(tx, {
            actorAccountId: input.accountId,
            action: 'document.replaced',
            entityType: 'document',
            entityId: old.id,
            consulateId: locked.consulate_id,
            before: { status: old.status },
            after: { status: 'replaced', replacedBy: id },
            at: now,
          });
        }
      }
      const [row] = await tx
        .insert(documents)
        .values({
          id,
          requestId: request.id,
          kind: input.kind,
          originalName: displayNameOf(input.fileName, contentType),
          contentType,
          sizeBytes,
          sha256: createHash('sha256').update(input.upload.bytes).digest('hex'),
          storageKey,
          wrappedKey: sealed.wrappedKey,
          keyVersion: keys.documentKeyVersion,
          iv: sealed.iv,
          authTag: sealed.authTag,
          uploadedBy: input.accountId,
          uploadedAt: now,
        })
        .returning();
      await recordAudit(tx, {
        actorAccountId: input.accountId,
        action: 'document.uploaded',
        entityType: 'document',
        entityId: id,
        consulateId: locked.consulate_id,
        after: auditedDocument(row!),
        at: now,
      });
      return row!;
    });
  } catch (error) {
    // The refusal or failure is what the caller must see; a file left behind by a failed removal
    // is sealed under a data key that was never saved, so nobody can ever read it.
    await storage.remove(storageKey).catch(() => undefined);
    throw error;
  }
}
