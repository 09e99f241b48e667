import type { ChecklistStatus, RequestStatus } from '../../../api/types.ts';
import type { RequestDecision, ReviewLock } from './verification-types.ts';

/**
 * What the verification page offers, from the request's state and its review lock — the rules the
 * server enforces, said in advance so the page never offers what it would refuse.
 */
export type ReviewMode =
  // The agent has it open (or nobody else does): documents and decision are theirs.
  | { kind: 'decide' }
  // Another agent has it open: read only, "being reviewed by … since …".
  | { kind: 'locked'; reviewer: { name: string; since: string } }
  // Not waiting for verification (decided, withdrawn…): read only.
  | { kind: 'closed'; status: RequestStatus };

/** `lock` is the page's latest answer from the review lock, when it has one (fresher than the view's). */
export function reviewModeOf(
  view: { status: RequestStatus; reviewLock: ReviewLock },
  lock?: ReviewLock | null,
): ReviewMode {
  if (view.status !== 'submitted') return { kind: 'closed', status: view.status };
  const current = lock ?? view.reviewLock;
  if (current.reviewer && !current.isHeldByYou) {
    return { kind: 'locked', reviewer: { name: current.reviewer.name, since: current.reviewer.since } };
  }
  return { kind: 'decide' };
}

interface Item {
  status: ChecklistStatus;
  documentId: string | null;
}

/** How many of the required documents are accepted, of how many. */
export function acceptedTally(checklist: readonly Item[]): { accepted: number; total: number } {
  return { accepted: checklist.filter((item) => item.status === 'accepted').length, total: checklist.length };
}

/** A request is accepted only once every document it needs is accepted. */
export const isEveryDocumentAccepted = (checklist: readonly Item[]) =>
  checklist.length > 0 && checklist.every((item) => item.status === 'accepted');

/**
 * What the agent may do with one document: accept a file received or refused before (a new look),
 * refuse a file received or accepted before (a second thought). A missing document has no file.
 */
export function documentActionsOf(item: Item, mode: ReviewMode): { canAccept: boolean; canRefuse: boolean } {
  if (mode.kind !== 'decide' || !item.documentId) return { canAccept: false, canRefuse: false };
  return {
    canAccept: item.status === 'uploaded' || item.status === 'refused',
    canRefuse: item.status === 'uploaded' || item.status === 'accepted',
  };
}

/** The document shown after `from` moving by `step` (wrapping round the list). */
export function steppedIndex(count: number, from: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (((from + step) % count) + count) % count;
}

/** The next document still waiting for a look after `from` (wrapping), or null when none is. */
export function nextToReview(checklist: readonly Item[], from: number): number | null {
  for (let offset = 1; offset <= checklist.length; offset++) {
    const index = (from + offset) % checklist.length;
    if (checklist[index]?.status === 'uploaded') return index;
  }
  return null;
}

/** The first document to show on opening: the first waiting for a look, else the first. */
export const firstToShow = (checklist: readonly Item[]) => {
  const waiting = checklist.findIndex((item) => item.status === 'uploaded');
  return waiting === -1 ? 0 : waiting;
};

// Faults of the two forms, each the end of a catalogue key (`staff.verification.faults.<fault>`).
export type Fault =
  | 'decisionRequired'
  | 'acceptNeedsDocuments'
  | 'reasonRequired'
  | 'noteRequiredForOther'
  | 'noteTooLong'
  | 'refusalReasonRequired'
  | 'refusalNoteRequiredForOther'
  | 'refusalNoteTooLong';

export const DECISION_NOTE_MAX = 2000;
export const REFUSAL_NOTE_MAX = 1000;

export interface DecisionValues {
  decision: string;
  reasonCode: string;
  note: string;
}

const needsReason = (decision: string): decision is 'more_info_requested' | 'rejected' =>
  decision === 'more_info_requested' || decision === 'rejected';

/** What is wrong with a decision, field by field (none: it can be sent). */
export function decisionFaults(
  values: DecisionValues,
  checklist: readonly Item[],
): Partial<Record<keyof DecisionValues, Fault>> {
  const faults: Partial<Record<keyof DecisionValues, Fault>> = {};
  if (values.decision !== 'accepted' && !needsReason(values.decision)) faults.decision = 'decisionRequired';
  else if (values.decision === 'accepted' && !isEveryDocumentAccepted(checklist))
    faults.decision = 'acceptNeedsDocuments';
  if (needsReason(values.decision) && !values.reasonCode) faults.reasonCode = 'reasonRequired';
  const note = values.note.trim();
  if (needsReason(values.decision) && values.reasonCode === 'other' && !note) faults.note = 'noteRequiredForOther';
  else if (note.length > DECISION_NOTE_MAX) faults.note = 'noteTooLong';
  return faults;
}

/** The body of POST …/decision, naming the version the page shows (a change since is refused). */
export function decisionBody(values: DecisionValues, version: number) {
  const note = values.note.trim() || undefined;
  const decision = values.decision as RequestDecision;
  if (decision === 'accepted') return { decision, version, note };
  return { decision, version, reasonCode: values.reasonCode, note };
}

export interface RefusalValues {
  reasonCode: string;
  note: string;
}

/** What is wrong with a document's refusal: a reason template, and words of one's own for "other". */
export function refusalFaults(values: RefusalValues): Partial<Record<keyof RefusalValues, Fault>> {
  const faults: Partial<Record<keyof RefusalValues, Fault>> = {};
  if (!values.reasonCode) faults.reasonCode = 'refusalReasonRequired';
  const note = values.note.trim();
  if (values.reasonCode === 'other' && !note) faults.note = 'refusalNoteRequiredForOther';
  else if (note.length > REFUSAL_NOTE_MAX) faults.note = 'refusalNoteTooLong';
  return faults;
}

export type DocumentVerdict = { decision: 'accepted' } | { decision: 'refused'; refusal: RefusalValues };

/** The body of POST …/documents/:d/review, naming the version the page shows. */
export function reviewBody(verdict: DocumentVerdict, version: number) {
  if (verdict.decision === 'accepted') return { decision: verdict.decision, version };
  const { reasonCode, note } = verdict.refusal;
  return { decision: verdict.decision, version, reasonCode, note: note.trim() || undefined };
}
