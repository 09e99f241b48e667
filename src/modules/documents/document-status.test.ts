import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  assertDocumentTransition,
  canTransitionDocument,
  type DocumentStatus,
  documentStatuses,
  documentStatusesLeadingTo,
} from './document-status.ts';

// The expected table, written out again on purpose: a change to the rules must change both.
const allowed = new Set([
  'uploaded>accepted',
  'uploaded>refused',
  'uploaded>replaced',
  'accepted>refused',
  'refused>accepted',
  'refused>replaced',
]);

describe('document statuses', () => {
  it('allows exactly the listed transitions, walking every pair', () => {
    for (const from of documentStatuses) {
      for (const to of documentStatuses) {
        const isAllowed = allowed.has(`${from}>${to}`);
        expect(canTransitionDocument(from, to), `${from} -> ${to}`).toBe(isAllowed);
        if (isAllowed) {
          expect(() => assertDocumentTransition(from, to)).not.toThrow();
        } else {
          expect(() => assertDocumentTransition(from, to)).toThrow(AppError);
        }
      }
    }
  });

  it('refuses with a 409 DOCUMENT_TRANSITION_REFUSED naming both statuses', () => {
    try {
      assertDocumentTransition('replaced', 'accepted');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'DOCUMENT_TRANSITION_REFUSED', status: 409 });
      expect((error as AppError).detail).toBe('A document that is replaced cannot become accepted.');
    }
  });

  it('lists the statuses leading to each status', () => {
    const leadingTo = (to: DocumentStatus) => documentStatusesLeadingTo(to).sort();
    expect(leadingTo('replaced')).toEqual(['refused', 'uploaded']);
    expect(leadingTo('accepted')).toEqual(['refused', 'uploaded']);
    expect(leadingTo('uploaded')).toEqual([]);
  });
});
