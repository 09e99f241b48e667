import type { FastifyReply, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { callerLocale } from '../requests/index.ts';
import type { Viewer } from './document-access.ts';
import { type Disposition, documentHeaders } from './document-disposition.ts';
import { LocalDiskStorage } from './document-storage.ts';
import { presentDocumentIn } from './document-view.ts';
import {
  documentKindSchema,
  documentListSchema,
  documentParams,
  documentSchema,
  requestParams,
  reviewDocumentBody,
  reviewedDocumentSchema,
  staffFileQuery,
} from './documents.schemas.ts';
import type { UploadedBytes } from './inspect-upload.ts';
import { listDocuments } from './list-documents.ts';
import { type DocumentFile, readDocument } from './read-document.ts';
import { reviewDocument } from './review-document.ts';
import { uploadDocument } from './upload-document.ts';

const uploadDescription = [
  'Send `multipart/form-data` with two parts, in this order:',
  '1. a field `kind`: one of the document kinds the request’s service asks for (see `requiredKinds` in the list);',
  '2. the file: PDF, JPEG or PNG, recognised by its content (not its name or declared type), at most',
  '`MAX_DOCUMENT_BYTES` (10 MB by default). A request holds at most `MAX_DOCUMENTS_PER_REQUEST` documents;',
  'a new file of a kind already uploaded or refused replaces the older one.',
].join('\n');

const fileDescription =
  'The decrypted file, as an attachment (`Content-Disposition`), with the type detected at upload.';

const kindFault = (message: string) =>
  new AppError('VALIDATION_FAILED', 400, `body.kind: ${message}`, { fields: [{ path: 'body.kind', message }] });

/**
 * The `kind` field and the file of an upload, read in the order they arrive: the file is read
 * whole (up to the size limit, where the parser marks it `truncated` and the use case answers
 * DOCUMENT_TOO_LARGE after its access checks), so `kind` must come before it.
 */
async function readUploadParts(
  request: FastifyRequest,
): Promise<{ kind: string; fileName: string; upload: UploadedBytes }> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      'Send the document as multipart/form-data: a field "kind", then the file.',
    );
  }
  let kind: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname !== 'kind') continue;
      if (kind !== undefined) throw kindFault('must be sent once');
      const parsed = documentKindSchema.safeParse(part.value);
      if (!parsed.success) throw kindFault(parsed.error.issues[0]?.message ?? 'is not valid');
      kind = parsed.data;
      continue;
    }
    if (kind === undefined) throw kindFault('is required: send the field "kind" before the file');
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    return {
      kind,
      fileName: part.filename,
      upload: { bytes: Buffer.concat(chunks), isTruncated: part.file.truncated, declaredType: part.mimetype },
    };
  }
  throw new AppError('DOCUMENT_MISSING', 400, 'No file was sent: add the file after the field "kind".');
}

function sendFile(reply: FastifyReply, file: DocumentFile, disposition: Disposition = 'attachment') {
  return reply.headers(documentHeaders(file, disposition)).send(file.bytes);
}

const staffFileDescription =
  'The decrypted file with the type detected at upload, shown inline (`Content-Disposition: inline`: a PDF in an ' +
  '`<iframe>`, an image in an `<img>`); `?download=1` sends it as an attachment. Every view is audited.';

export function documentsRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, keys, config } = deps;
  const storage = new LocalDiskStorage(config.DOCUMENTS_DIR);
  const limits = { maxBytes: config.MAX_DOCUMENT_BYTES, maxPerRequest: config.MAX_DOCUMENTS_PER_REQUEST };
  const citizen = async (request: FastifyRequest): Promise<Viewer> => ({
    kind: 'citizen',
    accountId: (await requirePrincipal(sessions, request)).accountId,
  });
  const staff = async (request: FastifyRequest): Promise<Viewer> => ({
    kind: 'staff',
    principal: await requirePrincipal(sessions, request),
  });

  app.post(
    '/api/v1/requests/:requestId/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Upload a supporting document to one’s own request',
        description: uploadDescription,
        consumes: ['multipart/form-data'],
        params: requestParams,
        response: { 201: documentSchema, ...problems(400, 401, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      const { kind, fileName, upload } = await readUploadParts(request);
      const row = await uploadDocument(
        { db, clock, storage, keys, limits },
        { accountId: principal.accountId, requestId: request.params.requestId, kind, fileName, upload },
      );
      return reply.status(201).send(presentDocumentIn(row, callerLocale(request)));
    },
  );

  app.get(
    '/api/v1/requests/:requestId/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'The documents of one’s own request',
        params: requestParams,
        response: { 200: documentListSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const list = await listDocuments({ db, clock }, await citizen(request), request.params.requestId);
      const locale = callerLocale(request);
      return {
        documents: list.documents.map((row) => presentDocumentIn(row, locale)),
        requiredKinds: list.requiredKinds,
      };
    },
  );

  app.get(
    '/api/v1/requests/:requestId/documents/:documentId/file',
    {
      schema: {
        tags: ['documents'],
        summary: 'Download a document of one’s own request',
        description: fileDescription,
        params: documentParams,
        response: problems(400, 401, 404),
      },
    },
    async (request, reply) =>
      sendFile(reply, await readDocument({ db, clock, storage, keys }, await citizen(request), request.params)),
  );

  app.get(
    '/api/v1/staff/requests/:requestId/documents',
    {
      schema: {
        tags: ['documents', 'staff'],
        summary: 'The documents of a request of one’s consulate (and department, for agents)',
        params: requestParams,
        response: { 200: documentListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const list = await listDocuments({ db, clock }, await staff(request), request.params.requestId);
      const locale = callerLocale(request);
      return {
        documents: list.documents.map((row) => presentDocumentIn(row, locale)),
        requiredKinds: list.requiredKinds,
      };
    },
  );

  app.get(
    '/api/v1/staff/requests/:requestId/documents/:documentId/file',
    {
      schema: {
        tags: ['documents', 'staff'],
        summary: 'View a document of a request in scope, inline (or `?download=1`); every view is audited',
        description: staffFileDescription,
        params: documentParams,
        querystring: staffFileQuery,
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const file = await readDocument({ db, clock, storage, keys }, await staff(request), request.params);
      return sendFile(reply, file, request.query.download === '1' ? 'attachment' : 'inline');
    },
  );

  app.post(
    '/api/v1/staff/requests/:requestId/documents/:documentId/review',
    {
      schema: {
        tags: ['documents', 'staff'],
        summary: 'Accept or refuse a document while its request is submitted (a refusal needs a reason template)',
        params: documentParams,
        body: reviewDocumentBody,
        response: { 200: reviewedDocumentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      const reviewed = await reviewDocument({ db, clock }, { principal, ...request.params, ...request.body });
      return {
        ...presentDocumentIn(reviewed.document, callerLocale(request)),
        requestVersion: reviewed.requestVersion,
      };
    },
  );
}
