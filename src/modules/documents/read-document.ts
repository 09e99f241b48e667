import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import { documentOfRequest, requestForViewer, type Viewer } from './document-access.ts';
import { decryptDocument } from './document-crypto.ts';
import type { DocumentStorage } from './document-storage.ts';
import { type AcceptedContentType, asAcceptedContentType } from './inspect-upload.ts';

export interface ReadDocumentDeps {
  db: Db;
  clock: Clock;
  storage: DocumentStorage;
  keys: Pick<Keys, 'documentMasterKey' | 'documentKeyVersion'>;
}

export interface DocumentFile {
  bytes: Buffer;
  contentType: AcceptedContentType;
  fileName: string;
}

/**
 * The decrypted file of a document, for its owner or for staff in scope (404 for anyone else).
 * Every staff view leaves a 'document.viewed' audit event: who looked at whose identity papers.
 */
export async function readDocument(
  deps: ReadDocumentDeps,
  viewer: Viewer,
  input: { requestId: string; documentId: string },
): Promise<DocumentFile> {
  const request = await requestForViewer(deps, viewer, input.requestId);
  const document = await documentOfRequest(deps.db, request.id, input.documentId);
  if (document.keyVersion !== deps.keys.documentKeyVersion) {
    throw new Error(`Document ${document.id} is sealed under master key version ${document.keyVersion}, not loaded.`);
  }
  const bytes = decryptDocument(
    {
      ciphertext: await deps.storage.get(document.storageKey),
      iv: document.iv,
      authTag: document.authTag,
      wrappedKey: document.wrappedKey,
    },
    deps.keys.documentMasterKey,
    document.storageKey,
  );
  if (viewer.kind === 'staff') {
    await recordAudit(deps.db, {
      actorAccountId: viewer.principal.accountId,
      action: 'document.viewed',
      entityType: 'document',
      entityId: document.id,
      consulateId: request.consulate_id,
      after: { requestId: request.id, kind: document.kind, status: document.status },
      at: deps.clock.now(),
    });
  }
  return { bytes, contentType: asAcceptedContentType(document.contentType), fileName: document.originalName };
}
