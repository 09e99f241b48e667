import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { assertDocumentTransition, canTransitionDocument, documentStatuses } from '../documents/document-status.ts';
import { buildChecklist, isAllAccepted, isReadyToSubmit } from './request-checklist.ts';
import { assertRequestTransition, canTransitionRequest, requestStatuses } from './request-status.ts';

const allowedRequests = new Set([
  'draft>submitted',
  'draft>withdrawn',
  'submitted>accepted',
  'submitted>more_info_requested',
  'submitted>rejected',
  'submitted>withdrawn',
  'more_info_requested>submitted',
  'more_info_requested>withdrawn',
  'accepted>completed',
  'accepted>withdrawn',
  'draft>expired',
  'more_info_requested>expired',
  'accepted>expired',
]);

describe('request status transitions', () => {
  for (const from of requestStatuses) {
    for (const to of requestStatuses) {
      const isAllowed = allowedRequests.has(`${from}>${to}`);
      it(`${isAllowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransitionRequest(from, to)).toBe(isAllowed);
        if (isAllowed) expect(() => assertRequestTransition(from, to)).not.toThrow();
        else expect(() => assertRequestTransition(from, to)).toThrowError(AppError);
      });
    }
  }
});

const allowedDocuments = new Set([
  'uploaded>accepted',
  'uploaded>refused',
  'uploaded>replaced',
  'accepted>refused',
  'refused>accepted',
  'refused>replaced',
]);

describe('document status transitions', () => {
  for (const from of documentStatuses) {
    for (const to of documentStatuses) {
      const isAllowed = allowedDocuments.has(`${from}>${to}`);
      it(`${isAllowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransitionDocument(from, to)).toBe(isAllowed);
        if (isAllowed) expect(() => assertDocumentTransition(from, to)).not.toThrow();
        else expect(() => assertDocumentTransition(from, to)).toThrowError(AppError);
      });
    }
  }
});

describe('the checklist of a request', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));
  it('takes the latest non-replaced document of each kind and says what is missing', () => {
    const items = buildChecklist(
      ['photo', 'birth_certificate', 'old_passport'],
      [
        { id: 'a', kind: 'photo', status: 'replaced', refusalReason: null, uploadedAt: at(1) },
        { id: 'b', kind: 'photo', status: 'refused', refusalReason: 'blurred', uploadedAt: at(2) },
        { id: 'c', kind: 'birth_certificate', status: 'accepted', refusalReason: null, uploadedAt: at(3) },
      ],
    );
    expect(items).toEqual([
      { kind: 'photo', status: 'refused', documentId: 'b', refusalReason: 'blurred' },
      { kind: 'birth_certificate', status: 'accepted', documentId: 'c', refusalReason: null },
      { kind: 'old_passport', status: 'missing', documentId: null, refusalReason: null },
    ]);
    expect(isReadyToSubmit(items)).toBe(false);
    expect(isReadyToSubmit(items.slice(1, 2))).toBe(true);
    expect(isAllAccepted(items.slice(1, 2))).toBe(true);
    expect(isAllAccepted([{ ...items[1]!, status: 'uploaded' }])).toBe(false);
  });
});
