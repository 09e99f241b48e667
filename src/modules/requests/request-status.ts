import { AppError } from '../../platform/errors.ts';

/**
 * A request (dossier) from draft to decision. "More information" sends it back to the citizen, who
 * uploads again and resubmits; an accepted request may book, and is completed once served. A request
 * the citizen leaves idle (a draft never submitted, more information never given, an accepted request
 * never booked again) expires after a while, so that none stays open forever (see expire-requests.ts).
 */
export const requestStatuses = [
  'draft',
  'submitted',
  'more_info_requested',
  'accepted',
  'rejected',
  'withdrawn',
  'completed',
  'expired',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Who opened a request: the citizen (a dossier), or the direct booking of a service without verification. */
export const requestOrigins = ['citizen', 'direct_booking'] as const;
export type RequestOrigin = (typeof requestOrigins)[number];

/** Statuses of a request still open: one per person and service at a time. */
export const openRequestStatuses = [
  'draft',
  'submitted',
  'more_info_requested',
  'accepted',
] as const satisfies readonly RequestStatus[];

const transitions: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ['submitted', 'withdrawn', 'expired'],
  // Waiting for an agent: the consulate's queue, not the citizen, has the next move.
  submitted: ['accepted', 'more_info_requested', 'rejected', 'withdrawn'],
  more_info_requested: ['submitted', 'withdrawn', 'expired'],
  accepted: ['completed', 'withdrawn', 'expired'],
  rejected: [],
  withdrawn: [],
  completed: [],
  expired: [],
};

export function canTransitionRequest(from: RequestStatus, to: RequestStatus): boolean {
  return transitions[from].includes(to);
}

export function assertRequestTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransitionRequest(from, to)) {
    throw new AppError('REQUEST_TRANSITION_REFUSED', 409, `A request that is ${from} cannot become ${to}.`, {
      from,
      to,
    });
  }
}

/** The statuses a request may come from to reach `to` (for SQL guards that mirror the table). */
export function requestStatusesLeadingTo(to: RequestStatus): RequestStatus[] {
  return requestStatuses.filter((from) => transitions[from].includes(to));
}
