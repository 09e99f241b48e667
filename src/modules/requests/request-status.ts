import { AppError } from '../../platform/errors.ts';

/**
 * A request (dossier) from draft to decision. "More information" sends it back to the citizen, who
 * uploads again and resubmits; an accepted request may book, and is completed once served.
 */
export const requestStatuses = [
  'draft',
  'submitted',
  'more_info_requested',
  'accepted',
  'rejected',
  'withdrawn',
  'completed',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Statuses of a request still open: one per person and service at a time. */
export const openRequestStatuses = [
  'draft',
  'submitted',
  'more_info_requested',
  'accepted',
] as const satisfies readonly RequestStatus[];

const transitions: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['accepted', 'more_info_requested', 'rejected', 'withdrawn'],
  more_info_requested: ['submitted', 'withdrawn'],
  accepted: ['completed', 'withdrawn'],
  rejected: [],
  withdrawn: [],
  completed: [],
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
