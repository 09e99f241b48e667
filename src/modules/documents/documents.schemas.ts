import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { documentRefusalReasonCodes } from '../requests/index.ts';
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
    refusalReason: z
      .string()
      .nullable()
      .describe('What the reader is told: the refusal template in their language (Accept-Language), then the note'),
    refusalReasonCode: z
      .enum(documentRefusalReasonCodes)
      .nullable()
      .describe('The refusal template (GET /api/v1/document-refusal-reasons); null for a free-text refusal'),
    refusalNote: z.string().nullable().describe('The agent’s own words, if any'),
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

export const reviewedDocumentSchema = documentSchema
  .extend({ requestVersion: z.number().int().describe('The request’s version after this review (name it next)') })
  .meta({ id: 'ReviewedDocument' });

const refusalText = text().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');

export const reviewDocumentBody = z
  .object({
    decision: z.enum(['accepted', 'refused']),
    reasonCode: z
      .enum(documentRefusalReasonCodes, { error: 'must be one of the document refusal templates' })
      .optional()
      .describe('When refused: a template of GET /api/v1/document-refusal-reasons'),
    note: refusalText.optional().describe('When refused: the agent’s own words (required with `other`)'),
    reason: refusalText
      .optional()
      .describe('When refused without a template: free text the citizen reads (the form before templates)'),
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'The request’s `version` as the page showed it: a request changed since is refused (409 REQUEST_CHANGED)',
      ),
  })
  .refine((body) => body.decision !== 'refused' || body.reasonCode !== undefined || body.reason !== undefined, {
    path: ['reason'],
    message: 'is required when the document is refused',
  })
  .refine((body) => body.reasonCode !== 'other' || body.note !== undefined, {
    path: ['note'],
    message: 'is required with the reason "other"',
  });

export const staffFileQuery = z.object({
  download: z
    .enum(['1'])
    .optional()
    .describe('1: as an attachment (save the file); otherwise inline, for an <iframe> or <img>'),
});
