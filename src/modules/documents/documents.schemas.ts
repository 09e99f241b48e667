import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { documentStatuses } from './document-status.ts';
import { acceptedContentTypes } from './inspect-upload.ts';

export const requestParams = z.object({ requestId: uuidSchema });
export const documentParams = z.object({ requestId: uuidSchema, documentId: uuidSchema });

/** The `kind` multipart field: a code of the service's required documents. */
export const documentKindSchema = text({ error: 'is required: send the field "kind" before the file' }).regex(
  /^[a-z][a-z0-9_]{0,63}$/,
  'must be a document kind code such as cnie_copy',
);

export const documentSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    kind: z.string().describe('A code of the service’s required documents'),
    originalName: z.string().describe('The name the citizen gave, cleaned; for display only'),
    contentType: z.enum(acceptedContentTypes).describe('Detected from the file’s bytes'),
    sizeBytes: z.number().int(),
    status: z.enum(documentStatuses),
    refusalReason: z.string().nullable(),
    uploadedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: 'Document' });

export const documentListSchema = z
  .object({
    documents: z.array(documentSchema),
    requiredKinds: z.array(z.string()).describe('The document kinds the request’s service asks for'),
  })
  .meta({ id: 'DocumentList' });

export const reviewDocumentBody = z
  .object({
    decision: z.enum(['accepted', 'refused']),
    reason: text()
      .trim()
      .min(1, 'must not be empty')
      .max(1000, 'must be at most 1000 characters')
      .optional()
      .describe('Required when refused: the citizen reads it'),
  })
  .refine((body) => body.decision !== 'refused' || body.reason !== undefined, {
    path: ['reason'],
    message: 'is required when the document is refused',
  });
