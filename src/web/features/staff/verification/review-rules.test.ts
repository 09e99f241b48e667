import { describe, expect, it } from 'vitest';
import ar from '../../../i18n/staff/verification/ar.json';
import en from '../../../i18n/staff/verification/en.json';
import es from '../../../i18n/staff/verification/es.json';
import fr from '../../../i18n/staff/verification/fr.json';
import {
  acceptedTally,
  decisionBody,
  decisionFaults,
  documentActionsOf,
  type Fault,
  firstToShow,
  isEveryDocumentAccepted,
  nextToReview,
  refusalFaults,
  reviewBody,
  reviewModeOf,
  steppedIndex,
} from './review-rules.ts';
import type { ReviewLock } from './verification-types.ts';

const lock = (over: Partial<ReviewLock> = {}): ReviewLock => ({
  isHeldByYou: false,
  reviewer: null,
  staleAfterSeconds: 120,
  refreshAfterSeconds: 30,
  ...over,
});
const other = {
  accountId: 'b',
  name: 'agent.par@mawid.example',
  since: '2026-03-02T09:00:00Z',
  lastSeenAt: '2026-03-02T09:05:00Z',
};
const doc = (status: 'missing' | 'uploaded' | 'accepted' | 'refused') => ({
  status,
  documentId: status === 'missing' ? null : `doc-${status}`,
});

describe('what the verification page offers', () => {
  it('lets the agent decide a submitted request nobody else has open, or that they hold', () => {
    expect(reviewModeOf({ status: 'submitted', reviewLock: lock() })).toEqual({ kind: 'decide' });
    expect(reviewModeOf({ status: 'submitted', reviewLock: lock({ isHeldByYou: true, reviewer: other }) })).toEqual({
      kind: 'decide',
    });
  });

  it('is read only while another agent has it open, and says who and since when', () => {
    expect(reviewModeOf({ status: 'submitted', reviewLock: lock({ reviewer: other }) })).toEqual({
      kind: 'locked',
      reviewer: { name: other.name, since: other.since },
    });
  });

  it('believes the page’s latest lock over the view’s (the other agent left, or came in)', () => {
    const view = { status: 'submitted' as const, reviewLock: lock({ reviewer: other }) };
    expect(reviewModeOf(view, lock({ isHeldByYou: true, reviewer: { ...other, accountId: 'me' } }))).toEqual({
      kind: 'decide',
    });
    expect(reviewModeOf({ status: 'submitted', reviewLock: lock() }, lock({ reviewer: other })).kind).toBe('locked');
  });

  it('is read only once the request is no longer waiting for verification', () => {
    for (const status of [
      'more_info_requested',
      'accepted',
      'rejected',
      'withdrawn',
      'completed',
      'expired',
    ] as const) {
      expect(reviewModeOf({ status, reviewLock: lock({ isHeldByYou: true, reviewer: other }) })).toEqual({
        kind: 'closed',
        status,
      });
    }
  });
});

describe('the documents', () => {
  const decide = { kind: 'decide' } as const;

  it('are accepted when received or refused before, refused when received or accepted before', () => {
    expect(documentActionsOf(doc('uploaded'), decide)).toEqual({ canAccept: true, canRefuse: true });
    expect(documentActionsOf(doc('accepted'), decide)).toEqual({ canAccept: false, canRefuse: true });
    expect(documentActionsOf(doc('refused'), decide)).toEqual({ canAccept: true, canRefuse: false });
    expect(documentActionsOf(doc('missing'), decide)).toEqual({ canAccept: false, canRefuse: false });
  });

  it('are only looked at when the page is read only', () => {
    const locked = { kind: 'locked', reviewer: { name: 'x', since: '' } } as const;
    const closed = { kind: 'closed', status: 'accepted' } as const;
    expect(documentActionsOf(doc('uploaded'), locked)).toEqual({ canAccept: false, canRefuse: false });
    expect(documentActionsOf(doc('uploaded'), closed)).toEqual({ canAccept: false, canRefuse: false });
  });

  it('are walked through in both directions, round the list', () => {
    expect(steppedIndex(3, 2, 1)).toBe(0);
    expect(steppedIndex(3, 0, -1)).toBe(2);
    expect(steppedIndex(3, 1, 1)).toBe(2);
    expect(steppedIndex(0, 0, 1)).toBe(0);
  });

  it('open on the first waiting for a look, then go to the next one waiting', () => {
    const checklist = [doc('accepted'), doc('uploaded'), doc('refused'), doc('uploaded')];
    expect(firstToShow(checklist)).toBe(1);
    expect(firstToShow([doc('accepted'), doc('refused')])).toBe(0);
    expect(nextToReview(checklist, 1)).toBe(3);
    expect(nextToReview(checklist, 3)).toBe(1);
    expect(nextToReview([doc('accepted'), doc('uploaded')], 1)).toBe(1);
    expect(nextToReview([doc('accepted'), doc('refused')], 0)).toBeNull();
  });

  it('count as accepted only when every one of them is', () => {
    expect(isEveryDocumentAccepted([doc('accepted'), doc('accepted')])).toBe(true);
    expect(isEveryDocumentAccepted([doc('accepted'), doc('uploaded')])).toBe(false);
    expect(isEveryDocumentAccepted([])).toBe(false);
    expect(acceptedTally([doc('accepted'), doc('refused'), doc('missing')])).toEqual({ accepted: 1, total: 3 });
  });
});

describe('a decision', () => {
  const allAccepted = [doc('accepted'), doc('accepted')];
  const oneRefused = [doc('accepted'), doc('refused')];

  it('needs a choice', () => {
    expect(decisionFaults({ decision: '', reasonCode: '', note: '' }, allAccepted)).toEqual({
      decision: 'decisionRequired',
    });
  });

  it('accepts only when every document is accepted', () => {
    expect(decisionFaults({ decision: 'accepted', reasonCode: '', note: '' }, allAccepted)).toEqual({});
    expect(decisionFaults({ decision: 'accepted', reasonCode: '', note: '' }, oneRefused)).toEqual({
      decision: 'acceptNeedsDocuments',
    });
  });

  it('asks for more information or rejects with a reason, and words of one’s own for “other”', () => {
    expect(decisionFaults({ decision: 'more_info_requested', reasonCode: '', note: '' }, oneRefused)).toEqual({
      reasonCode: 'reasonRequired',
    });
    expect(decisionFaults({ decision: 'rejected', reasonCode: 'other', note: '  ' }, oneRefused)).toEqual({
      note: 'noteRequiredForOther',
    });
    expect(
      decisionFaults({ decision: 'more_info_requested', reasonCode: 'document_expired', note: '' }, oneRefused),
    ).toEqual({});
    expect(
      decisionFaults(
        { decision: 'more_info_requested', reasonCode: 'document_expired', note: 'x'.repeat(2001) },
        oneRefused,
      ),
    ).toEqual({ note: 'noteTooLong' });
  });

  it('is sent with the version seen, a blank note left out, no reason on an acceptance', () => {
    expect(decisionBody({ decision: 'accepted', reasonCode: 'other', note: ' ' }, 7)).toEqual({
      decision: 'accepted',
      version: 7,
      note: undefined,
    });
    expect(
      decisionBody({ decision: 'more_info_requested', reasonCode: 'document_expired', note: ' Scan it again ' }, 3),
    ).toEqual({
      decision: 'more_info_requested',
      version: 3,
      reasonCode: 'document_expired',
      note: 'Scan it again',
    });
  });
});

describe('a document’s refusal', () => {
  it('needs a reason template, and a note with “other”', () => {
    expect(refusalFaults({ reasonCode: '', note: '' })).toEqual({ reasonCode: 'refusalReasonRequired' });
    expect(refusalFaults({ reasonCode: 'other', note: '' })).toEqual({ note: 'refusalNoteRequiredForOther' });
    expect(refusalFaults({ reasonCode: 'illegible', note: '' })).toEqual({});
    expect(refusalFaults({ reasonCode: 'illegible', note: 'x'.repeat(1001) })).toEqual({ note: 'refusalNoteTooLong' });
  });

  it('is sent with the version seen; an acceptance carries no reason', () => {
    expect(reviewBody({ decision: 'accepted' }, 4)).toEqual({ decision: 'accepted', version: 4 });
    expect(reviewBody({ decision: 'refused', refusal: { reasonCode: 'expired', note: '' } }, 4)).toEqual({
      decision: 'refused',
      version: 4,
      reasonCode: 'expired',
      note: undefined,
    });
  });
});

describe('the faults', () => {
  it('each have a sentence in the four catalogues', () => {
    const faults: Fault[] = [
      'decisionRequired',
      'acceptNeedsDocuments',
      'reasonRequired',
      'noteRequiredForOther',
      'noteTooLong',
      'refusalReasonRequired',
      'refusalNoteRequiredForOther',
      'refusalNoteTooLong',
    ];
    for (const catalogue of [ar, en, es, fr]) {
      for (const fault of faults) expect(catalogue.faults[fault], fault).toMatch(/\S/);
    }
  });
});
