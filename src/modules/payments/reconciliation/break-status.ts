import { AppError } from '../../../platform/errors.ts';

/** A reconciliation break is open until a person explains it; the explanation is final. */
export const breakStatuses = ['open', 'resolved'] as const;
export type BreakStatus = (typeof breakStatuses)[number];

const transitions: Record<BreakStatus, readonly BreakStatus[]> = {
  open: ['resolved'],
  resolved: [],
};

export function canTransitionBreak(from: BreakStatus, to: BreakStatus): boolean {
  return transitions[from].includes(to);
}

export function assertBreakTransition(from: BreakStatus, to: BreakStatus): void {
  if (!canTransitionBreak(from, to)) {
    throw new AppError('BREAK_ALREADY_RESOLVED', 409, `A break that is ${from} cannot become ${to}.`, { from, to });
  }
}

/** The statuses a break may come from to reach `to` (for SQL guards that mirror the table). */
export function breakStatusesLeadingTo(to: BreakStatus): BreakStatus[] {
  return breakStatuses.filter((from) => transitions[from].includes(to));
}
